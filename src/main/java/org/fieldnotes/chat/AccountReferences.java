package org.fieldnotes.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Every platform's {@link MemberReferences}, by platform: the one place outside the adapters that turns what someone
 * typed into a {@link ChatAccount}. A platform without an adapter recognises nothing.
 */
@Component
public class AccountReferences {

	private final Map<String, MemberReferences> byPlatform = new LinkedHashMap<>();

	public AccountReferences(List<MemberReferences> references) {
		for (MemberReferences reference : references) {
			if (byPlatform.put(reference.platform(), reference) != null) {
				throw new IllegalStateException("Two adapters read member references for " + reference.platform());
			}
		}
	}

	/** Whether an adapter for this platform is registered. */
	public boolean knows(String platform) {
		return platform != null && byPlatform.containsKey(platform);
	}

	/** The member a word typed on {@code platform} refers to (see {@link MemberReferences#account}). */
	public Optional<ChatAccount> account(String platform, String word, String workspace) {
		if (word == null || word.isBlank()) {
			return Optional.empty();
		}
		return Optional.ofNullable(byPlatform.get(platform)).flatMap(r -> r.account(word.strip(), workspace));
	}

	/**
	 * The member a word refers to on whichever platform recognises it, the first registered first: for places that
	 * say nothing of the platform (a member id in {@code FIELDNOTES_ADMINS}, an API path).
	 */
	public Optional<ChatAccount> anyAccount(String word) {
		if (word == null || word.isBlank()) {
			return Optional.empty();
		}
		for (MemberReferences reference : byPlatform.values()) {
			Optional<ChatAccount> account = reference.account(word.strip(), null);
			if (account.isPresent()) {
				return account;
			}
		}
		return Optional.empty();
	}

	/** The members mentioned in a text typed on {@code platform}, in order, each once. */
	public List<ChatAccount> mentions(String platform, String text, String workspace) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Optional.ofNullable(byPlatform.get(platform)).map(r -> r.mentions(text, workspace)).orElse(List.of());
	}

	/** The account as its platform's people write it ({@code @U012ABCDEF}); the member id when no adapter knows it. */
	public String written(ChatAccount account) {
		MemberReferences reference = byPlatform.get(account.platform());
		return reference == null ? account.memberId() : reference.written(account);
	}

	/**
	 * A new account on {@code platform}, where Fieldnotes gives out the accounts itself (see
	 * {@link MemberReferences#newMemberId()}); empty where the platform does, or no adapter is registered.
	 */
	public Optional<ChatAccount> newAccount(String platform) {
		return Optional.ofNullable(byPlatform.get(platform))
			.flatMap(MemberReferences::newMemberId)
			.map(id -> new ChatAccount(platform, null, id));
	}

	/** What a member id of {@code platform} looks like, for error messages. */
	public String describe(String platform) {
		MemberReferences reference = byPlatform.get(platform);
		return reference == null ? "a member id of " + platform : reference.describe();
	}
}
