package org.fieldnotes.support;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.People;

/** Chat accounts and person ids as tests name them: by Slack member id. */
public final class Accounts {

	private Accounts() {
	}

	/** A Slack member's account, as the API enrols it (its workspace not known until first contact). */
	public static ChatAccount slack(String memberId) {
		return new ChatAccount("slack", null, memberId);
	}

	/** The person id (as stored) of whoever has this Slack member id; fails when nobody has it. */
	public static String personOf(People people, String memberId) {
		return people.find(slack(memberId))
			.orElseThrow(() -> new IllegalStateException("Nobody has the Slack account " + memberId))
			.id()
			.value();
	}
}
