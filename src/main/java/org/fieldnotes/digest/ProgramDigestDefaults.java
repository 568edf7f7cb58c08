package org.fieldnotes.digest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Programs;
import org.springframework.stereotype.Component;

/**
 * The digest defaults a recipient's programmes set ({@code PUT /api/v1/programs/{p}} {@code digestDay},
 * {@code digestTime}, {@code digestChannel}): what applies to a recipient who did not choose their own, before the
 * global defaults ({@code FIELDNOTES_DIGEST_DAY}, {@code _TIME}, chat).
 *
 * <p>A recipient gets one digest however many placements they follow, so one rule decides between programmes that
 * differ: each setting is taken from the first of the placements they follow, by start date (then placement id),
 * whose programme sets it. A coach of a KTP placement since August and of a mobility placement since October gets
 * the KTP programme's day; should KTP set no day, the mobility programme's.
 */
@Component
class ProgramDigestDefaults {

	/** The defaults that apply; a {@literal null} field: the programmes set none (the global default applies). */
	record Defaults(DayOfWeek day, LocalTime time, DigestChannel channel) {

		static final Defaults NONE = new Defaults(null, null, null);
	}

	private final Programs programs;

	ProgramDigestDefaults(Programs programs) {
		this.programs = programs;
	}

	/** Every programme's settings, read once for many recipients. */
	Map<String, ProgramSettings> programmes() {
		return programs.allByKey();
	}

	/** The recipient's programme defaults (one read of the programmes). */
	Defaults of(Recipient recipient) {
		return recipient.placements().isEmpty() ? Defaults.NONE : of(recipient, programmes());
	}

	/** The recipient's programme defaults, with every programme's settings read already. */
	static Defaults of(Recipient recipient, Map<String, ProgramSettings> programmes) {
		if (programmes.isEmpty() || recipient.placements().isEmpty()) {
			return Defaults.NONE;
		}
		List<Placement> ordered = recipient.placements().stream()
			.map(Recipient.Followed::placement)
			.sorted(Comparator.comparing(Placement::getStartDate).thenComparing(Placement::getId))
			.toList();
		DayOfWeek day = null;
		LocalTime time = null;
		DigestChannel channel = null;
		for (Placement placement : ordered) {
			ProgramSettings settings = programmes.get(ProgramSettings.keyOf(placement.getProgram()));
			if (settings == null) {
				continue;
			}
			day = day != null ? day : settings.digestDay();
			time = time != null ? time : settings.digestTime();
			if (channel == null && settings.digestChannel() != null) {
				channel = settings.digestChannel().equals("email") ? DigestChannel.EMAIL : DigestChannel.CHAT;
			}
		}
		return new Defaults(day, time, channel);
	}
}
