package org.fieldnotes.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.commands.EnrolmentOutcome.FieldError;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes change @person end:2027-08-31 business-coach:@bo} (admins): changes the person's placement
 * (their current one, else their latest) with the {@code enroll} line's {@code key:value} syntax; only the keys given
 * change, and {@code -} removes a coach ({@code academic-coach:-}). The same checks as at enrolment, every problem on
 * a line of its own in the admin's language, nothing changed then; everyone affected is told (see
 * {@link Enrolment#change}).
 */
@Component
class ChangeCommand implements Subcommand {

	/** The keys that may be removed with {@code -}. */
	private static final Set<String> REMOVABLE = Set.of("academic-coach", "business-coach", "schedule", "work-days",
			"added-value");

	private final Enrolment enrolment;
	private final Replies replies;

	ChangeCommand(Enrolment enrolment, Replies replies) {
		this.enrolment = enrolment;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "change";
	}

	@Override
	public int helpOrder() {
		return 95;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		EnrolmentLine line = EnrolmentLine.read(invocation.rest(), REMOVABLE, replies, locale);
		List<String> problems = new ArrayList<>(line.problems());
		String participant = line.participant();
		Map<String, String> values = line.values();
		Set<String> removed = line.removed();
		if (participant == null) {
			return replies.usage(replies.t("command.needsPerson", locale), name(), locale);
		}
		if (values.isEmpty() && removed.isEmpty() && problems.isEmpty()) {
			return replies.usage(replies.t("change.nothingGiven", locale), name(), locale);
		}
		EnrolmentForm form = EnrollCommand.form(participant, values, problems, replies, locale);
		if (!problems.isEmpty()) {
			return problems(problems, locale);
		}
		Enrolment.ChangeOutcome outcome = enrolment.change(invocation.caller(), form, removed, locale);
		if (outcome.changed()) {
			return ChatMessage.text(outcome.confirmation());
		}
		return problems(outcome.errors().stream().map(FieldError::message).toList(), locale);
	}

	private ChatMessage problems(List<String> problems, Locale locale) {
		return EnrollCommand.problems(replies, problems, locale, "help.change.usage");
	}
}
