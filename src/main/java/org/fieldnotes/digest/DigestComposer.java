package org.fieldnotes.digest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.digest.attention.Attention;
import org.fieldnotes.digest.attention.Flag;
import org.fieldnotes.digest.summary.Summarizer;
import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.Preferences;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a recipient's digest in their language: per placement, the participant, which prompts were answered or
 * missed, and the week's entries quoted as written (the renderer escapes them).
 */
@Component
class DigestComposer {

	private final MessageSource messages;
	private final PromptHistory prompts;
	private final Preferences preferences;
	private final Summarizer summarizer;
	private final Attention attention;
	private final EntryActions entryActions;

	DigestComposer(MessageSource messages, PromptHistory prompts, Preferences preferences, Summarizer summarizer,
			Attention attention, EntryActions entryActions) {
		this.messages = messages;
		this.prompts = prompts;
		this.preferences = preferences;
		this.summarizer = summarizer;
		this.attention = attention;
		this.entryActions = entryActions;
	}

	ChatMessage compose(Recipient recipient, List<PlacementWeek> weeks, LocalDate from, LocalDate today) {
		Locale locale = preferences.languageOf(recipient.person());
		ZoneId zone = recipient.person().zone();
		DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM", locale);
		var message = ChatMessage.builder(text("digest.summary", locale, weeks.size()))
			.heading(text("digest.heading", locale))
			.context(text("digest.context", locale, DateTimeFormatter.ofPattern("d MMM", locale).format(from),
					DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(today), weeks.size()));
		weeks = needsAttention(message, weeks, locale);
		for (PlacementWeek placementWeek : weeks) {
			Placement placement = placementWeek.placement();
			message.divider()
				.paragraph(Span.bold(placement.getParticipant().name()),
						Span.plain(" — " + text("digest.placementLine", locale, placement.getHostOrganisation(),
								placement.getProgram(), Math.max(1, Math.min(placement.weekOf(today), placement.weeks())),
								placement.weeks(), text("role." + placementWeek.role(), locale))));
			// only the entries this digest quotes to this recipient
			summarizer.summarize(placementWeek.entries().stream().map(LogbookEntry::text).toList(), locale)
				.ifPresent(summary -> message.context(text("summary.line", locale, summary)));
			if (placement.getStatus() != PlacementStatus.ACTIVE) {
				message.context(text("digest.status." + placement.getStatus(), locale));
			}
			if (placementWeek.prompts().isEmpty()) {
				message.context(text("digest.noPrompts", locale));
			}
			else {
				message.paragraph(text("digest.prompts", locale, placementWeek.answered(), placementWeek.prompts().size()));
				message.items(placementWeek.prompts()
					.stream()
					.map(o -> new Item(promptTitle(o, locale), text(promptState(o), locale)))
					.toList());
			}
			if (placementWeek.entries().isEmpty()) {
				message.context(text("digest.noEntries", locale));
			}
			for (LogbookEntry entry : placementWeek.entries()) {
				String when = day.format(entry.createdAt().atZone(zone));
				String kind = entry.source() == EntrySource.PROMPT_REPLY && entry.promptId() != null
						? text("digest.entry.reply", locale, when, promptTitle(entry.promptId(), locale))
						: text("digest.entry.freeForm", locale, when);
				message.quote(kind, entry.text());
				entryActions.addTo(message, recipient, entry, locale);
			}
		}
		return message.build();
	}

	/**
	 * Adds the "⚠ Needs attention" section, one line per flagged placement, when any is flagged; returns the weeks
	 * with the flagged placements first (otherwise in their order).
	 */
	private List<PlacementWeek> needsAttention(ChatMessage.Builder message, List<PlacementWeek> weeks, Locale locale) {
		List<PlacementWeek> flagged = new ArrayList<>();
		List<PlacementWeek> others = new ArrayList<>();
		List<Item> lines = new ArrayList<>();
		for (PlacementWeek placementWeek : weeks) {
			List<Flag> flags = attention.flagsFor(placementWeek.placement());
			if (flags.isEmpty()) {
				others.add(placementWeek);
			}
			else {
				flagged.add(placementWeek);
				lines.add(new Item(attention.who(placementWeek.placement(), locale), attention.describe(flags, locale)));
			}
		}
		if (lines.isEmpty()) {
			return weeks;
		}
		message.paragraph(Span.bold(text("digest.attention.heading", locale))).items(lines);
		flagged.addAll(others);
		return flagged;
	}

	private static String promptState(PromptOccurrence occurrence) {
		if (occurrence.isAnswered()) {
			return "digest.prompt.answered";
		}
		if (occurrence.getStatus() == OccurrenceStatus.SKIPPED
				&& ("away".equals(occurrence.getSkipReason()) || "holiday".equals(occurrence.getSkipReason()))) {
			return "digest.prompt.SKIPPED." + occurrence.getSkipReason();
		}
		return occurrence.getStatus() == OccurrenceStatus.SENT ? "digest.prompt.unanswered"
				: "digest.prompt." + occurrence.getStatus();
	}

	private String promptTitle(PromptOccurrence occurrence, Locale locale) {
		return promptTitle(occurrence.getPromptId(), locale);
	}

	private String promptTitle(String promptId, Locale locale) {
		return prompts.prompt(promptId).map(p -> p.title(locale)).orElse(promptId);
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
