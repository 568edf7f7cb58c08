package org.fieldnotes.chat;

import java.util.List;
import java.util.Optional;

/**
 * How the people of one chat platform refer to a member in what they type or paste: each platform adapter registers
 * one (a Spring bean), so that commands, enrolment and the admin API can turn a typed reference into a
 * {@link ChatAccount} without knowing any platform's id format. {@link AccountReferences} asks them.
 */
public interface MemberReferences {

	/** The platform these references are for, e.g. {@code slack}: the {@link ChatAccount#platform()}. */
	String platform();

	/**
	 * The member one typed word refers to: a mention as the platform writes it, or a bare member id; empty when the
	 * word is neither (an e-mail address, a name, anything else).
	 * @param workspace where the word was typed (the new account's workspace), or {@literal null} when not known
	 * (an API call, a CSV file)
	 */
	Optional<ChatAccount> account(String word, String workspace);

	/** Every member mentioned in a text, in the order they appear, each once. */
	List<ChatAccount> mentions(String text, String workspace);

	/** The member as this platform's people write them in text, e.g. {@code @U012ABCDEF} on Slack. */
	String written(ChatAccount account);

	/**
	 * What a member id of this platform looks like, for an error message after "is not", e.g. "a Slack member id (it
	 * looks like U012ABCDEF: profile → ⋮ → Copy member ID)".
	 */
	String describe();

	/**
	 * A new, unguessable member id, on a platform whose accounts Fieldnotes gives out itself (the web chat: e.g. for
	 * the demo's made-up people); empty on a platform that gives out its own (Slack, Teams).
	 */
	default Optional<String> newMemberId() {
		return Optional.empty();
	}
}
