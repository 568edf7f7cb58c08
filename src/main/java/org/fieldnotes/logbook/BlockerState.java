package org.fieldnotes.logbook;

/** Where a blocker item is: open, acknowledged by someone who may read it, or resolved. */
public enum BlockerState {
	OPEN, ACKNOWLEDGED, RESOLVED;

	/** Open or acknowledged: it still blocks. */
	public boolean unresolved() {
		return this != RESOLVED;
	}
}
