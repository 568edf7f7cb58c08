package org.fieldnotes.logbook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A blocker named in a status update, as an item: who it is for, where it is (open, acknowledged, resolved), when
 * each step happened and who took it. Its text is the participant's words: never logged, escaped when rendered, and
 * readable by whom the status update is ({@code visibility} follows the update's, also when the participant changes
 * it later).
 *
 * @param naturalKey the status update's natural key (one item per submitted form, however often it is retried)
 * @param acknowledgedBy the person id of who acknowledged it, or {@literal null}
 * @param acknowledgedAs the role they acknowledged it in
 * @param resolvedBy the person id of who resolved it (the participant, or a follower), or {@literal null}
 * @param escalatedAt when it was claimed for escalation ({@literal null}: never); the claim is this field
 * @param escalation {@code PENDING} from the claim until its messages are in the outbox, then {@code QUEUED}
 * @param notice the participant's notice of the latest acknowledgement or resolution: {@code PENDING} (set with the
 * state, in the same update) until it is in the outbox, then {@code QUEUED}; {@literal null} when there is none
 */
@Document("blockers")
@CompoundIndex(name = "placement_created", def = "{'placementId': 1, 'createdAt': -1}")
@CompoundIndex(name = "escalated_state", def = "{'escalatedAt': 1, 'state': 1}")
public record Blocker(@Id String id, String placementId, String authorId, String statusUpdateId,
		@Indexed(unique = true) String naturalKey, String text, BlockerOwner owner, BlockerState state,
		Visibility visibility, Instant createdAt, Instant acknowledgedAt, String acknowledgedBy,
		BlockerOwner acknowledgedAs, Instant resolvedAt, String resolvedBy, BlockerOwner resolvedAs,
		Instant escalatedAt, @Indexed String escalation, @Indexed String notice) {

	public Blocker {
		visibility = visibility == null ? Visibility.DEFAULT : visibility;
		owner = owner == null ? BlockerOwner.PARTICIPANT : owner;
		state = state == null ? BlockerState.OPEN : state;
	}

	/** Whether someone following the placement in this role may read it. */
	public boolean readableBy(Role role) {
		return visibility.readableBy(role);
	}

	/**
	 * Days it has been open: calendar days in the participant's zone from the day it was created until today, or
	 * until the day it was resolved.
	 */
	public long ageDays(Instant now, ZoneId zone) {
		LocalDate from = createdAt.atZone(zone).toLocalDate();
		LocalDate to = (resolvedAt != null ? resolvedAt : now).atZone(zone).toLocalDate();
		return Math.max(0, ChronoUnit.DAYS.between(from, to));
	}

	/** The participant's date it was opened. */
	public LocalDate openedOn(ZoneId zone) {
		return createdAt.atZone(zone).toLocalDate();
	}
}
