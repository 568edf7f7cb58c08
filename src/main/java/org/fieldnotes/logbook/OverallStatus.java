package org.fieldnotes.logbook;

/** How the placement is going overall, in the participant's own judgement. */
public enum OverallStatus {
	GREEN, AMBER, RED
}
