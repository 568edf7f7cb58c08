package org.fieldnotes.placement;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Per-programme settings ({@link ProgramSettings}), set by admins; every change is one atomic upsert.
 */
@Service
public class Programs {

	private final MongoTemplate mongo;
	private final Placements placements;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Programs(MongoTemplate mongo, Placements placements, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.placements = placements;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Every programme's stored settings by {@link ProgramSettings#keyOf key}, in one read: for walking many
	 * placements (the prompt schedule's rebuild) without one read per placement. A programme missing here has none.
	 */
	public Map<String, ProgramSettings> allByKey() {
		return mongo.findAll(ProgramSettings.class).stream()
			.collect(Collectors.toMap(ProgramSettings::id, Function.identity()));
	}

	/** The programme's settings; all defaults when nothing was set. */
	public ProgramSettings of(String program) {
		if (program == null || program.isBlank()) {
			throw new IllegalArgumentException("A programme needs a name");
		}
		return Optional.ofNullable(mongo.findById(ProgramSettings.keyOf(program), ProgramSettings.class))
			.orElseGet(() -> ProgramSettings.none(program));
	}

	/** Whether the programme has a placement or settings of its own (names compared without regard to case). */
	public boolean known(String program) {
		if (program == null || program.isBlank()) {
			return false;
		}
		String key = ProgramSettings.keyOf(program);
		return mongo.exists(Query.query(Criteria.where("_id").is(key)), ProgramSettings.class)
				|| placements.findAll().stream().anyMatch(p -> ProgramSettings.keyOf(p.getProgram()).equals(key));
	}

	/** Sets who may read a participant's entries in this programme when they chose nothing themselves. */
	public ProgramSettings setDefaultVisibility(String program, Visibility visibility) {
		if (program == null || program.isBlank()) {
			throw new IllegalArgumentException("A programme needs a name");
		}
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(ProgramSettings.keyOf(program))),
				new Update().set("name", program.strip()).set("defaultVisibility", visibility)
					.set("updatedAt", clock.instant()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), ProgramSettings.class);
	}

	/**
	 * What an admin changes of a programme's settings at once; a {@literal null} field stays as it is.
	 *
	 * @param reviewEvery an ISO period ({@link ProgramSettings#parsePeriod}), or {@code ""} for none (one midpoint)
	 * @param requiredHours the hours each placement must log, 1 to {@link ProgramSettings#MAX_REQUIRED_HOURS}, or 0
	 * for none (the programme stops counting time; hours logged stay)
	 */
	public record Change(Visibility defaultVisibility, Cadence cadence, PromptSet promptSet, String reviewEvery,
			DigestDefaults digest, Boolean hostSignOff, Integer requiredHours) {

		public Change {
			if (requiredHours != null && (requiredHours < 0 || requiredHours > ProgramSettings.MAX_REQUIRED_HOURS)) {
				throw new IllegalArgumentException("Not a number of required hours: " + requiredHours);
			}
		}

		/** A change that leaves the required hours as they are. */
		public Change(Visibility defaultVisibility, Cadence cadence, PromptSet promptSet, String reviewEvery,
				DigestDefaults digest, Boolean hostSignOff) {
			this(defaultVisibility, cadence, promptSet, reviewEvery, digest, hostSignOff, null);
		}

		/** A change of the required hours only ({@code 0}: the programme stops counting time). */
		public static Change requiredHours(int hours) {
			return new Change(null, null, null, null, null, null, hours);
		}

		/** A change that leaves host sign-off as it is. */
		public Change(Visibility defaultVisibility, Cadence cadence, PromptSet promptSet, String reviewEvery,
				DigestDefaults digest) {
			this(defaultVisibility, cadence, promptSet, reviewEvery, digest, null);
		}

		/** A change of host sign-off only: whether the programme's managers sign off each week. */
		public static Change hostSignOff(boolean on) {
			return new Change(null, null, null, null, null, on);
		}

		/** A change of visibility or rhythm only. */
		public Change(Visibility defaultVisibility, Cadence cadence, PromptSet promptSet, String reviewEvery) {
			this(defaultVisibility, cadence, promptSet, reviewEvery, null);
		}

		/** Whether it changes when prompts are due or which prompt goes out. */
		boolean touchesSchedule() {
			return cadence != null || promptSet != null || reviewEvery != null;
		}
	}

	/**
	 * The digest defaults to change: a {@literal null} field stays as it is, a field named in {@code cleared} is
	 * unset (the global default applies again).
	 *
	 * @param channel {@code chat} or {@code email}
	 */
	public record DigestDefaults(DayOfWeek day, LocalTime time, String channel, Set<String> cleared) {

		public DigestDefaults {
			cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
		}

		boolean changesAnything() {
			return day != null || time != null || channel != null || !cleared.isEmpty();
		}
	}

	/**
	 * Changes what {@code change} names, in one atomic upsert. When that touches the schedule (cadence, prompt set,
	 * reviews), every placement of the programme that has not ended is announced changed, so that its prompt
	 * trigger is set again here and on the other instances.
	 */
	public ProgramSettings change(String program, Change change) {
		if (program == null || program.isBlank()) {
			throw new IllegalArgumentException("A programme needs a name");
		}
		Update update = new Update().set("name", program.strip()).set("updatedAt", clock.instant());
		if (change.defaultVisibility() != null) {
			update.set("defaultVisibility", change.defaultVisibility());
		}
		if (change.cadence() != null) {
			update.set("cadence", change.cadence());
		}
		if (change.promptSet() != null) {
			update.set("promptSet", change.promptSet());
		}
		if (change.reviewEvery() != null) {
			if (change.reviewEvery().isBlank()) {
				update.unset("reviewEvery");
			}
			else {
				update.set("reviewEvery", ProgramSettings.parsePeriod(change.reviewEvery())
					.orElseThrow(() -> new IllegalArgumentException("Not a review period: " + change.reviewEvery()))
					.toString());
			}
		}
		if (change.hostSignOff() != null) {
			update.set("hostSignOff", change.hostSignOff());
		}
		if (change.requiredHours() != null) {
			if (change.requiredHours() == 0) {
				update.unset("requiredHours");
			}
			else {
				update.set("requiredHours", change.requiredHours());
			}
		}
		DigestDefaults digest = change.digest();
		if (digest != null) {
			for (String field : List.of("digestDay", "digestTime", "digestChannel")) {
				if (digest.cleared().contains(field)) {
					update.unset(field);
				}
			}
			if (digest.day() != null) {
				update.set("digestDay", digest.day());
			}
			if (digest.time() != null) {
				update.set("digestTime", digest.time());
			}
			if (digest.channel() != null) {
				update.set("digestChannel", digest.channel());
			}
		}
		ProgramSettings saved = mongo.findAndModify(Query.query(Criteria.where("_id").is(ProgramSettings.keyOf(program))),
				update, FindAndModifyOptions.options().upsert(true).returnNew(true), ProgramSettings.class);
		if (change.touchesSchedule()) {
			placementsOf(program).stream()
				.filter(p -> p.getStatus() != PlacementStatus.ENDED)
				.forEach(p -> events.publishEvent(new PlacementChanged(p.getId())));
		}
		if (digest != null && digest.changesAnything()) {
			events.publishEvent(new ProgramDigestDefaultsChanged(saved.name()));
		}
		return saved;
	}

	/** The placements of a programme (names compared trimmed, without case). */
	public List<Placement> placementsOf(String program) {
		String key = ProgramSettings.keyOf(program);
		return placements.findAll().stream().filter(p -> ProgramSettings.keyOf(p.getProgram()).equals(key)).toList();
	}
}
