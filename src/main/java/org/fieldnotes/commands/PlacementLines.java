package org.fieldnotes.commands;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.fieldnotes.placement.Placement;

/** How a placement is named in one line: "Scania · KTP 2026 · 2 Nov 2026 – 30 Apr 2027". */
final class PlacementLines {

	private PlacementLines() {
	}

	static String of(Placement placement, Locale locale) {
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		return placement.getHostOrganisation() + " · " + placement.getProgram() + " · "
				+ date.format(placement.getStartDate()) + " – " + date.format(placement.getEndDate());
	}
}
