package org.fieldnotes.goals;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Stored goal progress ({@code goal_progress}), one document per placement and month. */
@Service
public class GoalProgressRecords {

	private final MongoTemplate mongo;

	GoalProgressRecords(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Stores a month's answer, replacing any given before for that month, in one write. */
	void replace(GoalProgress progress) {
		mongo.save(progress);
	}

	Optional<GoalProgress> of(String placementId, String month) {
		return Optional.ofNullable(mongo.findById(placementId + "/" + month, GoalProgress.class));
	}

	/** A placement's answers, oldest month first. */
	public List<GoalProgress> ofPlacement(String placementId) {
		return mongo.find(Query.query(Criteria.where("placementId").is(placementId)).with(Sort.by("month")),
				GoalProgress.class);
	}
}
