package org.fieldnotes.logbook;

import org.fieldnotes.placement.Visibility;

/**
 * The author changed who may read an entry or a status update. Ids only: never the words.
 *
 * @param kind what was changed
 * @param id the entry's or status update's id
 * @param authorId who changed it (always its author)
 */
public record VisibilityChanged(VisibilityChoice.Kind kind, String id, String placementId, String authorId,
		Visibility from, Visibility to) {
}
