package org.fieldnotes.chat;

import java.util.Objects;

/**
 * Someone's account on a chat platform: the platform ({@code slack}, {@code teams}, {@code web}), the workspace or
 * tenant it lives in, and the member id there. Only the platform's adapter knows what a member id looks like; to
 * everyone else it is an opaque string.
 *
 * @param platform the platform's name, lower case, e.g. {@code slack}
 * @param workspace the workspace or tenant (a Slack team id), or {@literal null} while it is not known (an account
 * enrolled by member id alone gets it on first contact)
 * @param memberId the member's id on the platform, as the platform gives it
 */
public record ChatAccount(String platform, String workspace, String memberId) {

	public ChatAccount {
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(memberId, "memberId");
		platform = platform.strip();
		memberId = memberId.strip();
		workspace = workspace == null || workspace.isBlank() ? null : workspace.strip();
		if (platform.isEmpty() || memberId.isEmpty()) {
			throw new IllegalArgumentException("A chat account needs a platform and a member id");
		}
	}

	/**
	 * The account's key, {@code platform:memberId}: one member on one platform, whatever the workspace. (Member ids
	 * are taken to be unique on their platform: Slack's and Teams' are, and the web channel's are ours.)
	 */
	public String key() {
		return platform + ":" + memberId;
	}

	/** Whether both are the same member on the same platform (a workspace not yet known matches any). */
	public boolean sameMember(ChatAccount other) {
		return other != null && platform.equals(other.platform) && memberId.equals(other.memberId)
				&& (workspace == null || other.workspace == null || workspace.equals(other.workspace));
	}

	/** The same account, known to live in this workspace. */
	public ChatAccount inWorkspace(String workspace) {
		return new ChatAccount(platform, workspace, memberId);
	}

	/**
	 * Where the platform's limits hold: {@code platform/workspace}, or the platform alone while the workspace is not
	 * known. A 429 from Slack pauses one workspace, not every platform.
	 */
	public String scope() {
		return workspace == null ? platform : platform + "/" + workspace;
	}

	@Override
	public String toString() {
		return key();
	}
}
