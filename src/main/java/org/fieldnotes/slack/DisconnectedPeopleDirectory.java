package org.fieldnotes.slack;

import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PlatformDirectory;

/** The people directory when no Slack token is configured: nobody can be looked up. */
class DisconnectedPeopleDirectory implements PlatformDirectory {

	@Override
	public String platform() {
		return SlackMemberReferences.PLATFORM;
	}


	@Override
	public Optional<ChatPerson> lookup(ChatAccount account) {
		throw new DirectoryUnavailable("slack_not_connected", null);
	}
}
