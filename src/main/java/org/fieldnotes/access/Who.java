package org.fieldnotes.access;

/**
 * The relation an actor must have to an operation's target for a rule to let them through. A rule is a set of
 * these: any one suffices.
 */
public enum Who {
	/**
	 * Anyone who can reach the app: the operation acts only on the actor's own things (their placement, their
	 * settings, their new entry). Whether they are enrolled is a fact the feature answers, not a permission.
	 */
	ANYONE,
	/**
	 * An admin: a member named in {@code FIELDNOTES_ADMINS} or added by command, or an admin API token (whose scope and
	 * programme may narrow it further, whatever the rule).
	 */
	ADMIN,
	/** The participant of the target placement (the person a prompt was sent to). */
	ADDRESSEE,
	/** The author of the target entry or status update. */
	AUTHOR,
	/**
	 * Someone who follows the target item's placement (manager, academic coach, business coach) in a role the item's
	 * visibility is shared with ({@link org.fieldnotes.placement.Visibility#readableBy}).
	 */
	FOLLOWER_WHO_MAY_READ,
	/** An admin, when the item is shared beyond the coaches' private circle ({@link org.fieldnotes.placement.Visibility#readableByAdmins}). */
	ADMIN_IF_SHARED,
	/** The manager of the target placement (the host manager, who approves the end-of-placement report). */
	MANAGER,
	/**
	 * Someone who follows the target placement in any role (manager, academic coach, business coach), whatever it is
	 * about: what they then see of its items is {@link org.fieldnotes.access.Operation#READ_ITEM}'s to say.
	 */
	FOLLOWER
}
