package org.fieldnotes.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.digest.AttentionAt;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Closures;
import org.fieldnotes.hours.HoursAmount;
import org.fieldnotes.hours.HoursDay;
import org.fieldnotes.hours.HoursLog;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.fieldnotes.prompting.PromptPhase;
import org.fieldnotes.signoff.WeekSignOff;
import org.fieldnotes.signoff.WeekSignOffs;
import org.springframework.stereotype.Service;

/**
 * The programme evaluation export: one row per placement-week, from the first week to the current one (or the
 * last). Counts, colours and flags only: no entry text, no progress or blocker words, no names. A status update's
 * colour and mood are shown only when {@link AccessPolicy} lets the reader read that update
 * ({@link Operation#READ_ITEM}: for a coordinator, one shared with the coaches or the whole placement).
 */
@Service
public class EvaluationExport {

	private final AccessPolicy access;
	private final PlacementManagement placements;
	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final Clock clock;
	private final WeekSignOffs signOffs;
	private final Closures closures;
	private final HoursLog hours;
	private final Programs programs;

	EvaluationExport(AccessPolicy access, PlacementManagement placements, Logbook logbook,
			StatusUpdates statusUpdates, PromptHistory prompts, Clock clock, WeekSignOffs signOffs, Closures closures,
			HoursLog hours, Programs programs) {
		this.signOffs = signOffs;
		this.hours = hours;
		this.programs = programs;
		this.closures = closures;
		this.access = access;
		this.placements = placements;
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.clock = clock;
	}

	/** The rows of the programme's placements (by start date, then id), as the reader may see them. */
	public List<EvaluationRow> rows(Actor reader, String program) {
		String key = ProgramSettings.keyOf(program);
		Instant now = clock.instant();
		List<EvaluationRow> rows = new ArrayList<>();
		List<Closure> closed = closures.of(program);
		boolean countsHours = programs.of(program).hoursRequired().isPresent();
		placements.all().stream()
			.filter(p -> p.getProgram() != null && ProgramSettings.keyOf(p.getProgram()).equals(key))
			.sorted(Comparator.comparing(Placement::getStartDate).thenComparing(Placement::getId))
			.forEach(placement -> rows.addAll(rowsOf(reader, placement, now, closed, countsHours)));
		return rows;
	}

	/** The rows as CSV (RFC 4180, a header line first). */
	public String csv(List<EvaluationRow> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
			.setHeader(EvaluationRow.COLUMNS.toArray(String[]::new))
			.get())) {
			for (EvaluationRow row : rows) {
				printer.printRecord(row.values());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private List<EvaluationRow> rowsOf(Actor reader, Placement placement, Instant now, List<Closure> closed,
			boolean countsHours) {
		ZoneId zone = placement.getParticipant().zone();
		LocalDate today = now.atZone(zone).toLocalDate();
		if (today.isBefore(placement.getStartDate())) {
			return List.of();
		}
		List<PromptOccurrence> occurrences = prompts.within(placement.getId(), Instant.EPOCH, now.plusSeconds(1));
		List<StatusUpdate> updates = statusUpdates.of(placement.getId());
		List<LogbookEntry> entries = logbook.entries(placement.getId(), false);
		Map<LocalDate, WeekSignOff> signedOff = signOffs.of(placement.getId()).stream()
			.collect(Collectors.toMap(WeekSignOff::weekStart, s -> s, (a, b) -> a));
		List<EvaluationRow> rows = new ArrayList<>();
		int last = placement.weekNumberOn(today);
		List<HoursDay> logged = hours.days(placement.getId());
		List<Long> weekMinutes = countsHours || !logged.isEmpty()
				? HoursLog.byPlacementWeek(placement, logged, last) : null;
		for (int week = 1; week <= last; week++) {
			LocalDate start = placement.getStartDate().plusDays(7L * (week - 1));
			LocalDate next = start.plusDays(7);
			Instant from = start.atStartOfDay(zone).toInstant();
			Instant until = next.atStartOfDay(zone).toInstant();
			List<PromptOccurrence> due = occurrences.stream()
				.filter(o -> !o.getDueDate().isBefore(start) && o.getDueDate().isBefore(next))
				.toList();
			int sent = (int) due.stream().filter(o -> o.getSentAt() != null).count();
			int answered = (int) due.stream().filter(PromptOccurrence::isAnswered).count();
			// the week's latest status update the reader may read (updates are newest first)
			Optional<StatusUpdate> latest = updates.stream()
				.filter(u -> !u.createdAt().isBefore(from) && u.createdAt().isBefore(until))
				.filter(u -> access.permits(reader, Operation.READ_ITEM,
						Target.item(placement, u.authorId(), u.visibility())))
				.findFirst();
			boolean shown = latest.isPresent();
			Instant end = until.isAfter(now) ? now : until;
			rows.add(new EvaluationRow(placement.getId(), placement.getParticipant().id().value(),
					placement.getProgram(), placement.getHostOrganisation(), week, start, sent, answered, answered > 0,
					shown ? latest.get().status().name().toLowerCase(Locale.ROOT) : null,
					shown ? latest.get().mood() : null, flags(placement, entries, updates, occurrences, end, closed))
				.withSignOff(signedOff.containsKey(start) ? signedOff.get(start).rating().key() : null)
				.withHours(weekMinutes == null ? null : HoursAmount.decimal(weekMinutes.get(week - 1))));
		}
		rows.set(rows.size() - 1, rows.get(rows.size() - 1).withFollowUp(followUp(reader, placement, occurrences,
				entries)));
		return rows;
	}

	/**
	 * The placement's follow-up prompt (due some months after the end, so in no week's row): sent, answered, and how
	 * many of its answers the reader may read.
	 */
	private EvaluationRow.FollowUp followUp(Actor reader, Placement placement, List<PromptOccurrence> occurrences,
			List<LogbookEntry> entries) {
		List<PromptOccurrence> followUps = occurrences.stream()
			.filter(o -> o.getSentAt() != null)
			.filter(o -> prompts.prompt(o.getPromptId()).map(p -> p.phase() == PromptPhase.FOLLOW_UP).orElse(false))
			.toList();
		Set<String> ids = followUps.stream().map(PromptOccurrence::getId).collect(Collectors.toSet());
		int shared = (int) entries.stream()
			.filter(e -> e.occurrenceId() != null && ids.contains(e.occurrenceId()))
			.filter(e -> access.permits(reader, Operation.READ_ITEM,
					Target.item(placement, e.authorId(), e.visibility())))
			.count();
		return new EvaluationRow.FollowUp(followUps.size(),
				(int) followUps.stream().filter(PromptOccurrence::isAnswered).count(), shared);
	}

	/**
	 * The flags as the digest's rules raise them, looking at what was there at {@code at}: entries and status
	 * updates that are not private, prompts due before then. An ended or paused placement raises none (the rules
	 * look only at active ones). Days the programme was closed do not count towards "no entry for 14 days".
	 */
	private static List<String> flags(Placement placement, List<LogbookEntry> entries, List<StatusUpdate> updates,
			List<PromptOccurrence> occurrences, Instant at, List<Closure> closed) {
		Optional<Instant> lastShared = entries.stream()
			.filter(e -> e.visibility() != Visibility.PRIVATE && e.createdAt().isBefore(at))
			.map(LogbookEntry::createdAt)
			.max(Comparator.naturalOrder());
		return AttentionAt.kinds(placement, lastShared, updates, occurrences, at, closed);
	}
}
