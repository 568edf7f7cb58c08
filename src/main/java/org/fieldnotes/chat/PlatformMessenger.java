package org.fieldnotes.chat;

/**
 * One platform adapter's {@link Messenger}: registering a bean of this type is all it takes for messages to accounts
 * of its platform to go through it ({@link RoutingMessenger}).
 */
public interface PlatformMessenger extends Messenger {

	/** The platform it sends on, e.g. {@code slack}: the {@link ChatAccount#platform()} it serves. */
	String platform();

	/**
	 * Whether the outbox spaces messages to this platform out to its limits (one per conversation per
	 * {@code FIELDNOTES_OUTBOX_PER_CHANNEL}, {@code FIELDNOTES_OUTBOX_RATE} per workspace). A platform of our own (the
	 * web chat) has no such limits; its messages still go through the outbox.
	 */
	default boolean paced() {
		return true;
	}
}
