package org.fieldnotes.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.digest.attention.Attention;
import org.fieldnotes.digest.attention.Flag;
import org.fieldnotes.digest.summary.Summarizer;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.Role;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptOccurrence;
import org.springframework.stereotype.Component;

/**
 * Writes a recipient's digest in their language. It opens with "⚠ Needs attention" (one line per flagged
 * placement, saying why), then each placement as the recipient's role should see it, flagged ones first:
 * <ul>
 * <li>a coach gets the placement's header line, a summary of the entries they may read, the prompts of the week
 * with the engagement numbers (answered this week and so far, streak), then their own part:
 * {@link AcademicCoachSection} (mood trend, learning goals touched, reflections including those confidential to
 * them) or {@link BusinessCoachSection} (status, progress, open blocker and its age, reflections shared with
 * coaches);</li>
 * <li>a manager gets one {@link ManagerLine} per placement, after the coaches' parts (facts only), each followed by
 * the entries the participant shared with the whole placement, if any.</li>
 * </ul>
 * Only entries and status updates the role may read are shown, counted or summarized; a private one never is.
 */
@Component
class DigestComposer {

	private final DigestTexts texts;
	private final Languages languages;
	private final Summarizer summarizer;
	private final Attention attention;
	private final RoleFactsLoader facts;
	private final AcademicCoachSection academic;
	private final BusinessCoachSection business;
	private final ManagerLine managerLine;
	private final BlockerLines blockerLines;
	private final EntryQuotes quotes;

	DigestComposer(DigestTexts texts, Languages languages, Summarizer summarizer, Attention attention,
			RoleFactsLoader facts, AcademicCoachSection academic, BusinessCoachSection business,
			ManagerLine managerLine, EntryQuotes quotes, BlockerLines blockerLines) {
		this.blockerLines = blockerLines;
		this.texts = texts;
		this.languages = languages;
		this.summarizer = summarizer;
		this.attention = attention;
		this.facts = facts;
		this.academic = academic;
		this.business = business;
		this.managerLine = managerLine;
		this.quotes = quotes;
	}

	/**
	 * The digest of the 7 days from {@code from} to {@code now}: the period in the recipient's own calendar, each
	 * placement's week on its participant's date ({@link Placement#weekNumberAt(Instant)}).
	 */
	ChatMessage compose(Recipient recipient, List<PlacementWeek> weeks, Instant from, Instant now) {
		Locale locale = languages.of(recipient.person());
		ZoneId zone = recipient.person().zone();
		LocalDate first = from.atZone(zone).toLocalDate();
		LocalDate today = now.atZone(zone).toLocalDate();
		var message = ChatMessage.builder(texts.t("digest.summary", locale, weeks.size()))
			.heading(texts.t("digest.heading", locale))
			.context(texts.t("digest.context", locale, DateTimeFormatter.ofPattern("d MMM", locale).format(first),
					DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(today), weeks.size()));
		Map<PlacementWeek, List<Flag>> flagged = needsAttention(message, weeks, locale);
		List<PlacementWeek> ordered = new ArrayList<>(flagged.keySet());
		weeks.stream().filter(w -> !flagged.containsKey(w)).forEach(ordered::add);
		for (PlacementWeek week : ordered) {
			if (week.role() != Role.MANAGER) {
				coachPart(message, recipient, week, facts.load(week), now, locale, zone);
			}
		}
		List<PlacementWeek> managed = ordered.stream().filter(w -> w.role() == Role.MANAGER).toList();
		if (!managed.isEmpty()) {
			message.divider().paragraph(Span.bold(texts.t("roles.manager.heading", locale)));
			for (PlacementWeek week : managed) {
				managerLine.write(message, week, facts.load(week), flagged.containsKey(week), now, locale);
				status(message, week.placement(), locale);
				followUp(message, week.placement(), now, locale);
				// blockers the participant shared with the whole placement, with their actions
				blockerLines.write(message, recipient, week, locale, null);
				sharedWithManager(message, recipient, week, locale, zone);
			}
		}
		return message.build();
	}

	/**
	 * The entries the participant chose to share with the whole placement: the manager's digest is otherwise one
	 * line of facts, but these the participant wrote for them to read.
	 */
	private void sharedWithManager(ChatMessage.Builder message, Recipient recipient, PlacementWeek week, Locale locale,
			ZoneId zone) {
		List<LogbookEntry> shared = week.readableEntries();
		if (shared.isEmpty()) {
			return;
		}
		message.context(texts.t("roles.manager.shared", locale, week.placement().getParticipant().name(), shared.size()));
		for (LogbookEntry entry : shared) {
			quotes.quote(message, recipient, entry, Role.MANAGER, locale, zone);
		}
	}

