package org.fieldnotes.commands;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.fieldnotes.access.Actor;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.survey.Survey;
import org.fieldnotes.survey.SurveyLibrary;
import org.fieldnotes.survey.SurveySender;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes survey <surveyId> program:"KTP 2026"} (admins, a programme's own coordinators for theirs): sends
 * the survey now to the programme's active placements, as {@code POST /api/v1/programs/{p}/surveys/{id}:send} does;
 * audited {@code survey-send}.
 */
@Component
class SurveyCommand implements Subcommand {

	private final SurveySender sender;
	private final SurveyLibrary surveys;
	private final Programs programs;
	private final Replies replies;
	private final AuditLog audit;
	private final Coordination coordination;

	SurveyCommand(SurveySender sender, SurveyLibrary surveys, Programs programs, Replies replies, AuditLog audit,
			Coordination coordination) {
		this.sender = sender;
		this.surveys = surveys;
		this.programs = programs;
		this.replies = replies;
		this.audit = audit;
		this.coordination = coordination;
	}

	@Override
	public String name() {
		return "survey";
	}

	@Override
	public int helpOrder() {
		return 155;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		String surveyId = null;
		String program = null;
		Matcher matcher = EnrollCommand.PART.matcher(invocation.rest());
		while (matcher.find()) {
			if (matcher.group(1) != null && matcher.group(1).equalsIgnoreCase("program")) {
				program = matcher.group(2).strip();
			}
			else if (matcher.group(3) != null && matcher.group(3).equalsIgnoreCase("program")) {
				program = matcher.group(4).strip();
			}
			else if (matcher.group(5) != null && surveyId == null) {
				surveyId = matcher.group(5);
			}
			else {
				return replies.usage(replies.t("survey.command.what", locale, ids()), name(), locale);
			}
		}
		if (surveyId == null || program == null || program.isEmpty()) {
			return replies.usage(replies.t("survey.command.what", locale, ids()), name(), locale);
		}
		Actor actor = coordination.of(invocation);
		if (!actor.coordinates(program)) {
			audit.record(invocation.actor(), "survey-send", null, null, AuditLog.REFUSED, "other programme");
			return coordination.refusal(actor, locale);
		}
		if (!programs.known(program)) {
			audit.record(invocation.actor(), "survey-send", null, null, AuditLog.REFUSED, "unknown programme");
			return replies.text("survey.command.unknown", locale, surveyId, program, ids());
		}
		SurveySender.Sent sent;
		try {
			sent = sender.sendNow(program, surveyId);
		}
		catch (SurveySender.UnknownSurvey e) {
			audit.record(invocation.actor(), "survey-send", null, null, AuditLog.REFUSED, "unknown survey");
			return replies.text("survey.command.unknown", locale, surveyId, program, ids());
		}
		audit.record(invocation.actor(), "survey-send", null, null, AuditLog.DONE, program + ": " + surveyId + " to "
				+ sent.sent() + " (" + sent.alreadySent() + " already, " + sent.closed() + " closed)");
		return replies.text("survey.command.done", locale, surveyId, sent.sent(), program, sent.alreadySent(),
				sent.closed());
	}

	private String ids() {
		return surveys.all().stream().map(Survey::id).collect(Collectors.joining(", "));
	}
}
