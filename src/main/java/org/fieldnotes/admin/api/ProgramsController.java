package org.fieldnotes.admin.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A programme's settings: its default visibility (who may read a participant's entries and status updates when
 * the participant chose nothing). Programme names are compared without regard to case.
 */
@RestController
@RequestMapping("/api/v1/programs")
class ProgramsController {

	private static final String OPTIONS = Arrays.stream(Visibility.values()).map(Visibility::key)
		.collect(Collectors.joining(", "));

	private final Programs programs;
	private final AuditLog audit;

	ProgramsController(Programs programs, AuditLog audit) {
		this.programs = programs;
		this.audit = audit;
	}

	/** The programme's settings; 404 when it has neither a placement nor settings. */
	@GetMapping("/{program}")
	ProgramResponse one(@PathVariable String program) {
		if (!programs.known(program)) {
			throw new UnknownProgram(program.strip());
		}
		return ProgramResponse.of(programs.of(program));
	}

	/** Sets the programme's default visibility ({@code private}, {@code coaches}, {@code placement}, {@code confidential}). */
	@PutMapping("/{program}")
	ProgramResponse update(@PathVariable String program, @RequestBody(required = false) ProgramRequest request) {
		List<Violation> violations = check(request);
		if (!violations.isEmpty()) {
			audit.record(AuditRecord.API, "program-visibility", null, null, AuditLog.REFUSED,
					"fields: " + violations.stream().map(Violation::field).collect(Collectors.joining(",")));
			throw new InvalidProgram(violations);
		}
		Visibility visibility = Visibility.parse(request.defaultVisibility()).orElseThrow();
		ProgramSettings saved = programs.setDefaultVisibility(program, visibility);
		audit.record(AuditRecord.API, "program-visibility", null, null, AuditLog.DONE,
				saved.name() + ": " + visibility.key());
		return ProgramResponse.of(saved);
	}

	private static List<Violation> check(ProgramRequest request) {
		if (request == null) {
			return List.of(new Violation("body", "is required"));
		}
		if (request.defaultVisibility() == null || request.defaultVisibility().isBlank()) {
			return List.of(new Violation("defaultVisibility", "is required (one of " + OPTIONS + ")"));
		}
		Optional<Visibility> visibility = Visibility.parse(request.defaultVisibility());
		if (visibility.isEmpty()) {
			return List.of(new Violation("defaultVisibility", "must be one of " + OPTIONS));
		}
		return List.of();
	}

	record ProgramRequest(String defaultVisibility) {
	}

	/** @param defaultVisibility the programme's default, {@code coaches} when none was set */
	record ProgramResponse(String program, String defaultVisibility, boolean defaultVisibilitySet) {

		static ProgramResponse of(ProgramSettings settings) {
			return new ProgramResponse(settings.name(), settings.visibility().key(),
					settings.defaultVisibility() != null);
		}
	}

	/** A bad programme-settings request, answered as a 400 naming each wrong field; nothing was stored. */
	static class InvalidProgram extends RuntimeException {

		private final List<Violation> violations;

		InvalidProgram(List<Violation> violations) {
			super("The programme was not changed: " + violations.stream().map(v -> v.field() + " " + v.message())
				.collect(Collectors.joining("; ")));
			this.violations = List.copyOf(violations);
		}

		List<Violation> violations() {
			return violations;
		}
	}

	/** No placement is in the programme and nothing was set for it. */
	static class UnknownProgram extends RuntimeException {

		UnknownProgram(String program) {
			super("No programme called " + program);
		}
	}
}
