package org.fieldnotes.placement;

/** No placement has the given id. */
public class PlacementNotFound extends RuntimeException {

	public PlacementNotFound(String id) {
		super("No placement with id " + id);
	}
}
