package org.fieldnotes.commands;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.PersonPreferences;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Preferences;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes away <from> <to>} (participants): no prompts or reminders on those days of theirs (inclusive);
 * prompts due then are recorded as skipped. {@code away off} ends the absence; {@code away} shows it.
 */
@Component
class AwayCommand implements Subcommand {

	private final PlacementManagement placements;
	private final Preferences preferences;
	private final Replies replies;
	private final Clock clock;

	AwayCommand(PlacementManagement placements, Preferences preferences, Replies replies, Clock clock) {
		this.placements = placements;
		this.preferences = preferences;
		this.replies = replies;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "away";
	}

	@Override
	public int helpOrder() {
		return 30;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		Optional<Placement> placement = placements.currentFor(invocation.caller());
		if (placement.isEmpty()) {
			return replies.text("notEnrolled", locale);
		}
		LocalDate today = LocalDate.now(clock.withZone(placement.get().getParticipant().zone()));
		String[] args = invocation.rest().isBlank() ? new String[0] : invocation.rest().split("\\s+");
		if (args.length == 0) {
			PersonPreferences current = preferences.of(placement.get().getParticipant().id());
			return current.hasAbsence() && !current.awayTo().isBefore(today)
					? replies.text("away.current", locale, format(current.awayFrom(), locale),
							format(current.awayTo(), locale))
					: replies.text("away.none", locale);
		}
		if (args.length == 1 && args[0].equalsIgnoreCase("off")) {
			boolean had = preferences.of(placement.get().getParticipant().id()).hasAbsence();
			preferences.clearAway(invocation.caller());
			return replies.text(had ? "away.off" : "away.offNone", locale);
		}
		if (args.length != 2) {
			return replies.usage(replies.t("away.badFormat", locale), name(), locale);
		}
		LocalDate from;
		LocalDate to;
		try {
			from = LocalDate.parse(args[0]);
			to = LocalDate.parse(args[1]);
		}
		catch (DateTimeParseException e) {
			return replies.usage(replies.t("away.badFormat", locale), name(), locale);
		}
		if (to.isBefore(from)) {
			return replies.usage(replies.t("away.endBeforeStart", locale), name(), locale);
		}
		if (to.isBefore(today)) {
			return replies.usage(replies.t("away.endInPast", locale), name(), locale);
		}
		preferences.setAway(invocation.caller(), from, to);
		return replies.text("away.set", locale, format(from, locale), format(to, locale));
	}

	private static String format(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale).format(date);
	}
}
