package org.fieldnotes.placement;

import java.util.List;

/**
 * Published once at the end of a batch of enrolments (a cohort import), after each placement's own
 * {@link PlacementChanged}: the moment to rebuild what depends on all placements at once, such as the digest schedule.
 *
 * @param placementIds the placements the batch stored
 */
public record PlacementsEnrolled(List<String> placementIds) {

	public PlacementsEnrolled {
		placementIds = List.copyOf(placementIds);
	}
}
