package org.fieldnotes.digest.attention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptHistory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Loads a placement's {@link Facts} (once), applies {@link AttentionFlags} and words the flags in a reader's language.
 */
@Component
public class Attention {

	/** Status updates come about weekly: this many reach well past {@link AttentionFlags#LOOK_BACK}. */
	private static final int STATUS_UPDATES = 60;

	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final MessageSource messages;
	private final Clock clock;

	Attention(Logbook logbook, StatusUpdates statusUpdates, PromptHistory prompts, MessageSource messages, Clock clock) {
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.messages = messages;
		this.clock = clock;
	}

	/** Why the placement needs attention now; empty when it does not. */
	public List<Flag> flagsFor(Placement placement) {
		Instant now = clock.instant();
		Instant from = now.minus(AttentionFlags.LOOK_BACK);
		String id = placement.getId();
		Facts facts = new Facts(logbook.lastSharedEntryAt(id),
				statusUpdates.latest(id, STATUS_UPDATES)
					.stream()
					// a private update is the participant's alone: no flag may tell of it
					.filter(u -> u.visibility() != Visibility.PRIVATE)
					.filter(u -> !u.createdAt().isBefore(from))
					.toList(),
				prompts.within(id, from, now.plusSeconds(1)).stream().map(Facts.PromptFact::of).toList());
		return AttentionFlags.flagsFor(placement, facts, now);
	}

	/** Who is flagged, e.g. "Sven (Thesis abroad, KAIST)". */
	public String who(Placement placement, Locale locale) {
		return messages.getMessage("digest.attention.who",
				new Object[] { placement.getParticipant().name(), placement.getProgram(), placement.getHostOrganisation() },
				locale);
	}

	/** The flags in one line, e.g. "no entry for 16 days (last: 6 Nov); mood 4 → 2 over 3 weeks". */
	public String describe(List<Flag> flags, Locale locale) {
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM", locale);
		return flags.stream()
			.map(flag -> messages.getMessage(flag.messageKey(),
					flag.args().stream().map(a -> a instanceof LocalDate d ? date.format(d) : a).toArray(), locale))
			.collect(Collectors.joining(messages.getMessage("digest.attention.separator", null, "; ", locale)));
	}
}
