package org.fieldnotes.digest;

/** An admin was added or removed: the cohort digests are rescheduled. */
public record CoordinatorsChanged() {
}
