package org.fieldnotes.admin.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.logbook.Blocker;
import org.fieldnotes.logbook.BlockerEscalation;
import org.fieldnotes.logbook.Blockers;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.placement.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Blockers: a placement's blocker items (those an admin may read: shared with the coaches or the whole placement),
 * and a programme's escalation threshold.
 */
@RestController
class BlockersController {

	private final Blockers blockers;
	private final BlockerEscalation escalation;
	private final PlacementManagement placements;
	private final Programs programs;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final java.time.Clock clock;

	BlockersController(Blockers blockers, BlockerEscalation escalation, PlacementManagement placements,
			Programs programs, AccessPolicy access, AuditLog audit, java.time.Clock clock) {
		this.clock = clock;
		this.blockers = blockers;
		this.escalation = escalation;
		this.placements = placements;
		this.programs = programs;
		this.access = access;
		this.audit = audit;
	}

	/** The placement's blockers, newest first; private and confidential ones are never shown. */
	@GetMapping("/api/v1/placements/{id}/blockers")
	List<BlockerResponse> of(@PathVariable String id, @RequestAttribute(ApiTokenFilter.ACTOR) Actor admin) {
		Placement placement = placements.get(id);
		return blockers.of(id).stream()
			.filter(b -> access.permits(admin, Operation.READ_ITEM, Target.item(placement, b.authorId(), b.visibility())))
			.map(b -> response(b, b.ageDays(clock.instant(), placement.getParticipant().zone())))
			.toList();
	}

	/** The programme's escalation threshold; 404 when it has neither a placement nor settings. */
	@GetMapping("/api/v1/programs/{program}/blockers")
	ThresholdResponse threshold(@PathVariable String program) {
		if (!programs.known(program)) {
			throw new ProgramsController.UnknownProgram(program.strip());
		}
		return ThresholdResponse.of(escalation.thresholdOf(program));
	}

	/** Sets the programme's escalation threshold, an ISO-8601 duration ({@code P10D}), positive, at most {@code P365D}. */
	@PutMapping("/api/v1/programs/{program}/blockers")
	ThresholdResponse setThreshold(@PathVariable String program,
			@RequestBody(required = false) ThresholdRequest request) {
		Optional<Duration> duration = request == null ? Optional.empty() : BlockerEscalation.parse(request.escalateAfter());
		Violation wrong = request == null ? new Violation("body", "is required")
				: request.escalateAfter() == null || request.escalateAfter().isBlank()
						? new Violation("escalateAfter", "is required (an ISO-8601 duration, e.g. P14D)")
				: duration.isEmpty() ? new Violation("escalateAfter", "must be an ISO-8601 duration, e.g. P14D")
				: duration.get().isZero() || duration.get().isNegative()
						|| duration.get().compareTo(BlockerEscalation.LONGEST) > 0
								? new Violation("escalateAfter", "must be positive and at most P365D")
				: null;
		if (wrong != null) {
			audit.record(AuditRecord.API, "program-blockers", null, null, AuditLog.REFUSED, "fields: " + wrong.field());
			throw new ProgramsController.InvalidProgram(List.of(wrong));
		}
		BlockerEscalation.Threshold saved = escalation.setThreshold(program, duration.get());
		audit.record(AuditRecord.API, "program-blockers", null, null, AuditLog.DONE,
				saved.program() + ": escalate after " + saved.escalateAfter());
		return ThresholdResponse.of(saved);
	}

	private static BlockerResponse response(Blocker b, long ageDays) {
		return new BlockerResponse(b.id(), b.placementId(), b.statusUpdateId(), b.authorId(), b.text(),
				b.owner().key(), b.state().name().toLowerCase(java.util.Locale.ROOT), b.visibility().key(), ageDays,
				b.createdAt(), b.acknowledgedAt(), b.acknowledgedBy(),
				b.acknowledgedAs() == null ? null : b.acknowledgedAs().key(), b.resolvedAt(), b.resolvedBy(),
				b.resolvedAs() == null ? null : b.resolvedAs().key(), b.escalatedAt());
	}

	/**
	 * A blocker as the admin API shows it. Person ids, never names; {@code text} is the participant's words;
	 * {@code ageDays} counts calendar days in the participant's zone from opening to now (or to resolution).
	 */
	record BlockerResponse(String id, String placementId, String statusUpdateId, String authorPersonId, String text,
			String owner, String state, String visibility, long ageDays, Instant createdAt, Instant acknowledgedAt,
			String acknowledgedBy, String acknowledgedAs, Instant resolvedAt, String resolvedBy, String resolvedAs,
			Instant escalatedAt) {
	}

	record ThresholdRequest(String escalateAfter) {
	}

	/** @param escalateAfterSet whether the programme set its own (else the installation's default applies) */
	record ThresholdResponse(String program, String escalateAfter, boolean escalateAfterSet) {

		static ThresholdResponse of(BlockerEscalation.Threshold threshold) {
			return new ThresholdResponse(threshold.program(), threshold.escalateAfter().toString(), threshold.own());
		}
	}
}
