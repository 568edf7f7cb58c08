package org.fieldnotes.demo;

/** The roles a visitor can switch between in the demo. */
public enum DemoRole {
	PARTICIPANT, MANAGER, ACADEMIC_COACH, BUSINESS_COACH
}
