package org.fieldnotes.placement;

/**
 * Published on this instance when another instance changed a placement ({@link PlacementChanged} there), as read from
 * the store's change log by {@link ScheduleSync}. For the schedules only: the prompt scheduler resets that placement's
 * trigger. It is never turned into a {@link PlacementChanged}, whose other listeners tell people things.
 */
public record PlacementChangedElsewhere(String placementId) {
}
