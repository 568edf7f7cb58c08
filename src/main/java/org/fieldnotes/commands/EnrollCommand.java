package org.fieldnotes.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.commands.EnrolmentOutcome.FieldError;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes enroll @person program:"…" host:"…" start:YYYY-MM-DD end:YYYY-MM-DD manager:@person
 * [academic-coach:@person|email] [business-coach:@person|email] [schedule:FRIDAY@14:00 | day:friday time:14:00]
 * [work-days:mon,wed] [tz:Europe/Stockholm] [lang:sv|en] [added-value:"…"]} (admins). Values with spaces go in straight or curly
 * double quotes. Without arguments, chat platforms that have forms open the enrolment form instead (the Slack
 * adapter does that before the command reaches here); the answer here is then the usage.
 */
@Component
class EnrollCommand implements Subcommand {

	static final Set<String> KEYS = Set.of("program", "host", "start", "end", "manager", "academic-coach",
			"business-coach", "schedule", "day", "time", "work-days", "tz", "lang", "added-value");
	/** {@code key:"quoted value"}, {@code key:value}, or a bare word (the participant's {@code @U…}). */
	static final Pattern PART = Pattern
		.compile("([A-Za-z-]+):[\"“”]([^\"“”]*)[\"“”]|([A-Za-z-]+):(\\S*)|(\\S+)");

	private final Enrolment enrolment;
	private final Replies replies;

	EnrollCommand(Enrolment enrolment, Replies replies) {
		this.enrolment = enrolment;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "enroll";
	}

	@Override
	public int helpOrder() {
		return 90;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		if (invocation.rest().isBlank()) {
			return replies.usage(replies.t("enroll.noArguments", locale), name(), locale);
		}
		EnrolmentLine line = EnrolmentLine.read(invocation.rest(), null, replies, locale);
		List<String> problems = new ArrayList<>(line.problems());
		EnrolmentForm form = form(line.participant(), line.values(), problems, replies, locale);
		if (!problems.isEmpty()) {
			return problems(replies, problems, locale, "help.enroll.usage");
		}
		EnrolmentOutcome outcome = enrolment.enrol(invocation.caller(), form, locale);
		if (outcome.enrolled()) {
			return ChatMessage.text(outcome.confirmation());
		}
		return problems(replies, outcome.errors().stream().map(FieldError::message).toList(), locale,
				"help.enroll.usage");
	}

	/**
	 * The form an {@code enroll} or {@code change} line fills in from its {@code key:value} parts; a schedule that is
	 * not {@code DAY@HH:MM}, or is given beside {@code day:}/{@code time:}, is added to {@code problems}.
	 */
	static EnrolmentForm form(String participant, Map<String, String> values, List<String> problems, Replies replies,
			Locale locale) {
		String day = values.get("day");
		String time = values.get("time");
		String schedule = values.get("schedule");
		if (schedule != null) {
			int at = schedule.indexOf('@');
			if (at < 0 || day != null || time != null) {
				problems.add(replies.t("enroll.badSchedule", locale, schedule));
			}
			else {
				day = schedule.substring(0, at);
				time = schedule.substring(at + 1);
			}
		}
		String workDays = values.get("work-days");
		return new EnrolmentForm(participant, values.get("program"), values.get("host"), values.get("start"),
				values.get("end"), values.get("manager"), values.get("academic-coach"), values.get("business-coach"),
				day, time,
				workDays == null ? null : Arrays.stream(workDays.split("[,;]")).filter(d -> !d.isBlank()).toList(),
				values.get("tz"), values.get("lang"), values.get("added-value"));
	}

	/** Every problem on a line of its own with ⚠, then the usage line ({@code usageKey}). */
	static ChatMessage problems(Replies replies, List<String> problems, Locale locale, String usageKey) {
		var message = ChatMessage.builder(problems.get(0));
		problems.forEach(p -> message.paragraph(Span.plain("⚠ " + p)));
		return message.context(replies.t("command.usage", locale, replies.t(usageKey, locale))).build();
	}
}
