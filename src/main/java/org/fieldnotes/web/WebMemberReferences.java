package org.fieldnotes.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.MemberReferences;
import org.springframework.stereotype.Component;

/**
 * How members of the web chat are referred to: their member id ({@code w-} and lower-case letters, digits and
 * dashes, e.g. {@code w-3f2a9c}), or a mention of it ({@code @w-3f2a9c}). The web channel's ids are ours:
 * {@link #newId()} makes them (128 random bits), also for others through {@link #newMemberId()}.
 */
@Component
public class WebMemberReferences implements MemberReferences {

	/** The platform name of web chat accounts. */
	public static final String PLATFORM = "web";

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String ID = "w-[a-z0-9][a-z0-9-]{1,62}";
	private static final Pattern WORD = Pattern.compile("@?(" + ID + ")");
	private static final Pattern MENTION = Pattern.compile("@(" + ID + ")");

	/** A new, unguessable web member id: {@code w-} and 128 random bits in lower-case hex. */
	public static String newId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return "w-" + HexFormat.of().formatHex(bytes);
	}

	@Override
	public Optional<String> newMemberId() {
		return Optional.of(newId());
	}

	/** A web chat member (the web channel has no workspaces). */
	public static ChatAccount member(String memberId) {
		return new ChatAccount(PLATFORM, null, memberId);
	}

	@Override
	public String platform() {
		return PLATFORM;
	}

	@Override
	public Optional<ChatAccount> account(String word, String workspace) {
		Matcher matcher = WORD.matcher(word.strip());
		return matcher.matches() ? Optional.of(new ChatAccount(PLATFORM, workspace, matcher.group(1))) : Optional.empty();
	}

	@Override
	public List<ChatAccount> mentions(String text, String workspace) {
		Set<String> ids = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		List<ChatAccount> accounts = new ArrayList<>();
		ids.forEach(id -> accounts.add(new ChatAccount(PLATFORM, workspace, id)));
		return accounts;
	}

	@Override
	public String written(ChatAccount account) {
		return "@" + account.memberId();
	}

	@Override
	public String describe() {
		return "a web chat member id (it looks like w-3f2a9c…)";
	}
}
