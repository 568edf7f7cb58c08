package org.fieldnotes.privacy.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData.Reader;
import org.fieldnotes.privacy.Erasure;
import org.fieldnotes.privacy.PersonalDataExport;
import org.fieldnotes.privacy.Subjects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin's view of one person's data: {@code GET /api/v1/people/{id}/export} (the JSON a person gets with
 * {@code /fieldnotes my-data}, as an admin may read it: private and confidential words withheld and counted) and
 * {@code DELETE /api/v1/people/{id}} (erasure, answered with counts). {@code id}
 * is a person id, a chat member id (e.g. a Slack member id) or {@code email:<address>}.
 * Behind the admin API's bearer token (every {@code /api/*} path).
 * Both are audited ({@code export}, {@code erase}).
 */
@RestController
@RequestMapping("/api/v1/people")
class PeopleController {

	static final String API_ACTOR = "api";

	private final PersonalDataExport exports;
	private final Erasure erasure;
	private final AuditLog audit;
	private final Subjects subjects;

	PeopleController(PersonalDataExport exports, Erasure erasure, AuditLog audit, Subjects subjects) {
		this.subjects = subjects;
		this.exports = exports;
		this.erasure = erasure;
		this.audit = audit;
	}

	@GetMapping("/{id}/export")
	ResponseEntity<?> export(@PathVariable String id) {
		Optional<DataSubject> subject = subjects.parse(id, null);
		if (subject.isEmpty()) {
			return invalid(id);
		}
		Map<String, Object> export = exports.export(subject.get(), Reader.ADMIN);
		if (!exports.anything(export)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"Nothing is stored about " + subject.get().key() + ".");
			problem.setTitle("Not found");
			return problem(problem);
		}
		audit.record(API_ACTOR, "export", null, subject.get().key(), AuditLog.DONE, null);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(export);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> erase(@PathVariable String id) {
		Optional<DataSubject> subject = subjects.parse(id, null);
		if (subject.isEmpty()) {
			return invalid(id);
		}
		Erasure.Erased erased = erasure.erase(subject.get(), API_ACTOR);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("erased", erased.counts());
		body.put("pseudonym", erased.pseudonym());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static ResponseEntity<?> invalid(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The id must be a person id, a Slack member id (e.g. U012ADA) or email:<address>.");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", "id", "message",
				"is neither a person id, a Slack member id nor email:<address>")));
		return problem(problem);
	}

	private static ResponseEntity<?> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
