package org.fieldnotes.placement;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/**
 * Stored placements. The people in them are stored by person id (see {@link Placement}), so these queries take the
 * id as a string.
 */
public interface Placements extends MongoRepository<Placement, String> {

	List<Placement> findByStatus(PlacementStatus status);

	@Query(value = "{ 'participant': ?0 }", sort = "{ 'startDate': -1 }")
	List<Placement> findByParticipantId(String personId);

	@Query("{ '$or': [ {'manager': ?0}, {'academicCoach': ?0}, {'businessCoach': ?0} ] }")
	List<Placement> findFollowedBy(String personId);
}
