package org.fieldnotes.slack;

import java.io.IOException;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PlatformDirectory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;

/**
 * Members through {@code users.info} (scope {@code users:read}; the e-mail address also needs
 * {@code users:read.email}, else it is {@literal null}).
 */
class SlackPeopleDirectory implements PlatformDirectory {

	private final MethodsClient slack;

	SlackPeopleDirectory(MethodsClient slack) {
		this.slack = slack;
	}

	@Override
	public String platform() {
		return SlackMemberReferences.PLATFORM;
	}

	@Override
	public Optional<ChatPerson> lookup(ChatAccount account) {
		String userId = account.memberId();
		UsersInfoResponse response;
		try {
			response = slack.usersInfo(r -> r.user(userId).includeLocale(true));
		}
		catch (SlackApiException e) {
			throw new DirectoryUnavailable("http_" + e.getResponse().code(), e);
		}
		catch (IOException e) {
			throw new DirectoryUnavailable("unreachable", e);
		}
		if (!response.isOk()) {
			if ("user_not_found".equals(response.getError()) || "users_not_found".equals(response.getError())) {
				return Optional.empty();
			}
			throw new DirectoryUnavailable(response.getError(), null);
		}
		User user = response.getUser();
		if (user == null) {
			return Optional.empty();
		}
		User.Profile profile = user.getProfile();
		String name = firstOf(user.getRealName(), profile == null ? null : profile.getRealName(),
				profile == null ? null : profile.getDisplayName(), user.getName(), userId);
		return Optional.of(new ChatPerson(account, name, blankToNull(user.getTz()), blankToNull(user.getLocale()),
				user.isDeleted(), profile == null ? null : blankToNull(profile.getEmail())));
	}

	private static String firstOf(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
