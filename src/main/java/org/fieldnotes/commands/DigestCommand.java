package org.fieldnotes.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.digest.CohortDigests;
import org.fieldnotes.digest.DigestService;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes digest preview}: a manager or coach sees the digest they would get now, covering the last
 * 7 days; nothing is sent and the week's digest still goes out on schedule.
 */
@Component
class DigestCommand implements Subcommand {

	private final DigestService digests;
	private final CohortDigests cohort;
	private final Replies replies;

	DigestCommand(DigestService digests, CohortDigests cohort, Replies replies) {
		this.digests = digests;
		this.cohort = cohort;
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
		Optional<ChatMessage> own = digests.preview(invocation.userId());
		Optional<ChatMessage> cohortDigest = cohort.preview(invocation.userId());
		if (own.isPresent() && cohortDigest.isPresent()) {
			return both(own.get(), cohortDigest.get());
		}
		return own.or(() -> cohortDigest)
			.orElseGet(() -> replies.text("digest.preview.none", invocation.locale()));
	}

	/** Two digests in one answer, the second after a divider. */
	private static ChatMessage both(ChatMessage first, ChatMessage second) {
		List<ChatMessage.Block> blocks = new ArrayList<>(first.blocks());
		blocks.add(new ChatMessage.Block.Divider());
		blocks.addAll(second.blocks());
		return new ChatMessage(first.summary() + " \u00b7 " + second.summary(), blocks);
	}
}
