package org.fieldnotes.admin.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.access.Actor;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.report.BriefPdf;
import org.fieldnotes.report.EvaluationExport;
import org.fieldnotes.report.EvaluationPdf;
import org.fieldnotes.report.EvaluationRow;
import org.fieldnotes.report.SteeringBrief;
import org.fieldnotes.report.SteeringBriefs;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for coordinators: a programme's evaluation export (CSV) and a placement's steering-meeting brief (JSON,
 * or a PDF for {@code Accept: application/pdf}). Who may read which item is the report's to ask, with this caller.
 */
@RestController
class ReportsController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final EvaluationExport evaluation;
	private final SteeringBriefs briefs;
	private final BriefPdf briefPdf;
	private final EvaluationPdf evaluationPdf;
	private final PlacementManagement placements;
	private final Programs programs;
	private final AuditLog audit;

	ReportsController(EvaluationExport evaluation, EvaluationPdf evaluationPdf, SteeringBriefs briefs,
			BriefPdf briefPdf, PlacementManagement placements, Programs programs, AuditLog audit) {
		this.evaluationPdf = evaluationPdf;
		this.evaluation = evaluation;
		this.briefs = briefs;
		this.briefPdf = briefPdf;
		this.placements = placements;
		this.programs = programs;
		this.audit = audit;
	}

	/** One row per placement-week (columns in docs/admins.md); 404 for a programme that has nothing. */
	@GetMapping("/api/v1/programs/{program}/evaluation.csv")
	ResponseEntity<String> evaluation(@PathVariable String program,
			@RequestAttribute(ApiTokenFilter.ACTOR) Actor caller) {
		if (!programs.known(program)) {
			audit.record(AuditRecord.API, "evaluation-export", null, null, AuditLog.REFUSED, "unknown programme");
			throw new ProgramsController.UnknownProgram(program.strip());
		}
		List<EvaluationRow> rows = evaluation.rows(caller, program);
		audit.record(AuditRecord.API, "evaluation-export", null, null, AuditLog.DONE,
				program.strip() + ": " + rows.size() + " rows");
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluation.csv\"")
			.body(evaluation.csv(rows));
	}

	/** The same rows as a PDF of counts (docs/admins.md → Reports), in Swedish for {@code Accept-Language: sv}. */
	@GetMapping("/api/v1/programs/{program}/evaluation.pdf")
	ResponseEntity<byte[]> evaluationPdf(@PathVariable String program,
			@RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language,
			@RequestAttribute(ApiTokenFilter.ACTOR) Actor caller) {
		if (!programs.known(program)) {
			audit.record(AuditRecord.API, "evaluation-export", null, null, AuditLog.REFUSED, "unknown programme");
			throw new ProgramsController.UnknownProgram(program.strip());
		}
		List<EvaluationRow> rows = evaluation.rows(caller, program);
		byte[] document = evaluationPdf.render(program.strip(), rows, locale(language));
		audit.record(AuditRecord.API, "evaluation-export", null, null, AuditLog.DONE,
				program.strip() + ": " + rows.size() + " rows, pdf");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluation.pdf\"")
			.body(document);
	}

	/**
	 * The placement's brief since a day ({@code since=YYYY-MM-DD}; default: the last brief's day, else 90 days
	 * back), as an admin may read it; recorded in {@code briefs}. JSON, or a PDF when the caller accepts
	 * {@code application/pdf} (in the language of {@code Accept-Language}: Swedish or English).
	 */
	@GetMapping("/api/v1/placements/{id}/brief")
	ResponseEntity<?> brief(@PathVariable String id, @RequestParam(required = false) String since,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language,
			@RequestAttribute(ApiTokenFilter.ACTOR) Actor caller) {
		LocalDate from = since(since);
		Placement placement = placements.get(id);
		Locale locale = locale(language);
		SteeringBrief brief = briefs.generate(caller, SteeringBriefs.ADMIN, placement, from, locale);
		boolean pdf = accept != null && MediaType.parseMediaTypes(accept).stream()
			.anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF));
		audit.record(AuditRecord.API, "brief", placement.getId(), placement.getParticipant().id().value(),
				AuditLog.DONE, (pdf ? "pdf" : "json") + " since " + brief.since());
		if (pdf) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"brief.pdf\"")
				.body(briefPdf.render(brief, locale));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(brief);
	}

	/** Swedish for an {@code Accept-Language} that starts with {@code sv}, else English. */
	private static Locale locale(String language) {
		return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("sv")
				? Locale.forLanguageTag("sv") : Locale.ENGLISH;
	}

	private static LocalDate since(String since) {
		if (since == null || since.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(since.strip());
		}
		catch (DateTimeParseException e) {
			throw new DeliveriesController.InvalidQuery("since", "must be a day written YYYY-MM-DD");
		}
	}
}
