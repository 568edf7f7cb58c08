package org.fieldnotes.digest;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Role;
import org.springframework.stereotype.Component;

/**
 * What the academic coach reads about a placement, after the part every coach gets: the mood trend, the learning
 * goals the week's entries touched, the unresolved blocker items they may read with their actions (for placements
 * that have items), and the reflections they may read, quoted (entries confidential to them marked so).
 */
@Component
class AcademicCoachSection {

	private final DigestTexts texts;
	private final EntryQuotes quotes;
	private final Clock clock;
	private final BlockerLines blockerLines;

	AcademicCoachSection(DigestTexts texts, EntryQuotes quotes, Clock clock, BlockerLines blockerLines) {
		this.blockerLines = blockerLines;
		this.texts = texts;
		this.quotes = quotes;
		this.clock = clock;
	}

	void write(ChatMessage.Builder message, Recipient recipient, PlacementWeek week, RoleFacts facts, Locale locale,
			ZoneId zone) {
		List<LogbookEntry> entries = week.readableEntries();
		message.paragraph(Span.bold(texts.t("roles.mood.label", locale)),
				Span.plain("  " + mood(MoodTrend.of(facts.statusUpdates(), clock.instant()), locale)));
		goals(message, week.placement().getLearningGoals(), entries, locale);
		if (blockerLines.itemsFor(week.placement())) {
			blockerLines.write(message, recipient, week, locale, texts.t("roles.blocker.none", locale));
		}
		message.paragraph(Span.bold(texts.t("roles.reflections", locale)));
		if (entries.isEmpty()) {
			message.context(texts.t("digest.noEntries", locale));
		}
		for (LogbookEntry entry : entries) {
			quotes.quote(message, recipient, entry, Role.ACADEMIC_COACH, locale, zone);
		}
	}

	/** e.g. "4 → 3 → 2 (falling)". */
	String mood(MoodTrend trend, Locale locale) {
		if (trend.moods().isEmpty()) {
			return texts.t("roles.mood.none", locale, MoodTrend.WEEKS);
		}
		String moods = trend.moods().stream().map(String::valueOf).collect(Collectors.joining(" → "));
		if (trend.direction() == null) {
			return texts.t("roles.mood.single", locale, moods);
		}
		return texts.t("roles.mood.trend", locale, moods, texts.t("roles.mood." + trend.direction(), locale));
	}

	private void goals(ChatMessage.Builder message, List<String> goals, List<LogbookEntry> entries, Locale locale) {
		if (goals.isEmpty()) {
			message.paragraph(Span.bold(texts.t("roles.goals.label", locale)),
					Span.plain("  " + texts.t("roles.goals.noneSet", locale)));
			return;
		}
		List<GoalsTouched.Touched> touched = GoalsTouched.touched(goals,
				entries.stream().map(LogbookEntry::text).toList());
		if (touched.isEmpty()) {
			message.paragraph(Span.bold(texts.t("roles.goals.label", locale)),
					Span.plain("  " + texts.t("roles.goals.noneTouched", locale, goals.size())));
			return;
		}
		message.paragraph(Span.bold(texts.t("roles.goals.touched", locale, touched.size(), goals.size())));
		message.items(touched.stream()
			.map(t -> new Item(t.goal(), texts.t("roles.goals.entries", locale, t.entries())))
			.toList());
	}
}
