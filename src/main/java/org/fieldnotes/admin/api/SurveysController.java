package org.fieldnotes.admin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.report.SurveyAnswerRow;
import org.fieldnotes.report.SurveyAnswersExport;
import org.fieldnotes.survey.SurveySender;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Surveys for coordinators: send a survey now to a programme's active placements, and export the programme's survey
 * answers as CSV (columns in docs/admins.md). The token filter keeps a programme's token to its own programme.
 */
@RestController
class SurveysController {

	private final SurveySender sender;
	private final SurveyAnswersExport export;
	private final Programs programs;
	private final AuditLog audit;

	SurveysController(SurveySender sender, SurveyAnswersExport export, Programs programs, AuditLog audit) {
		this.sender = sender;
		this.export = export;
		this.programs = programs;
		this.audit = audit;
	}

	/** 202 with how many were sent; 404 for a programme nobody is enrolled in, or a survey it does not have. */
	@PostMapping("/api/v1/programs/{program}/surveys/{surveyId}:send")
	ResponseEntity<Map<String, Object>> send(@PathVariable String program, @PathVariable String surveyId) {
		if (!programs.known(program)) {
			audit.record(AuditRecord.API, "survey-send", null, null, AuditLog.REFUSED, "unknown programme");
			throw new ProgramsController.UnknownProgram(program.strip());
		}
		SurveySender.Sent sent;
		try {
			sent = sender.sendNow(program.strip(), surveyId);
		}
		catch (SurveySender.UnknownSurvey e) {
			audit.record(AuditRecord.API, "survey-send", null, null, AuditLog.REFUSED, "unknown survey");
			throw e;
		}
		audit.record(AuditRecord.API, "survey-send", null, null, AuditLog.DONE, program.strip() + ": " + surveyId
				+ " to " + sent.sent() + " (" + sent.alreadySent() + " already, " + sent.closed() + " closed)");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("program", program.strip());
		body.put("survey", surveyId);
		body.put("sent", sent.sent());
		body.put("alreadySent", sent.alreadySent());
		body.put("closed", sent.closed());
		return ResponseEntity.accepted().body(body);
	}

	/** One row per answered question; 404 for a programme that has nothing. */
	@GetMapping("/api/v1/programs/{program}/survey-answers.csv")
	ResponseEntity<String> answers(@PathVariable String program) {
		if (!programs.known(program)) {
			audit.record(AuditRecord.API, "evaluation-export", null, null, AuditLog.REFUSED, "unknown programme");
			throw new ProgramsController.UnknownProgram(program.strip());
		}
		List<SurveyAnswerRow> rows = export.rows(program);
		audit.record(AuditRecord.API, "evaluation-export", null, null, AuditLog.DONE,
				program.strip() + ": " + rows.size() + " survey answer rows");
		return ResponseEntity.ok()
			.contentType(ReportsController.CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"survey-answers.csv\"")
			.body(export.csv(rows));
	}

	@ExceptionHandler
	ProblemDetail unknownSurvey(SurveySender.UnknownSurvey e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not found");
		problem.setProperty("errors", List.of(Map.of("field", "surveyId", "message", "no such survey for this programme")));
		return problem;
	}
}
