package org.fieldnotes.prompting;

import java.time.Instant;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a prompt as a chat message in the participant's language.
 */
@Component
class PromptComposer {

	private final MessageSource messages;
	private final Languages languages;
	private final PromptQuotes quotes;
	private final MonthlyGoalQuestion goals;

	PromptComposer(MessageSource messages, Languages languages, PromptQuotes quotes, MonthlyGoalQuestion goals) {
		this.messages = messages;
		this.languages = languages;
		this.quotes = quotes;
		this.goals = goals;
	}

	/**
	 * The prompt as it first goes out ({@code now}), with its buttons acting on {@code occurrenceId}. Its context
	 * line names the placement week of the day it goes out, on the participant's date: the week of its due date when
	 * it goes out on time, today's when an admin sends it early or it is caught up late (which prompt it is still
	 * follows its scheduled date).
	 */
	ChatMessage compose(Placement placement, Prompt file, Due due, String occurrenceId, Instant now) {
		Prompt prompt = quotes.fill(file, placement, now);
		Locale locale = languages.of(placement.getParticipant());
		String title = prompt.title(locale);
		return ChatMessage.builder(title + ": " + prompt.intro(locale))
			.context(context(placement, prompt, due.phase(), placement.dateAt(now), locale))
			.paragraph(text("prompt.greeting", locale, firstName(placement.getParticipant().name()),
					prompt.intro(locale)))
			.items(prompt.questions().stream().map(q -> new Item(q.label(locale), q.text(locale))).toList())
			.buttons(buttons(placement, prompt, occurrenceId, due.date(), now, locale))
			.context(text("prompt.howToAnswer", locale))
			.build();
	}

	/**
	 * The same prompt again after a snooze: shorter, with the same buttons. Its context line names the placement
	 * week of the day it goes out ({@code now}, on the participant's date), like everything else sent that day.
	 */
	ChatMessage reminder(Placement placement, Prompt file, PromptOccurrence occurrence, Instant now, Locale locale) {
		Prompt prompt = quotes.fill(file, placement, sentAt(occurrence));
		String title = prompt.title(locale);
		return ChatMessage.builder(text("prompt.reminder.summary", locale, title))
			.context(context(placement, prompt, PromptPhase.WEEKLY, placement.dateAt(now), locale))
			.paragraph(text("prompt.reminder", locale, firstName(placement.getParticipant().name()), title))
			.items(prompt.questions().stream().map(q -> new Item(q.label(locale), q.text(locale))).toList())
			.buttons(buttons(placement, prompt, occurrence.getId(), occurrence.getDueDate(), sentAt(occurrence), locale))
			.context(text("prompt.howToAnswer", locale))
			.build();
	}

	/**
	 * What a prompt's message becomes once it was answered: the same question, so that the conversation still shows
	 * what was asked, without its buttons, and a line saying it is saved. Its context line names the week it went out.
	 */
	ChatMessage answered(Placement placement, Prompt file, PromptOccurrence occurrence, Locale locale) {
		Instant sent = sentAt(occurrence);
		Prompt prompt = quotes.fill(file, placement, sent);
		String title = prompt.title(locale);
		ChatMessage.Builder card = ChatMessage.builder(title + ": " + text("prompt.answered", locale))
			.context(context(placement, prompt, PromptPhase.WEEKLY, placement.dateAt(sent), locale))
			.paragraph(text("prompt.greeting", locale, firstName(placement.getParticipant().name()),
					prompt.intro(locale)))
			.items(prompt.questions().stream().map(q -> new Item(q.label(locale), q.text(locale))).toList());
		// the month's goal question stays answerable after the prompt is
		goals.button(placement, occurrence.getId(), occurrence.getDueDate(), sent, locale).ifPresent(card::buttons);
		return card.context(text("prompt.answered", locale)).build();
	}

	/** The prompt's questions as they were asked of the placement's participant in this occurrence. */
	Prompt asAsked(Prompt file, Placement placement, PromptOccurrence occurrence) {
		return quotes.fill(file, placement, sentAt(occurrence));
	}

	/** When the prompt first went out (its due time before it did): what it quotes is fixed by then. */
	static Instant sentAt(PromptOccurrence occurrence) {
		return occurrence.getSentAt() != null ? occurrence.getSentAt() : occurrence.getDueAt();
	}

	/** What a prompt's message becomes once it was snoozed or skipped: one line, no buttons. */
	ChatMessage line(String key, Locale locale, Object... args) {
		return ChatMessage.text(text(key, locale, args));
	}

	private String context(Placement placement, Prompt prompt, PromptPhase phase, java.time.LocalDate date,
			Locale locale) {
		String title = prompt.title(locale);
		return phase == PromptPhase.FOLLOW_UP || prompt.phase() == PromptPhase.FOLLOW_UP
				? text("prompt.context.followUp", locale, placement.getHostOrganisation(), title)
				: text("prompt.context", locale, placement.weekNumberOn(date), placement.totalWeeks(),
						placement.getHostOrganisation(), title);
	}

	/** Write (or status), snooze and skip; and "Which goal moved?" on the month's first prompt. */
	private ChatMessage.Button[] buttons(Placement placement, Prompt prompt, String occurrenceId,
			java.time.LocalDate dueDate, Instant sentAt, Locale locale) {
		boolean statusCheck = PromptButtons.STATUS_CHECK_KIND.equals(prompt.kind());
		java.util.List<ChatMessage.Button> buttons = new java.util.ArrayList<>(java.util.List.of(
				ChatMessage.Button.primary(statusCheck ? PromptButtons.STATUS : PromptButtons.WRITE,
						text(statusCheck ? "prompt.button.status" : "prompt.button.write", locale), occurrenceId),
				ChatMessage.Button.of(PromptButtons.SNOOZE, text("prompt.button.snooze", locale), occurrenceId),
				ChatMessage.Button.of(PromptButtons.SKIP, text("prompt.button.skip", locale), occurrenceId)));
		goals.button(placement, occurrenceId, dueDate, sentAt, locale).ifPresent(buttons::add);
		return buttons.toArray(ChatMessage.Button[]::new);
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String firstName(String name) {
		String trimmed = name.strip();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}
}
