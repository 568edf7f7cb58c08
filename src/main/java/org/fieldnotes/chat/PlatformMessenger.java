package org.fieldnotes.chat;

/**
 * One platform adapter's {@link Messenger}: registering a bean of this type is all it takes for messages to accounts
 * of its platform to go through it ({@link RoutingMessenger}).
 */
public interface PlatformMessenger extends Messenger {

	/** The platform it sends on, e.g. {@code slack}: the {@link ChatAccount#platform()} it serves. */
	String platform();
}
