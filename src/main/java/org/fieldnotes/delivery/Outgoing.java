package org.fieldnotes.delivery;

import java.util.List;
import java.util.Objects;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Image;

/**
 * A message to send to one person.
 *
 * @param key what it is, unique for ever: e.g. {@code prompt:<occurrence id>}, {@code digest:<record id>}; the same
 * key is delivered at most once (within the bound stated in the README)
 * @param kind what sort of message it is
 * @param ref the id of the thing it is about, handed back in {@link MessageDelivered} / {@link MessageUndeliverable}
 * @param recipient the person's id on the chat platform
 * @param images pictures to share in its thread once it is delivered (best effort); inline in an e-mail
 * @param mail set when it goes by e-mail instead of chat
 */
public record Outgoing(String key, MessageKind kind, String ref, String recipient, ChatMessage message,
		List<Image> images, OutboxMail mail) {

	public Outgoing {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(message, "message");
		images = images == null ? List.of() : List.copyOf(images);
	}

	/** A chat message, with pictures for its thread. */
	public Outgoing(String key, MessageKind kind, String ref, String recipient, ChatMessage message,
			List<Image> images) {
		this(key, kind, ref, recipient, message, images, null);
	}

	public static Outgoing of(String key, MessageKind kind, String ref, String recipient, ChatMessage message) {
		return new Outgoing(key, kind, ref, recipient, message, List.of(), null);
	}

	/** An e-mail (HTML and plain text rendered from the message, the images inline). */
	public static Outgoing email(String key, MessageKind kind, String ref, OutboxMail mail, ChatMessage message,
			List<Image> images) {
		return new Outgoing(key, kind, ref, "email:" + mail.address().toLowerCase(java.util.Locale.ROOT), message,
				images, mail);
	}
}
