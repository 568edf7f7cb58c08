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
 * @param images pictures to share in its thread once it is delivered (best effort)
 */
public record Outgoing(String key, MessageKind kind, String ref, String recipient, ChatMessage message,
		List<Image> images) {

	public Outgoing {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(message, "message");
		images = images == null ? List.of() : List.copyOf(images);
	}

	public static Outgoing of(String key, MessageKind kind, String ref, String recipient, ChatMessage message) {
		return new Outgoing(key, kind, ref, recipient, message, List.of());
	}

	public Outgoing withImages(List<Image> images) {
		return new Outgoing(key, kind, ref, recipient, message, images);
	}
}
