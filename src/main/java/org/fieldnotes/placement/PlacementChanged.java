package org.fieldnotes.placement;

/**
 * Published after a placement was enrolled or its status or schedule changed, so that schedules are rebuilt.
 */
public record PlacementChanged(String placementId) {
}
