package org.fieldnotes.support;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;

/**
 * Chat accounts and people as tests name them: by Slack member id.
 *
 * <p>These live here, not in {@link IntegrationTest}: a stored type (such as {@link Person} or {@link ChatAccount})
 * in the signature of a fuzz test's class or superclass is loaded before Jazzer's agent starts, which then rewrites
 * it without its constructors' parameter names, and Spring Data can no longer read it (see {@code FuzzJvmTests}).
 */
public final class Accounts {

	private Accounts() {
	}

	/** A Slack member's account, as the API enrols it (its workspace not known until first contact). */
	public static ChatAccount slack(String memberId) {
		return new ChatAccount("slack", null, memberId);
	}

	/** The person with this Slack member id; fails when there is none. */
	public static Person person(People people, String memberId) {
		return people.find(slack(memberId))
			.orElseThrow(() -> new IllegalStateException("Nobody has the Slack account " + memberId));
	}

	/** The id of the person with this Slack member id; fails when there is none. */
	public static PersonId personId(People people, String memberId) {
		return person(people, memberId).id();
	}

	/** The person id (as stored) of whoever has this Slack member id; fails when nobody has it. */
	public static String personOf(People people, String memberId) {
		return personId(people, memberId).value();
	}

	/**
	 * The digest recipient key of the person with this Slack member id: their person id; for someone who is nobody
	 * (yet), a key no digest or trigger has.
	 */
	public static String keyOf(People people, String memberId) {
		return people.find(slack(memberId)).map(p -> p.id().value()).orElse("nobody:" + memberId);
	}

	/** The digest recipient key of the person reached only by e-mail at this address (see {@link #keyOf}). */
	public static String keyOfAddress(People people, String address) {
		return people.withAddressOnly(address).map(p -> p.id().value()).orElse("nobody:" + address);
	}
}
