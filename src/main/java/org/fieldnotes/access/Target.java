package org.fieldnotes.access;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Visibility;

/**
 * What an operation acts on, as far as access is concerned: nothing in particular, a placement (a prompt's), or an
 * entry or status update (its placement, author and visibility).
 *
 * @param placement the placement, or {@literal null} when the operation has no target or it is unknown
 * @param authorId the item's author (a Slack member id), or {@literal null} when the target is not an item
 * @param visibility the item's visibility, or {@literal null} when the target is not an item
 */
public record Target(Placement placement, String authorId, Visibility visibility) {

	private static final Target NONE = new Target(null, null, null);

	public static Target none() {
		return NONE;
	}

	public static Target placement(Placement placement) {
		return new Target(placement, null, null);
	}

	/** An entry or a status update of {@code placement} (which may be {@literal null} for author-only operations). */
	public static Target item(Placement placement, String authorId, Visibility visibility) {
		return new Target(placement, authorId, visibility);
	}

	boolean isItem() {
		return authorId != null && visibility != null;
	}
}
