package org.fieldnotes.people;

import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;

/** Who has a chat account: {@link People} answers from the store; a unit test may answer from a list. */
@FunctionalInterface
public interface PersonLookup {

	/** The person with this chat account (whatever workspace it was recorded in); empty when nobody has it. */
	Optional<Person> find(ChatAccount account);
}
