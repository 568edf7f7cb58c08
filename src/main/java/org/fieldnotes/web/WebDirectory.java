package org.fieldnotes.web;

import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.PlatformDirectory;
import org.fieldnotes.people.People;
import org.springframework.stereotype.Component;

/**
 * Members of the web chat as the people store knows them: the web channel has no directory of its own, so a
 * member's name, time zone and language are what Fieldnotes holds for the person with that account.
 */
@Component
class WebDirectory implements PlatformDirectory {

	private final People people;

	WebDirectory(People people) {
		this.people = people;
	}

	@Override
	public String platform() {
		return WebMemberReferences.PLATFORM;
	}

	@Override
	public Optional<ChatPerson> lookup(ChatAccount account) {
		return people.find(account)
			.map(p -> new ChatPerson(account, p.name(), p.timezone(), p.locale(), false, p.email()));
	}
}
