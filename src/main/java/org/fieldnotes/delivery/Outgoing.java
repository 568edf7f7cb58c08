package org.fieldnotes.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Image;
import org.fieldnotes.people.Person;

/**
 * A message to send to one person.
 *
 * @param key what it is, unique for ever: e.g. {@code prompt:<occurrence id>}, {@code digest:<record id>}; the same
 * key is delivered at most once (within the bound stated in docs/reliability.md)
 * @param kind what sort of message it is
 * @param ref the id of the thing it is about, handed back in {@link MessageDelivered} / {@link MessageUndeliverable}
 * @param recipient who it is for: a person id, or {@code email:<address>} for an e-mail
 * @param account the chat account it goes to (its platform and workspace choose the adapter, the pacing and the
 * rate-limit pause); {@literal null} for an e-mail
 * @param images pictures to share in its thread once it is delivered (best effort); inline in an e-mail
 * @param mail set when it goes by e-mail instead of chat
 */
public record Outgoing(String key, MessageKind kind, String ref, String recipient, ChatAccount account,
		ChatMessage message, List<Image> images, OutboxMail mail) {

	public Outgoing {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(message, "message");
		if (account == null && mail == null) {
			throw new IllegalArgumentException("A message goes to a chat account or by e-mail");
		}
		images = images == null ? List.of() : List.copyOf(images);
	}

	/** A chat message to the person's account (the first), with pictures for its thread. */
	public static Outgoing to(Person person, String key, MessageKind kind, String ref, ChatMessage message,
			List<Image> images) {
		ChatAccount account = person.chatAccount();
		if (account == null) {
			throw new IllegalArgumentException("The person has no chat account");
		}
		return new Outgoing(key, kind, ref, person.id().value(), account, message, images, null);
	}

	/** A chat message to the person's account (the first). */
	public static Outgoing to(Person person, String key, MessageKind kind, String ref, ChatMessage message) {
		return to(person, key, kind, ref, message, List.of());
	}

	/** An e-mail (HTML and plain text rendered from the message, the images inline). */
	public static Outgoing email(String key, MessageKind kind, String ref, OutboxMail mail, ChatMessage message,
			List<Image> images) {
		return new Outgoing(key, kind, ref, "email:" + mail.address().toLowerCase(Locale.ROOT), null, message,
				images, mail);
	}
}
