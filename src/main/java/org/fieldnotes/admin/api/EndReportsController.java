package org.fieldnotes.admin.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.endreport.EndReport;
import org.fieldnotes.endreport.EndReportPdf;
import org.fieldnotes.endreport.EndReportState;
import org.fieldnotes.endreport.EndReports;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/placements/{id}/end-report}: the placement's end-of-placement report for coordinators (admin and
 * read-only tokens; a programme's token only for its own programme, which the token filter checks). JSON, or a PDF
 * for {@code Accept: application/pdf} (Swedish for {@code Accept-Language: sv}). A draft is the participant's alone:
 * its state is shown, its words are not, and there is no PDF of it. Every read is audited.
 */
@RestController
class EndReportsController {

	private final EndReports reports;
	private final EndReportPdf pdf;
	private final PlacementManagement placements;
	private final People people;
	private final AuditLog audit;

	EndReportsController(EndReports reports, EndReportPdf pdf, PlacementManagement placements, People people,
			AuditLog audit) {
		this.reports = reports;
		this.pdf = pdf;
		this.placements = placements;
		this.people = people;
		this.audit = audit;
	}

	/** The report as JSON (fields in docs/admins.md). */
	record EndReportResponse(String placementId, String participant, String state, Map<String, String> sections,
			long version, String submittedTo, Instant approvedAt, String approvedBy, String approvedVia,
			String returnComment, List<Step> history) {
	}

	/** One step of its history: {@code by} is a person's name. */
	record Step(Instant at, String by, String action, String via, String comment) {
	}

	@GetMapping("/api/v1/placements/{id}/end-report")
	ResponseEntity<?> show(@PathVariable String id,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		Placement placement = placements.get(id);
		EndReport report = reports.find(placement.getId()).orElse(null);
		if (report == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"The participant has not started an end-of-placement report");
			problem.setTitle("Not found");
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		boolean draft = report.state() == EndReportState.DRAFT;
		boolean wantsPdf = accept != null && MediaType.parseMediaTypes(accept).stream()
			.anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF));
		audit.record(AuditRecord.API, "end-report", placement.getId(), placement.getParticipant().id().value(),
				AuditLog.DONE, (wantsPdf ? "pdf" : "json") + ", " + report.state().name().toLowerCase(Locale.ROOT));
		if (wantsPdf) {
			if (draft) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
						"The report is still the participant's draft");
				problem.setTitle("Not submitted");
				return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			}
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"end-report.pdf\"")
				.body(pdf.render(report, placement, locale(language)));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new EndReportResponse(
				placement.getId(), placement.getParticipant().name(), report.state().name().toLowerCase(Locale.ROOT),
				draft ? null : report.sections().byId(), report.version(), name(report.managerId()),
				report.approvedAt(), name(report.approvedBy()), report.approvedVia(),
				draft ? null : report.returnComment(),
				report.history().stream().map(step -> new Step(step.at(), name(step.by()),
						step.action().name().toLowerCase(Locale.ROOT), step.via(), draft ? null : step.comment()))
					.toList()));
	}

	private String name(String personId) {
		return personId == null ? null : people.find(new PersonId(personId)).map(Person::name).orElse(null);
	}

	private static Locale locale(String language) {
		return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("sv")
				? Locale.forLanguageTag("sv") : Locale.ENGLISH;
	}
}
