package org.fieldnotes.digest;

/** What became of a recipient's weekly digest. */
public enum DigestStatus {
	CLAIMED, SENT, SKIPPED, FAILED
}
