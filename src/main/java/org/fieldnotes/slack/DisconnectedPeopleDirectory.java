package org.fieldnotes.slack;

import java.util.Optional;

import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PeopleDirectory;

/** The people directory when no Slack token is configured: nobody can be looked up. */
class DisconnectedPeopleDirectory implements PeopleDirectory {

	@Override
	public Optional<ChatPerson> lookup(String userId) {
		throw new DirectoryUnavailable("slack_not_connected", null);
	}
}
