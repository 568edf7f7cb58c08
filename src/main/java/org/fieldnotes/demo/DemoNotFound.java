package org.fieldnotes.demo;

import org.fieldnotes.placement.PlacementNotFound;

/**
 * The placement asked for is no demo placement (or no placement at all): to a visitor it does not exist, so callers
 * answer 404, as for any placement that is not there.
 */
public class DemoNotFound extends PlacementNotFound {

	DemoNotFound(String placementId) {
		super(placementId);
	}
}
