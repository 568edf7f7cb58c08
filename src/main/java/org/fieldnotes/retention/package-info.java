/**
 * Retention: the logbook entries, status updates, entry responses and prompt occurrences of a placement are
 * deleted once the placement has been over for the retention period ({@code FIELDNOTES_RETENTION}, default
 * 365 days), by a daily sweep (a scheduled job, not a TTL index: the embedded store has none). The placement itself,
 * the digest records (ids only) and a per-placement record of what was deleted (counts and dates) stay.
 */
package org.fieldnotes.retention;
