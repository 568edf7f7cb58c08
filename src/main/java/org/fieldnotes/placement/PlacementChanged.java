package org.fieldnotes.placement;

/**
 * Published after a placement was enrolled or its status or schedule changed, so that schedules are rebuilt.
 *
 * @param batched enrolled as one of a batch (a cohort import), whose end is announced by {@link PlacementsEnrolled}:
 * what is rebuilt for every placement at once may wait for that
 */
public record PlacementChanged(String placementId, boolean batched) {

	public PlacementChanged(String placementId) {
		this(placementId, false);
	}
}
