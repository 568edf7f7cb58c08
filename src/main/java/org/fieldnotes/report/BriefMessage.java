package org.fieldnotes.report;

import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Span;
import org.springframework.stereotype.Component;

/**
 * A brief as a chat message: goals, the status trend, blockers, actions and the entries, people's words as quotes
 * (the chat adapters escape every string of a message).
 */
@Component
public class BriefMessage {

	private final ReportTexts texts;

	BriefMessage(ReportTexts texts) {
		this.texts = texts;
	}

	public ChatMessage of(SteeringBrief brief, Locale locale) {
		return of(brief, locale, null);
	}

	/** The brief, with a line saying which meeting it prepares when {@code meetingLine} is given. */
	public ChatMessage of(SteeringBrief brief, Locale locale, String meetingLine) {
		ChatMessage.Builder message = ChatMessage.builder(texts.t("report.brief.summary", locale, brief.participant()))
			.heading(texts.t("report.brief.title", locale, brief.participant()))
			.context(texts.t("report.brief.context", locale, brief.program(), brief.host(),
					texts.date(brief.since(), locale), texts.date(brief.until(), locale),
					texts.t("report.brief.reader." + brief.reader(), locale)));
		if (meetingLine != null) {
			message.paragraph(Span.bold(meetingLine));
		}
		message.paragraph(Span.bold(texts.t("report.brief.goals", locale)));
		if (brief.goals().isEmpty()) {
			message.context(texts.t("report.brief.goals.none", locale));
		}
		brief.goals().forEach(goal -> message.paragraph("• " + goal));
		if (brief.addedValue() != null) {
			message.quote(texts.t("report.addedValue", locale), brief.addedValue());
		}
		message.paragraph(Span.bold(texts.t("report.brief.trend", locale)));
		for (SteeringBrief.Week week : brief.trend()) {
			String day = texts.date(week.weekStart(), locale);
			message.paragraph(week.status() == null ? texts.t("report.brief.week.none", locale, week.week(), day)
					: texts.t("report.brief.week", locale, week.week(), day,
							texts.t("roles.rag." + week.status().toUpperCase(Locale.ROOT), locale), week.mood()));
		}
		message.paragraph(Span.bold(texts.t("report.brief.blockers", locale)));
		if (brief.blockers().isEmpty()) {
			message.context(texts.t("report.brief.blockers.none", locale));
		}
		for (SteeringBrief.Blocker blocker : brief.blockers()) {
			message.quote(blocker.since().equals(blocker.latest())
					? texts.t("report.brief.blocker.once", locale, texts.date(blocker.since(), locale))
					: texts.t("report.brief.blocker", locale, texts.date(blocker.since(), locale),
							texts.date(blocker.latest(), locale)),
					blocker.text());
		}
		message.paragraph(Span.bold(texts.t("report.brief.actions", locale)));
		if (brief.actions().isEmpty()) {
			message.context(texts.t("report.brief.actions.none", locale));
		}
		for (SteeringBrief.Action action : brief.actions()) {
			message.quote(texts.date(action.date(), locale), action.text());
		}
		message.paragraph(Span.bold(texts.t("report.brief.entries", locale)));
		if (brief.entries().isEmpty()) {
			message.context(texts.t("report.brief.entries.none", locale));
		}
		for (SteeringBrief.Entry entry : brief.entries()) {
			message.quote(attribution(entry, locale), entry.text());
		}
		return message.build();
	}

	/** "Weekly reflection, 4 Dec 2026 (week 5) · shared with the coaches". */
	String attribution(SteeringBrief.Entry entry, Locale locale) {
		String what = entry.prompt() != null ? entry.prompt() : texts.t("report.portfolio.entry", locale);
		return texts.t("report.brief.entry", locale, what, texts.date(entry.date(), locale), entry.week(),
				texts.t("report.brief.visibility." + entry.visibility(), locale));
	}
}
