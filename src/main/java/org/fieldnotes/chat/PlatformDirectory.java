package org.fieldnotes.chat;

/** One platform adapter's {@link PeopleDirectory}. */
public interface PlatformDirectory extends PeopleDirectory {

	/** The platform it looks members up on, e.g. {@code slack}. */
	String platform();
}
