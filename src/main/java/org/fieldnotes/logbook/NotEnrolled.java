package org.fieldnotes.logbook;

/** The person has no current placement, so there is no logbook to write in. */
public class NotEnrolled extends RuntimeException {

	public NotEnrolled() {
		super("Not enrolled in a placement");
	}
}
