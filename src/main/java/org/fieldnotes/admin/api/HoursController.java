package org.fieldnotes.admin.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.hours.HoursAmount;
import org.fieldnotes.hours.HoursDay;
import org.fieldnotes.hours.HoursLog;
import org.fieldnotes.hours.HoursSummary;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Programs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/placements/{id}/hours}: the hours the participant logged, against the programme's required
 * total, and each day's figure, for coordinators (admin and read-only tokens; a programme's token only for its own
 * programme, which the token filter checks). A day's note is the participant's own and is never here. 404 for an
 * unknown placement. Every read is audited ({@code hours}).
 */
@RestController
class HoursController {

	private final HoursLog hours;
	private final PlacementManagement placements;
	private final Programs programs;
	private final AuditLog audit;
	private final Clock clock;

	HoursController(HoursLog hours, PlacementManagement placements, Programs programs, AuditLog audit, Clock clock) {
		this.hours = hours;
		this.placements = placements;
		this.programs = programs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param requiredHours the programme's required total; {@literal null} when it counts no time
	 * @param loggedHours every logged day summed, in decimal hours ({@code 112.5})
	 * @param percent the share of the total logged, in whole percent; {@literal null} without a total
	 * @param expectedHoursByNow what an even pace over the placement's days would have reached today; {@literal null}
	 * without a total
	 * @param behind whether the logged hours are below four fifths of that pace
	 * @param days each logged day, earliest first
	 */
	record HoursResponse(String placementId, String participant, String program, Integer requiredHours,
			BigDecimal loggedHours, Integer percent, BigDecimal expectedHoursByNow, boolean behind, List<Day> days) {
	}

	/** One logged day: the date and its hours, in decimal hours; {@code via} slack, teams or web. */
	record Day(LocalDate date, BigDecimal hours, String via) {
	}

	@GetMapping("/api/v1/placements/{id}/hours")
	HoursResponse show(@PathVariable String id) {
		Placement placement = placements.get(id);
		List<HoursDay> logged = hours.days(placement.getId());
		HoursSummary summary = HoursLog.summary(placement, logged,
				programs.of(placement.getProgram()).hoursRequired().orElse(null), placement.dateAt(clock.instant()));
		audit.record(AuditRecord.API, "hours", placement.getId(), placement.getParticipant().id().value(),
				AuditLog.DONE, logged.size() + " days");
		return new HoursResponse(placement.getId(), placement.getParticipant().name(), placement.getProgram(),
				summary.requiredHours(), HoursAmount.decimal(summary.loggedMinutes()), summary.percent().orElse(null),
				summary.expectedMinutes() == null ? null : HoursAmount.decimal(summary.expectedMinutes()),
				summary.behind(),
				logged.stream().map(d -> new Day(d.date(), HoursAmount.decimal(d.minutes()), d.via())).toList());
	}
}
