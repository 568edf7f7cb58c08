package org.fieldnotes.slack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.MemberReferences;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.context.Context;

/**
 * How Slack members are referred to: a mention as Slack sends it in command text ({@code <@U012ABC|ada>}), as the
 * adapter hands it on ({@code @U012ABC}), or a bare member id ({@code U012ABC}; {@code W…} for Enterprise Grid).
 * The one place that knows what a Slack member id looks like.
 */
@Component
public class SlackMemberReferences implements MemberReferences {

	/** The platform name of Slack accounts. */
	public static final String PLATFORM = "slack";

	private static final String ID = "[UW][A-Z0-9]{2,}";
	private static final Pattern WORD = Pattern.compile("<@(" + ID + ")(\\|[^>]*)?>|@?(" + ID + ")");
	private static final Pattern MENTION = Pattern.compile("<@(" + ID + ")(\\|[^>]*)?>|@(" + ID + ")");

	@Override
	public String platform() {
		return PLATFORM;
	}

	@Override
	public Optional<ChatAccount> account(String word, String workspace) {
		Matcher matcher = WORD.matcher(word.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new ChatAccount(PLATFORM, workspace, matcher.group(1) != null ? matcher.group(1)
				: matcher.group(3)));
	}

	@Override
	public List<ChatAccount> mentions(String text, String workspace) {
		Set<String> ids = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find()) {
			ids.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(3));
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
		return "a Slack member id (it looks like U012ABCDEF: profile → ⋮ → Copy member ID)";
	}

	/** A Slack member in a workspace (a team id, {@literal null} when not known). */
	public static ChatAccount member(String teamId, String userId) {
		return new ChatAccount(PLATFORM, teamId, userId);
	}

	/**
	 * The member who sent a request, in the workspace it came from (Bolt reads the team id from every payload:
	 * events, commands, actions, views, shortcuts).
	 */
	public static ChatAccount member(Context ctx, String userId) {
		return new ChatAccount(PLATFORM, ctx == null ? null : ctx.getTeamId(), userId);
	}
}
