package org.fieldnotes.placement;

import java.time.Instant;

import org.fieldnotes.personaldata.NoPersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the change log that carries schedule changes from the instance that made them to the others
 * ({@link PlacementChangeLog}): this placement changed, through this instance, at this time. Deleted after a day.
 *
 * @param id the store's own id (an ObjectId), which tells an entry read twice from one read once
 * @param at when the instance wrote it, by its clock
 * @param instance the instance that wrote it ({@link PlacementChangeLog#instance()})
 */
@Document("placement_changes")
@NoPersonalData("a placement's random id, which instance changed it and when, kept for a day; erasing a person deletes "
		+ "the entries of their own placements with the placements")
record PlacementChange(@Id String id, String placementId, @Indexed Instant at, String instance) {

	static PlacementChange of(String placementId, Instant at, String instance) {
		return new PlacementChange(null, placementId, at, instance);
	}
}
