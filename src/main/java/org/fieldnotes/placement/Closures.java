package org.fieldnotes.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Closure windows ({@link Closure}): created by an admin for a programme or every programme, ended early by a resume.
 * Each is one document, created with one insert and ended with one update each; every instance reads them from the
 * store when a prompt falls due, so no schedule needs rebuilding.
 */
@Service
public class Closures {

	private final MongoOperations mongo;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Closures(MongoOperations mongo, Clock clock, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.clock = clock;
		this.events = events;
	}

	/** A closure was created: its placements' participants are told. */
	public record ClosureCreated(Closure closure) {
	}

	/**
	 * Closes a programme ({@literal null}: every programme) from {@code from} (today, UTC, when {@literal null})
	 * to {@code to} (until resumed when {@literal null}).
	 * @throws InvalidPlacement naming {@code from}, {@code to} or {@code reason}; nothing is stored then
	 */
	public Closure close(String program, String from, String to, String reason) {
		var check = new DraftChecker(null);
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate first = from == null || from.isBlank() ? today : check.date("from", from);
		LocalDate last = to == null || to.isBlank() ? null : check.date("to", to);
		if (first != null && last != null) {
			check.check(!last.isBefore(first), "to", "(" + last + ") is before from (" + first + ")", "endBeforeStart",
					last, first);
		}
		if (last != null) {
			check.check(!last.isBefore(today), "to", "(" + last + ") is in the past", "endInPast", last);
		}
		if (reason != null && reason.length() > 200) {
			check.check(false, "reason", "must be at most 200 characters", "tooLong", 200);
		}
		if (program != null && program.isBlank()) {
			check.check(false, "program", "must not be blank (leave it out for every programme)", "required");
		}
		if (!check.violations().isEmpty()) {
			throw new InvalidPlacement(check.violations());
		}
		Closure closure = mongo.insert(new Closure(UUID.randomUUID().toString(),
				program == null ? null : program.strip(), first, last,
				reason == null || reason.isBlank() ? null : reason.strip(), clock.instant(), false));
		events.publishEvent(new ClosureCreated(closure));
		return closure;
	}

	/**
	 * Ends the closures of a programme ({@literal null}: the closures of every programme and those for all) that are
	 * not over: one under way ends yesterday (UTC), so today's prompts go out; one not begun is cancelled.
	 * @param scope decides which closures the caller may end (a programme's token: those of its programme)
	 * @return the closures ended or cancelled, as they are now
	 */
	public List<Closure> resume(String program, java.util.function.Predicate<Closure> scope) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		List<Closure> ended = new ArrayList<>();
		for (Closure closure : current()) {
			if (program != null && (closure.program() == null || !closure.covers(program))) {
				continue;
			}
			if (!scope.test(closure)) {
				continue;
			}
			// from today on nothing of it applies: one that has not closed a day before today is cancelled
			Update update = closure.from().isBefore(today) ? new Update().set("to", today.minusDays(1))
					: new Update().set("cancelled", true);
			mongo.updateFirst(Query.query(Criteria.where("_id").is(closure.id())), update, Closure.class);
			ended.add(mongo.findById(closure.id(), Closure.class));
		}
		return ended;
	}

	/** The closures not over yet (not cancelled, and open-ended or ending today or later, UTC). */
	public List<Closure> current() {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		return mongo.find(Query.query(Criteria.where("cancelled").is(false)
			.orOperator(Criteria.where("to").is(null), Criteria.where("to").gte(today))), Closure.class);
	}

	/** Every closure that is not cancelled and covers the programme, past ones too, earliest first. */
	public List<Closure> of(String program) {
		return of(program, all());
	}

	/** {@link #of(String)} among closures read already ({@link #all()}). */
	public static List<Closure> of(String program, List<Closure> all) {
		return all.stream().filter(c -> c.covers(program)).sorted(java.util.Comparator.comparing(Closure::from))
			.toList();
	}

	/** Every closure that is not cancelled. */
	public List<Closure> all() {
		return mongo.find(Query.query(Criteria.where("cancelled").is(false)), Closure.class);
	}

	/** Whether the placement's programme is closed on this day (the participant's date). */
	public boolean closedOn(Placement placement, LocalDate day) {
		return of(placement.getProgram()).stream().anyMatch(c -> c.closes(placement.getProgram(), day));
	}
}
