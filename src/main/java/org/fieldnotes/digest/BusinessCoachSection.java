package org.fieldnotes.digest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.digest.attention.AttentionFlags;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.placement.Role;
import org.springframework.stereotype.Component;

/**
 * What the business coach reads about a placement, after the part every coach gets: the latest status (RAG) and
 * progress, the unresolved blocker items with their age and actions ({@link BlockerLines}; for a placement without
 * items, the blocker derived from status updates and how long it has been open), and the
 * reflections shared with coaches, quoted. Only status updates and entries the business coach may read.
 */
@Component
class BusinessCoachSection {

	private final DigestTexts texts;
	private final EntryQuotes quotes;
	private final Clock clock;
	private final BlockerLines blockerLines;

	BusinessCoachSection(DigestTexts texts, EntryQuotes quotes, Clock clock, BlockerLines blockerLines) {
		this.blockerLines = blockerLines;
		this.texts = texts;
		this.quotes = quotes;
		this.clock = clock;
	}

	void write(ChatMessage.Builder message, Recipient recipient, PlacementWeek week, RoleFacts facts, Locale locale,
			ZoneId zone) {
		List<StatusUpdate> updates = facts.statusUpdates();
		if (updates.isEmpty()) {
			message.paragraph(Span.bold(texts.t("roles.status.label", locale)),
					Span.plain("  " + texts.t("roles.status.none", locale)));
		}
		else {
			StatusUpdate latest = updates.get(0);
			message.paragraph(Span.bold(texts.t("roles.status.label", locale)),
					Span.plain("  " + texts.t("roles.status.latest", locale,
							texts.t("roles.rag.emoji." + latest.status(), locale) + " "
									+ texts.t("roles.rag." + latest.status(), locale),
							texts.day(latest.createdAt(), zone, locale))));
			quoteStatus(message, texts.t("roles.status.progress", locale), latest.progress());
		}
		ZoneId participantZone = week.placement().getParticipant().zone();
		LocalDate today = clock.instant().atZone(participantZone).toLocalDate();
		Optional<AttentionFlags.OpenBlocker> blocker = AttentionFlags.openBlocker(updates, participantZone, today);
		if (blockerLines.itemsFor(week.placement())) {
			// blockers are items: each unresolved one with its actions
			blockerLines.write(message, recipient, week, locale, texts.t("roles.blocker.none", locale));
		}
		else if (blocker.isPresent()) {
			quoteStatus(message, texts.t("roles.blocker.open", locale, blocker.get().days(),
					texts.date(blocker.get().since(), locale)), blocker.get().latest().blockers());
		}
		else {
			message.paragraph(Span.bold(texts.t("roles.blocker.label", locale)),
					Span.plain("  " + texts.t("roles.blocker.none", locale)));
		}
		List<LogbookEntry> entries = week.readableEntries();
		message.paragraph(Span.bold(texts.t("roles.reflections.shared", locale)));
		if (entries.isEmpty()) {
			message.context(texts.t("digest.noEntries", locale));
		}
		for (LogbookEntry entry : entries) {
			quotes.quote(message, recipient, entry, Role.BUSINESS_COACH, locale, zone);
		}
	}

	/** A status update's words (progress, blockers), quoted as written; the renderers escape them. */
	private static void quoteStatus(ChatMessage.Builder message, String attribution, String words) {
		message.quote(attribution, words);
	}
}
