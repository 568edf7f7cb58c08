package org.fieldnotes.placement;

import java.util.List;

/**
 * Published once per poll of the change log ({@link ScheduleSync}), after each {@link PlacementChangedElsewhere} of
 * that poll: the moment to rebuild what depends on all placements at once, such as the digest schedule, once however
 * many placements (a cohort import) changed on other instances.
 *
 * @param placementIds the placements changed elsewhere that this poll read
 */
public record PlacementsChangedElsewhere(List<String> placementIds) {

	public PlacementsChangedElsewhere {
		placementIds = List.copyOf(placementIds);
	}
}
