package org.fieldnotes.placement;

/**
 * A change to a placement was refused because the placement changed meanwhile (another admin, another instance) or
 * is not at the version the caller read; nothing was changed.
 */
public class PlacementConflict extends RuntimeException {

	private final long current;

	PlacementConflict(String placementId, long current, String why) {
		super("Placement " + placementId + " " + why + " (it is at version " + current + " now); read it again and "
				+ "send your change again.");
		this.current = current;
	}

	/** The version the placement is at now. */
	public long current() {
		return current;
	}
}
