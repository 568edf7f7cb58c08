package org.fieldnotes.teams;

import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.PlatformDirectory;
import org.fieldnotes.people.People;
import org.springframework.stereotype.Component;

/**
 * Teams users as Fieldnotes knows them: the person with the account in the people store (name, time zone, language,
 * address), else the name Teams gave when they installed the app. Fieldnotes does not ask Microsoft Graph, so a
 * Teams user it has neither enrolled nor heard from is not found. Time zone and language are the people store's;
 * where it has no language, the client language Teams named at the first contact (a hint, as Slack's profile is).
 */
@Component
class TeamsDirectory implements PlatformDirectory {

	private final People people;
	private final TeamsConversations conversations;

	TeamsDirectory(People people, TeamsConversations conversations) {
		this.people = people;
		this.conversations = conversations;
	}

	@Override
	public String platform() {
		return TeamsMemberReferences.PLATFORM;
	}

	@Override
	public Optional<ChatPerson> lookup(ChatAccount account) {
		Optional<TeamsConversation> conversation = conversations.of(account);
		// Teams' client language, kept from the first contact, is the platform's word on it (as Slack's profile is)
		String hint = conversation.map(TeamsConversation::locale).orElse(null);
		Optional<ChatPerson> known = people.find(account)
			.map(p -> new ChatPerson(account, p.name(), p.timezone(), p.locale() != null ? p.locale() : hint, false,
					p.email()));
		if (known.isPresent()) {
			return known;
		}
		return conversation.filter(c -> c.name() != null)
			.map(c -> new ChatPerson(account, c.name(), null, c.locale(), false, null));
	}
}
