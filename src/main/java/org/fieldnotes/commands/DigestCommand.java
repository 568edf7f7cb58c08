package org.fieldnotes.commands;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.digest.DigestService;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes digest preview}: a manager or coach sees the digest they would get now, covering the last
 * 7 days; nothing is sent and the week's digest still goes out on schedule.
 */
@Component
class DigestCommand implements Subcommand {

	private final DigestService digests;
	private final Replies replies;

	DigestCommand(DigestService digests, Replies replies) {
		this.digests = digests;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "digest";
	}

	@Override
	public int helpOrder() {
		return 30;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		if (!invocation.rest().strip().equalsIgnoreCase("preview")) {
			return replies.usage(replies.t("digest.command.what", invocation.locale()), name(), invocation.locale());
		}
		return digests.preview(invocation.userId())
			.orElseGet(() -> replies.text("digest.preview.none", invocation.locale()));
	}
}
