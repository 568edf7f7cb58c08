package org.fieldnotes.personaldata;

/**
 * One module's conversion of its own collections from the layout before people had ids (where they were named by
 * a chat member id or {@code email:<address>}). Run at every start, before anything reads the collections: it
 * changes only what is still in the old layout, one document at a time, so a second run (or a run after a crash
 * midway) changes nothing that was converted, and two instances starting at once convert each document once.
 */
public interface LegacyLayoutMigration {

	/** Placements first: their embedded person records are where people are found (with names and zones). */
	int PLACEMENTS = 100;
	/** Everything that names people by key, after the people exist. */
	int KEYS = 200;

	/** When this runs, relative to the other modules' migrations; lower first. */
	int order();

	/** A short name for the log and the migration record, e.g. {@code placements}. */
	String name();

	/** Converts what is still in the old layout; returns how many documents it changed (0 when there was nothing). */
	long migrate(LegacyPeople people);
}
