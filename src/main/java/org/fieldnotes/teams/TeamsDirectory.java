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
 * Teams user it has neither enrolled nor heard from is not found. Time zone and language are the people store's
 * (Teams sends an activity's client locale, not a profile).
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
		Optional<ChatPerson> known = people.find(account)
			.map(p -> new ChatPerson(account, p.name(), p.timezone(), p.locale(), false, p.email()));
		if (known.isPresent()) {
			return known;
		}
		return conversations.of(account)
			.filter(c -> c.name() != null)
			.map(c -> new ChatPerson(account, c.name(), null, null, false, null));
	}
}
