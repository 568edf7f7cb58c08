package org.fieldnotes.chat;

import java.util.Optional;

/**
 * Who someone is on the connected chat platform: their name, time zone and language as they set them there.
 */
public interface PeopleDirectory {

	/**
	 * Looks a member up.
	 * @param userId the person's id on the platform (a Slack member id)
	 * @return empty when the platform knows no such member
	 * @throws DirectoryUnavailable when the platform could not be asked (not connected, unreachable, refused)
	 */
	Optional<ChatPerson> lookup(String userId);
}
