package org.fieldnotes.teams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.MemberReferences;
import org.springframework.stereotype.Component;

/**
 * How Teams users are referred to: by their Microsoft Entra object id (a GUID, the same for every app; kept in lower
 * case), or by their Teams user id for this bot ({@code 29:…}, as activities carry it), either one bare or after an
 * {@code @}. Teams' own mentions ({@code <at>Name</at>}) carry no id in the text, so they are not read here. The
 * tenant is the account's workspace.
 */
@Component
public class TeamsMemberReferences implements MemberReferences {

	/** The platform name of Teams accounts. */
	public static final String PLATFORM = "teams";

	private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
	private static final String USER_ID = "29:[A-Za-z0-9_-]{8,}";
	private static final Pattern WORD = Pattern.compile("@?(" + GUID + "|" + USER_ID + ")");
	private static final Pattern MENTION = Pattern.compile("@(" + GUID + "|" + USER_ID + ")(?![A-Za-z0-9_-])");

	/** A Teams user in a tenant ({@literal null} when not known), by Entra object id or Teams user id. */
	public static ChatAccount member(String tenantId, String memberId) {
		return new ChatAccount(PLATFORM, tenantId, normalised(memberId));
	}

	@Override
	public String platform() {
		return PLATFORM;
	}

	@Override
	public Optional<ChatAccount> account(String word, String workspace) {
		Matcher matcher = WORD.matcher(word.strip());
		return matcher.matches() ? Optional.of(member(workspace, matcher.group(1))) : Optional.empty();
	}

	@Override
	public List<ChatAccount> mentions(String text, String workspace) {
		Set<String> ids = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find()) {
			ids.add(normalised(matcher.group(1)));
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
		return "a Teams user's Microsoft Entra object id (a GUID such as 8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15: Teams "
				+ "admin center → Users → the user → Object ID) or their Teams user id for Fieldnotes (29:…)";
	}

	/** Entra object ids in lower case (Teams sends them so); Teams user ids as they are (they are case-sensitive). */
	private static String normalised(String memberId) {
		String id = memberId.strip();
		return id.startsWith("29:") ? id : id.toLowerCase(Locale.ROOT);
	}
}
