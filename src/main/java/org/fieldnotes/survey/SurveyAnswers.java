package org.fieldnotes.survey;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Stored survey answers ({@code survey_answers}), one document per sent survey. */
@Service
public class SurveyAnswers {

	private final MongoTemplate mongo;

	SurveyAnswers(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Stores the answers to a sent survey, replacing any given before, in one write. */
	void replace(SurveyResponse response) {
		mongo.save(response);
	}

	Optional<SurveyResponse> of(String sendId) {
		return Optional.ofNullable(mongo.findById(sendId, SurveyResponse.class));
	}

	/** The answers of these placements, oldest first. */
	public List<SurveyResponse> ofPlacements(Collection<String> placementIds) {
		return mongo.find(Query.query(Criteria.where("placementId").in(placementIds))
			.with(Sort.by("answeredAt", "_id")), SurveyResponse.class);
	}
}
