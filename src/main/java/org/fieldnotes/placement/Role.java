package org.fieldnotes.placement;

/** The people who follow a placement and receive its digest. */
public enum Role {
	MANAGER, ACADEMIC_COACH, BUSINESS_COACH
}
