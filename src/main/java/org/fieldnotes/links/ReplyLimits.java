package org.fieldnotes.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fieldnotes.logbook.EntryResponse;
import org.fieldnotes.logbook.Responses;
import org.springframework.stereotype.Component;

/**
 * How many replies a response link may carry: at most {@link #PER_HOUR} in any hour, so that a link that leaked
 * (forwarded, in a shared inbox) cannot flood a participant. A link is its entry and recipient, so every e-mail's
 * link to the same entry for the same person shares the count. Counted from the replies stored
 * ({@code entry_responses}), so nothing more is kept about anyone; the check comes before the reply is stored, so
 * replies sent at the very same moment can pass it together.
 */
@Component
class ReplyLimits {

	/** Replies one link may carry in any hour. */
	static final int PER_HOUR = 5;
	private static final Duration WINDOW = Duration.ofHours(1);

	private final Responses responses;
	private final Clock clock;

	ReplyLimits(Responses responses, Clock clock) {
		this.responses = responses;
		this.clock = clock;
	}

	/** How long until this link may carry another reply: zero when it may now. */
	Duration wait(String entryId, String recipientKey) {
		Instant now = clock.instant();
		Instant since = now.minus(WINDOW);
		List<Instant> recent = responses.to(entryId)
			.stream()
			.filter(r -> r.isReply() && recipientKey.equals(r.responderKey()) && r.createdAt().isAfter(since))
			.map(EntryResponse::createdAt)
			.sorted()
			.toList();
		if (recent.size() < PER_HOUR) {
			return Duration.ZERO;
		}
		// the reply that leaves the window next makes room
		return Duration.between(now, recent.get(recent.size() - PER_HOUR).plus(WINDOW));
	}
}
