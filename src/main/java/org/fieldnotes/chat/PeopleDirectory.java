package org.fieldnotes.chat;

import java.util.Optional;

/**
 * Who someone is on their chat platform: their name, time zone and language as they set them there. The bean to
 * inject routes by the account's platform ({@link RoutingPeopleDirectory}); each adapter provides a
 * {@link PlatformDirectory}.
 */
public interface PeopleDirectory {

	/**
	 * Looks a member up.
	 * @return empty when the platform knows no such member
	 * @throws DirectoryUnavailable when the platform could not be asked (not connected, unreachable, refused)
	 */
	Optional<ChatPerson> lookup(ChatAccount account);
}
