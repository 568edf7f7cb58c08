package org.fieldnotes.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.digest.attention.AttentionFlags;
import org.fieldnotes.logbook.StatusUpdate;
import org.springframework.stereotype.Component;

/**
 * The manager's one line about a placement: status (RAG), prompts answered and missed this week and so far, the
 * streak, the oldest unresolved blocker's age (of the items, or derived from status updates for a placement without
 * items) and a pointer to the flags. Facts only, taken from every status update that is not
 * private, like the flags; never a status update's words. (Entries shared with the whole placement follow the line:
 * see {@code DigestComposer}.)
 */
@Component
class ManagerLine {

	private final DigestTexts texts;
	private final Clock clock;
	private final BlockerLines blockerLines;

	ManagerLine(DigestTexts texts, Clock clock, BlockerLines blockerLines) {
		this.blockerLines = blockerLines;
		this.texts = texts;
		this.clock = clock;
	}

	void write(ChatMessage.Builder message, PlacementWeek week, RoleFacts facts, boolean flagged, Instant now,
			Locale locale) {
		// facts only (a colour, a number of days), from the same updates as the flags above
		List<StatusUpdate> updates = facts.factUpdates();
		String rag = updates.isEmpty() ? "NONE" : updates.get(0).status().name();
		List<String> parts = new ArrayList<>();
		parts.add(texts.t("roles.manager.where", locale, week.placement().getHostOrganisation(),
				week.placement().weekNumberAt(now), week.placement().totalWeeks()));
		parts.add(texts.t("roles.rag." + rag, locale));
		RoleFacts.Engagement engagement = facts.engagement();
		String prompts = engagement.promptsOverall() == 0 ? texts.t("roles.manager.noPromptsYet", locale)
				: engagement.promptsThisWeek() == 0
						? texts.t("roles.manager.noPrompts", locale, engagement.answeredOverall(),
								engagement.promptsOverall())
				: texts.t("roles.manager.prompts", locale, engagement.answeredThisWeek(), engagement.promptsThisWeek(),
						engagement.answeredOverall(), engagement.promptsOverall());
		if (week.missed() > 0) {
			prompts += texts.t("roles.manager.missed", locale, week.missed());
		}
		parts.add(prompts);
		if (engagement.promptsOverall() > 0) {
			parts.add(texts.t("roles.streak", locale, engagement.streak()));
		}
		ZoneId participantZone = week.placement().getParticipant().zone();
		Optional<AttentionFlags.OpenBlocker> blocker = AttentionFlags.openBlocker(updates, participantZone,
				clock.instant().atZone(participantZone).toLocalDate());
		Optional<Long> days = blockerLines.itemsFor(week.placement()) ? blockerLines.oldestAge(week.placement())
				: blocker.map(AttentionFlags.OpenBlocker::days);
		parts.add(days.map(d -> texts.t("roles.manager.blocker", locale, d))
			.orElseGet(() -> texts.t("roles.blocker.none", locale)));
		if (flagged) {
			parts.add(texts.t("roles.manager.flagged", locale));
		}
		message.paragraph(Span.plain(texts.t("roles.rag.emoji." + rag, locale) + " "),
				Span.bold(week.placement().getParticipant().name()),
				Span.plain(" — " + String.join(" · ", parts)));
	}
}
