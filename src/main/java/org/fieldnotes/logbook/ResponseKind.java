package org.fieldnotes.logbook;

/** What a coach or manager did with an entry. */
public enum ResponseKind {
	/** They read it ("✓ Acknowledged"). */
	ACKNOWLEDGED,
	/** They answered it in their own words. */
	REPLIED
}
