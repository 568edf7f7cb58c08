package org.fieldnotes.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.fieldnotes.digest.attention.AttentionFlags;
import org.fieldnotes.digest.attention.Facts;
import org.fieldnotes.hours.HoursDay;
import org.fieldnotes.hours.HoursLog;
import org.fieldnotes.hours.HoursSummary;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Closures;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.springframework.stereotype.Component;

/**
 * The facts of every placement in the cohort: every placement that has not ended more than a week ago, in
 * programme order. Reads dates, counts and statuses only; no entry text, progress or blocker is ever loaded into a
 * line. Private status updates count for nothing here (neither the status nor a flag).
 */
@Component
class CohortLines {

	private static final Duration WEEK = Duration.ofDays(7);
	/** Status updates come about weekly: this many reach well past {@link AttentionFlags#LOOK_BACK}. */
	private static final int STATUS_UPDATES = 60;

	private final PlacementManagement placements;
	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final Clock clock;

	private final org.fieldnotes.logbook.Blockers blockers;
	private final Closures closures;
	private final org.fieldnotes.signoff.WeekSignOffs signOffs;
	private final Programs programs;
	private final HoursLog hours;

	CohortLines(PlacementManagement placements, Logbook logbook, StatusUpdates statusUpdates, PromptHistory prompts,
			Clock clock, org.fieldnotes.logbook.Blockers blockers, Closures closures,
			org.fieldnotes.signoff.WeekSignOffs signOffs, Programs programs, HoursLog hours) {
		this.signOffs = signOffs;
		this.programs = programs;
		this.hours = hours;
		this.blockers = blockers;
		this.closures = closures;
		this.placements = placements;
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.clock = clock;
	}

	/** The cohort now, by programme, then participant name. */
	List<CohortLine> all() {
		Instant now = clock.instant();
		List<Closure> closed = closures.all();
		Map<String, ProgramSettings> settings = programs.allByKey();
		return placements.all().stream().filter(p -> inCohort(p, now)).map(p -> line(p, now, closed, settings))
			.toList();
	}

	/** The line of one placement now, as the cohort digest would show it. */
	CohortLine of(Placement placement) {
		return line(placement, clock.instant(), closures.all(), programs.allByKey());
	}

	/** Not ended more than a week ago (the final week is reported once more, as in every digest). */
	static boolean inCohort(Placement placement, Instant now) {
		LocalDate today = now.atZone(placement.getParticipant().zone()).toLocalDate();
		return !today.isAfter(endedOn(placement).plusDays(7));
	}

	/** The end date, or the day an admin ended it early. */
	static LocalDate endedOn(Placement placement) {
		LocalDate end = placement.getEndDate();
		if (placement.getStatus() == PlacementStatus.ENDED && placement.getUpdatedAt() != null) {
			LocalDate ended = placement.getUpdatedAt().atZone(placement.getParticipant().zone()).toLocalDate();
			return ended.isBefore(end) ? ended : end;
		}
		return end;
	}

	private CohortLine line(Placement placement, Instant now, List<Closure> closed,
			Map<String, ProgramSettings> settings) {
		String id = placement.getId();
		ZoneId zone = placement.getParticipant().zone();
		Instant weekAgo = now.minus(WEEK);
		Instant lookBack = now.minus(AttentionFlags.LOOK_BACK);

		var lastEntryAt = logbook.lastSharedEntryAt(id);
		List<StatusUpdate> shared = statusUpdates.latest(id, STATUS_UPDATES)
			.stream()
			.filter(u -> u.visibility() != Visibility.PRIVATE)
			.toList();
		// a prompt falls due when it is sent (an admin may send one early), or when it is due and is not sent
		List<PromptOccurrence> due = fellDue(id, Instant.EPOCH, now);
		List<PromptOccurrence> dueThisWeek = fellDue(id, weekAgo, now);

		List<org.fieldnotes.logbook.Blocker> items = blockers.of(id);
		Facts facts = new Facts(lastEntryAt,
				shared.stream().filter(u -> !u.createdAt().isBefore(lookBack)).toList(),
				prompts.within(id, lookBack, now.plusSeconds(1)).stream().map(Facts.PromptFact::of).toList(),
				items.isEmpty() ? null : items, Closures.of(placement.getProgram(), closed));
		return new CohortLine(placement, placement.dateAt(now), endedOn(placement), due.size(),
				answered(due), dueThisWeek.size(), answered(dueThisWeek),
				lastEntryAt.map(at -> at.atZone(zone).toLocalDate()).orElse(null),
				shared.isEmpty() ? null : shared.get(0).status(), AttentionFlags.flagsFor(placement, facts, now),
				signOffs.latest(id).orElse(null), hoursOf(placement, now, settings));
	}

	/** Where the programme counts time (or hours were logged): how far the placement is; else {@literal null}. */
	private HoursSummary hoursOf(Placement placement, Instant now, Map<String, ProgramSettings> settings) {
		ProgramSettings program = placement.getProgram() == null ? null
				: settings.get(ProgramSettings.keyOf(placement.getProgram()));
		Integer required = program == null ? null : program.hoursRequired().orElse(null);
		List<HoursDay> days = hours.days(placement.getId());
		if (required == null && days.isEmpty()) {
			return null;
		}
		LocalDate today = placement.dateAt(now);
		// the pace is judged up to the day it ended, not on after it
		LocalDate upTo = today.isAfter(endedOn(placement)) ? endedOn(placement) : today;
		return HoursLog.summary(placement, days, required, upTo);
	}

	private List<PromptOccurrence> fellDue(String placementId, Instant from, Instant now) {
		return prompts.within(placementId, from, now.plusSeconds(1)).stream().filter(o -> !planned(o)).toList();
	}

	/** Skipped because the participant was away or on holiday, or the programme closed: nobody expected an answer. */
	private static boolean planned(PromptOccurrence occurrence) {
		return occurrence.getStatus() == OccurrenceStatus.SKIPPED
				&& ("away".equals(occurrence.getSkipReason()) || "holiday".equals(occurrence.getSkipReason())
						|| "closed".equals(occurrence.getSkipReason()));
	}

	private static int answered(List<PromptOccurrence> occurrences) {
		return (int) occurrences.stream().filter(PromptOccurrence::isAnswered).count();
	}
}