	/** The part every coach gets, then the part for their role. */
	private void coachPart(ChatMessage.Builder message, Recipient recipient, PlacementWeek week, RoleFacts roleFacts,
			Instant now, Locale locale, ZoneId zone) {
		Placement placement = week.placement();
		message.divider()
			.paragraph(Span.bold(placement.getParticipant().name()),
					Span.plain(" — " + texts.t("digest.placementLine", locale, placement.getHostOrganisation(),
							placement.getProgram(), placement.weekNumberAt(now), placement.totalWeeks(),
							texts.t("role." + week.role(), locale))));
		// only the entries this digest quotes to this recipient
		summarizer.summarize(week.readableEntries().stream().map(LogbookEntry::text).toList(), locale)
			.ifPresent(summary -> message.context(texts.t("summary.line", locale, summary)));
		status(message, placement, locale);
		followUp(message, placement, now, locale);
		engagement(message, week, roleFacts.engagement(), locale);
		if (week.role() == Role.ACADEMIC_COACH) {
			academic.write(message, recipient, week, roleFacts, locale, zone);
		}
		else {
			business.write(message, recipient, week, roleFacts, locale, zone);
		}
	}

	private void status(ChatMessage.Builder message, Placement placement, Locale locale) {
		if (placement.getStatus() != PlacementStatus.ACTIVE) {
			message.context(texts.t("digest.status." + placement.getStatus(), locale));
		}
	}

	/**
	 * A placement past its digest period is in a digest only for the week its follow-up was answered in
	 * ({@link DigestService#inDigestPeriod}): say so, with the day it ended.
	 */
	private void followUp(ChatMessage.Builder message, Placement placement, Instant now, Locale locale) {
		if (!DigestService.inDigestPeriod(placement, placement.dateAt(now))) {
			message.context(texts.t("digest.followUp", locale, placement.getParticipant().name(),
					DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(placement.getEndDate())));
		}
	}

	/** Prompts answered this week (each prompt's fate listed) and so far, and the streak. */
	private void engagement(ChatMessage.Builder message, PlacementWeek week, RoleFacts.Engagement engagement,
			Locale locale) {
		String streak = texts.t("roles.streak", locale, engagement.streak());
		if (week.prompts().isEmpty()) {
			message.context(engagement.promptsOverall() == 0 ? texts.t("digest.noPrompts", locale)
					: texts.t("digest.noPrompts", locale) + " " + texts.t("roles.engagement.soFar", locale,
							engagement.answeredOverall(), engagement.promptsOverall(), streak));
			return;
		}
		message.paragraph(texts.t("digest.prompts", locale, engagement.answeredThisWeek(), engagement.promptsThisWeek())
				+ " " + texts.t("roles.engagement.thisWeek", locale, engagement.answeredOverall(),
						engagement.promptsOverall(), streak));
		message.items(week.prompts()
			.stream()
			.map(o -> new Item(texts.promptTitle(o.getPromptId(), locale), texts.t(promptState(o), locale)))
			.toList());
	}

	/**
	 * Adds the "⚠ Needs attention" section, one line per flagged placement, when any is flagged; returns the
	 * flagged placements with their flags, in the order given.
	 */
	private Map<PlacementWeek, List<Flag>> needsAttention(ChatMessage.Builder message, List<PlacementWeek> weeks,
			Locale locale) {
		Map<PlacementWeek, List<Flag>> flagged = new LinkedHashMap<>();
		List<Item> lines = new ArrayList<>();
		for (PlacementWeek week : weeks) {
			List<Flag> flags = attention.flagsFor(week.placement());
			if (!flags.isEmpty()) {
				flagged.put(week, flags);
				lines.add(new Item(attention.who(week.placement(), locale), attention.describe(flags, locale)));
			}
		}
		if (!lines.isEmpty()) {
			message.paragraph(Span.bold(texts.t("digest.attention.heading", locale))).items(lines);
		}
		return flagged;
	}

	private static String promptState(PromptOccurrence occurrence) {
		if (occurrence.isAnswered()) {
			return "digest.prompt.answered";
		}
		if (occurrence.getStatus() == OccurrenceStatus.SKIPPED
				&& ("away".equals(occurrence.getSkipReason()) || "holiday".equals(occurrence.getSkipReason())
						|| "closed".equals(occurrence.getSkipReason()))) {
			return "digest.prompt.SKIPPED." + occurrence.getSkipReason();
		}
		return occurrence.getStatus() == OccurrenceStatus.SENT ? "digest.prompt.unanswered"
				: "digest.prompt." + occurrence.getStatus();
	}
}
