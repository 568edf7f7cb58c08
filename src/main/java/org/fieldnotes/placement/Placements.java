package org.fieldnotes.placement;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/**
 * Stored placements.
 */
public interface Placements extends MongoRepository<Placement, String> {

	List<Placement> findByStatus(PlacementStatus status);

	List<Placement> findByParticipantSlackUserIdOrderByStartDateDesc(String slackUserId);

	@Query("{ '$or': [ {'manager.slackUserId': ?0}, {'academicCoach.slackUserId': ?0}, {'businessCoach.slackUserId': ?0} ] }")
	List<Placement> findFollowedBySlackUser(String slackUserId);
}
