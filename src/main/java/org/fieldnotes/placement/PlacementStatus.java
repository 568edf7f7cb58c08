package org.fieldnotes.placement;

/** Whether a placement is being prompted. */
public enum PlacementStatus {
	ACTIVE, PAUSED, ENDED
}
