package org.fieldnotes.admin.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Closures;
import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Closing programmes for a while ("closed 6–31 July"): {@code POST /api/v1/placements:pause} creates a closure window
 * ({@link Closures}) for a programme or for every programme the caller may act on, {@code POST
 * /api/v1/placements:resume} ends those not over. A token limited to a programme closes and resumes only its own.
 */
@RestController
class ClosuresController {

	private final Closures closures;
	private final PlacementManagement placements;
	private final AccessPolicy access;
	private final AuditLog audit;

	ClosuresController(Closures closures, PlacementManagement placements, AccessPolicy access, AuditLog audit) {
		this.closures = closures;
		this.placements = placements;
		this.access = access;
		this.audit = audit;
	}

	/** The body of a pause: every field optional. */
	record PauseRequest(String program, String from, String to, String reason) {
	}

	/** The body of a resume: the programme, optional. */
	record ResumeRequest(String program) {
	}

	/** A closure as the API shows it, with how many placements it concerned when created. */
	record ClosureAnswer(String id, String program, LocalDate from, LocalDate to, String reason, Integer placements) {

		static ClosureAnswer of(Closure c, Integer placements) {
			return new ClosureAnswer(c.id(), c.program(), c.from(), c.to(), c.reason(), placements);
		}
	}

	record Resumed(List<ClosureAnswer> ended) {
	}

	@PostMapping("/api/v1/placements:pause")
	ResponseEntity<ClosureAnswer> pause(@RequestBody(required = false) PauseRequest body,
			@RequestAttribute(ApiTokenFilter.ACTOR) Actor caller) {
		PauseRequest request = body == null ? new PauseRequest(null, null, null, null) : body;
		// a programme's token closes its own programme; without one, a closure is for every programme
		String program = request.program() != null ? request.program() : caller.program();
		if (access.decide(caller, Operation.API_PAUSE_PLACEMENTS, Target.program(program)).denied()) {
			audit.record(AuditRecord.API, "closure", null, null, AuditLog.REFUSED, "fields: program");
			throw new ProgramNotAllowed(caller.program(), "paused");
		}
		Closure closure;
		try {
			closure = closures.close(program, request.from(), request.to(), request.reason());
		}
		catch (InvalidPlacement e) {
			audit.record(AuditRecord.API, "closure", null, null, AuditLog.REFUSED, "fields: "
					+ e.violations().stream().map(Violation::field).distinct().collect(Collectors.joining(",")));
			throw new PlacementsController.InvalidChange(e, "The closure was not created");
		}
		long concerned = placements.all().stream().filter(p -> p.getStatus() != PlacementStatus.ENDED)
			.filter(p -> closure.covers(p.getProgram())).filter(p -> !p.getEndDate().isBefore(closure.from()))
			.filter(p -> closure.to() == null || !p.getStartDate().isAfter(closure.to())).count();
		audit.record(AuditRecord.API, "closure", null, null, AuditLog.DONE, "programme "
				+ (program == null ? "all" : program) + ", " + closure.from() + "→" + (closure.to() == null ? "open"
						: closure.to()) + ", " + concerned + " placements");
		return ResponseEntity.created(URI.create("/api/v1/placements:pause"))
			.body(ClosureAnswer.of(closure, (int) concerned));
	}

	@PostMapping("/api/v1/placements:resume")
	Resumed resume(@RequestBody(required = false) ResumeRequest body,
			@RequestAttribute(ApiTokenFilter.ACTOR) Actor caller) {
		String program = body == null || body.program() == null ? caller.program() : body.program();
		if (program != null
				&& access.decide(caller, Operation.API_RESUME_PLACEMENTS, Target.program(program)).denied()) {
			audit.record(AuditRecord.API, "closure-end", null, null, AuditLog.REFUSED, "fields: program");
			throw new ProgramNotAllowed(caller.program(), "resumed");
		}
		// a programme's token ends its programme's closures only, not one for every programme
		List<Closure> ended = closures.resume(program, c -> c.program() != null
				? access.permits(caller, Operation.API_RESUME_PLACEMENTS, Target.program(c.program()))
				: caller.program() == null);
		audit.record(AuditRecord.API, "closure-end", null, null, AuditLog.DONE,
				"programme " + (program == null ? "all" : program) + ", " + ended.size() + " closures");
		return new Resumed(ended.stream().map(c -> ClosureAnswer.of(c, null)).toList());
	}
}
