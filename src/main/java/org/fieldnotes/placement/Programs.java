package org.fieldnotes.placement;

import java.time.Clock;
import java.util.Optional;

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
	private final Clock clock;

	Programs(MongoTemplate mongo, Placements placements, Clock clock) {
		this.mongo = mongo;
		this.placements = placements;
		this.clock = clock;
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
}
