package org.fieldnotes.access;

import org.fieldnotes.placement.Role;

/**
 * What the policy decided, with a reason code for logs and messages (never a person's words).
 *
 * @param role when allowed as a follower of the placement: the role they act in (the most specific that may read);
 * else {@literal null}
 */
public record Decision(boolean allowed, Reason reason, Role role) {

	/** Why. */
	public enum Reason {
		/** Allowed: the operation is open to anyone, about their own things. */
		ANYONE,
		/** Allowed: the actor is an admin. */
		ADMIN,
		/** Allowed: the actor is the participant the prompt was sent to. */
		ADDRESSEE,
		/** Allowed: the actor wrote the item. */
		AUTHOR,
		/** Allowed: the actor follows the placement in a role the item is shared with. */
		FOLLOWER,
		/** Allowed: the actor is an admin and the item is shared beyond the academic coach. */
		ADMIN_SHARED,
		/** Allowed: the actor is the manager of the target placement. */
		MANAGER,
		/** Denied: a read-only API token asked for something that writes; it needs scope {@code admin}. */
		READ_ONLY_TOKEN,
		/** Denied: an API token limited to a programme asked for something installation-wide. */
		PROGRAM_TOKEN,
		/**
		 * Denied: an API token or an admin limited to programmes asked about another programme's placement or
		 * settings.
		 */
		OTHER_PROGRAM,
		/** Denied: an admin limited to programmes asked for something that concerns every programme. */
		PROGRAM_ADMIN,
		/** Denied: no rule lets this actor do this to this target. */
		NOT_PERMITTED,
		/** Denied: the operation has no rule (fail closed). */
		NO_RULE
	}

	public static Decision allow(Reason reason, Role role) {
		return new Decision(true, reason, role);
	}

	public static Decision deny(Reason reason) {
		return new Decision(false, reason, null);
	}

	public boolean denied() {
		return !allowed;
	}
}
