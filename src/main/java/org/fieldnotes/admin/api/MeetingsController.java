package org.fieldnotes.admin.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.report.Meeting;
import org.fieldnotes.report.MeetingBriefs;
import org.fieldnotes.report.Meetings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A placement's scheduled steering meetings: each reader gets the brief some work days before
 * ({@link MeetingBriefs}). Audited as {@code meeting} and {@code meeting-cancel}.
 */
@RestController
class MeetingsController {

	private final Meetings meetings;
	private final MeetingBriefs briefs;
	private final PlacementManagement placements;
	private final AuditLog audit;

	MeetingsController(Meetings meetings, MeetingBriefs briefs, PlacementManagement placements, AuditLog audit) {
		this.meetings = meetings;
		this.briefs = briefs;
		this.placements = placements;
		this.audit = audit;
	}

	record MeetingRequest(String date, String title) {
	}

	/**
	 * @param briefsAt when the readers' briefs fall due
	 * @param briefedAt when they were sent on their way; {@literal null} before
	 */
	record MeetingResponse(String id, String placementId, LocalDate date, String title, Instant briefsAt,
			Instant briefedAt) {
	}

	/** A meeting that cannot be scheduled: 400 naming the field; nothing is stored. */
	static class InvalidMeeting extends RuntimeException {

		private final String field;

		InvalidMeeting(String field, String message) {
			super(message);
			this.field = field;
		}

		String field() {
			return field;
		}
	}

	@PostMapping("/api/v1/placements/{id}/meetings")
	ResponseEntity<MeetingResponse> schedule(@PathVariable String id,
			@RequestBody(required = false) MeetingRequest request) {
		Placement placement = placements.get(id);
		if (request == null) {
			throw new InvalidMeeting("body", "is required");
		}
		LocalDate date;
		try {
			date = request.date() == null ? null : LocalDate.parse(request.date().strip());
		}
		catch (DateTimeParseException e) {
			date = null;
		}
		try {
			Meeting meeting = meetings.schedule(placement, date, request.title(), AuditRecord.API);
			audit.record(AuditRecord.API, "meeting", placement.getId(), placement.getParticipant().id().value(),
					AuditLog.DONE, "on " + meeting.date());
			return ResponseEntity.status(HttpStatus.CREATED).body(response(placement, meeting));
		}
		catch (Meetings.Invalid e) {
			audit.record(AuditRecord.API, "meeting", placement.getId(), placement.getParticipant().id().value(),
					AuditLog.REFUSED, "field: " + e.field());
			throw new InvalidMeeting(e.field(), e.getMessage());
		}
	}

	@GetMapping("/api/v1/placements/{id}/meetings")
	List<MeetingResponse> list(@PathVariable String id) {
		Placement placement = placements.get(id);
		return meetings.of(placement.getId()).stream().map(m -> response(placement, m)).toList();
	}

	@DeleteMapping("/api/v1/placements/{id}/meetings/{meetingId}")
	ResponseEntity<Void> cancel(@PathVariable String id, @PathVariable String meetingId) {
		Placement placement = placements.get(id);
		if (!meetings.cancel(placement.getId(), meetingId)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No meeting " + meetingId + " for placement " + placement.getId());
			problem.setTitle("Not found");
			throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
		}
		audit.record(AuditRecord.API, "meeting-cancel", placement.getId(), placement.getParticipant().id().value(),
				AuditLog.DONE, meetingId);
		return ResponseEntity.noContent().build();
	}

	private MeetingResponse response(Placement placement, Meeting meeting) {
		return new MeetingResponse(meeting.id(), meeting.placementId(), meeting.date(), meeting.title(),
				briefs.dueAt(placement, meeting.date()), meeting.briefedAt());
	}
}
