package org.fieldnotes.prompting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import org.fieldnotes.chat.ChatAccount;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A prompt that fell due for a placement. Inserting one is the claim: the unique key (placement, prompt, due date)
 * lets exactly one sender win, across restarts, misfires and instances.
 */
@Document("prompt_occurrences")
@CompoundIndex(name = "claim", def = "{'placementId': 1, 'promptId': 1, 'dueDate': 1}", unique = true)
@CompoundIndex(name = "placement_due", def = "{'placementId': 1, 'dueAt': -1}")
@CompoundIndex(name = "message", def = "{'channel': 1, 'messageTs': 1}")
public class PromptOccurrence {

	@Id
	private final String id;
	private final String placementId;
	private final String promptId;
	private final LocalDate dueDate;
	private final LocalDateTime dueLocal;
	private final Instant dueAt;
	private final OccurrenceStatus status;
	private final Instant claimedAt;
	private final Instant sentAt;
	private final String channel;
	private final String messageTs;
	private final String failure;
	private final Instant answeredAt;
	/** The participant snoozed the prompt until then; it comes back at that time. */
	private final Instant snoozedUntil;
	/** When the one reminder for this prompt went out; never more than one. */
	private final Instant remindedAt;
	/** Why a {@link OccurrenceStatus#SKIPPED} prompt was skipped: {@code away}, {@code holiday}, … */
	private final String skipReason;
	/** The account the message at {@code channel}/{@code messageTs} went to, so that it can be updated once answered. */
	private final ChatAccount sentTo;

	@PersistenceCreator
	PromptOccurrence(String id, String placementId, String promptId, LocalDate dueDate, LocalDateTime dueLocal,
			Instant dueAt, OccurrenceStatus status, Instant claimedAt, Instant sentAt, String channel,
			String messageTs, String failure, Instant answeredAt, Instant snoozedUntil, Instant remindedAt, String skipReason,
			ChatAccount sentTo) {
		this.id = id;
		this.placementId = placementId;
		this.promptId = promptId;
		this.dueDate = dueDate;
		this.dueLocal = dueLocal;
		this.dueAt = dueAt;
		this.status = status;
		this.claimedAt = claimedAt;
		this.sentAt = sentAt;
		this.channel = channel;
		this.messageTs = messageTs;
		this.failure = failure;
		this.answeredAt = answeredAt;
		this.snoozedUntil = snoozedUntil;
		this.remindedAt = remindedAt;
		this.skipReason = skipReason;
		this.sentTo = sentTo;
	}

	static PromptOccurrence claim(String placementId, String promptId, Due due, OccurrenceStatus status,
			Instant now) {
		return new PromptOccurrence(UUID.randomUUID().toString(), placementId, promptId, due.date(), due.local(), due.instant(), status, now,
				null, null, null, null, null, null, null, null, null);
	}

	/** A prompt recorded as skipped, never sent. */
	static PromptOccurrence skipped(String placementId, String promptId, Due due, String reason, Instant now) {
		return new PromptOccurrence(UUID.randomUUID().toString(), placementId, promptId, due.date(), due.local(),
				due.instant(), OccurrenceStatus.SKIPPED, now, null, null, null, null, null, null, null, reason, null);
	}

	public String getId() {
		return id;
	}

	public String getPlacementId() {
		return placementId;
	}

	public String getPromptId() {
		return promptId;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public LocalDateTime getDueLocal() {
		return dueLocal;
	}

	public Instant getDueAt() {
		return dueAt;
	}

	public OccurrenceStatus getStatus() {
		return status;
	}

	public Instant getClaimedAt() {
		return claimedAt;
	}

	public Instant getSentAt() {
		return sentAt;
	}

	public String getChannel() {
		return channel;
	}

	public String getMessageTs() {
		return messageTs;
	}

	public String getFailure() {
		return failure;
	}

	public Instant getAnsweredAt() {
		return answeredAt;
	}

	public Instant getSnoozedUntil() {
		return snoozedUntil;
	}

	public Instant getRemindedAt() {
		return remindedAt;
	}

	public String getSkipReason() {
		return skipReason;
	}

	/** The account the prompt's message went to; {@literal null} for an e-mail, or one sent before this was kept. */
	public ChatAccount getSentTo() {
		return sentTo;
	}

	public boolean isAnswered() {
		return answeredAt != null;
	}
}
