package org.fieldnotes.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Image;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.mail.Mailer;
import org.fieldnotes.people.Person;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Reaching someone whose chat platform cannot write to them yet (on Teams: the app is not installed for them; see
 * {@link Messenger#reachable}). Until it can, what Fieldnotes sends them goes by e-mail, with a line saying why and a
 * link to say hi to Fieldnotes on the platform (which makes them reachable), through the outbox like every e-mail.
 * Without an address or a mail server it goes to the chat account all the same, where the platform's adapter fails
 * it as not reachable ({@code teams_not_installed}): recorded as not delivered, with the reason, where admins see it.
 */
@Service
public class Reachability {

	private final Messenger messenger;
	private final Mailer mailer;
	private final MessageSource messages;

	Reachability(Messenger messenger, Mailer mailer, MessageSource messages) {
		this.messenger = messenger;
		this.mailer = mailer;
		this.messages = messages;
	}

	/** The person's chat account when the platform cannot write to it yet; empty when it can, or they have none. */
	public Optional<ChatAccount> notYetReachable(Person person) {
		ChatAccount account = person.chatAccount();
		return account != null && !messenger.reachable(account) ? Optional.of(account) : Optional.empty();
	}

	/**
	 * A person their chat platform cannot reach yet.
	 * @param byEmail whether what goes to them goes by e-mail meanwhile (else nothing reaches them)
	 */
	public record Waiting(Person person, ChatAccount account, boolean byEmail) {
	}

	/** Those of these people (each once, in order) whom their chat platform cannot reach yet. */
	public List<Waiting> notYetReachable(java.util.Collection<Person> people) {
		java.util.Map<String, Waiting> found = new java.util.LinkedHashMap<>();
		for (Person person : people) {
			if (person != null && !found.containsKey(person.id().value())) {
				notYetReachable(person).ifPresent(account -> found.put(person.id().value(),
						new Waiting(person, account, byEmailMeanwhile(person))));
			}
		}
		return List.copyOf(found.values());
	}

	/** Whether what goes to this person now goes by e-mail because their platform cannot reach them yet. */
	public boolean byEmailMeanwhile(Person person) {
		return notYetReachable(person).isPresent() && hasAddress(person) && mailer.configured();
	}

	/**
	 * The outgoing message for a person: to their chat account when it is reachable, else by e-mail (to their first
	 * address, in their language, with {@link #withInvitation the invitation}) when it can, else to the chat account
	 * (where it fails as not reachable). Someone without a chat account gets it by e-mail (see {@link #canSend}).
	 * @param subject the e-mail's subject, in {@code locale}
	 */
	public Outgoing to(Person person, String key, MessageKind kind, String ref, ChatMessage message,
			List<Image> images, Locale locale, String subject) {
		if (person.chatAccount() == null) {
			// someone reached by e-mail only (e.g. a coordinator without a chat account)
			return Outgoing.email(key, kind, ref, mail(person, locale, subject), message, images);
		}
		Optional<ChatAccount> waiting = notYetReachable(person);
		if (waiting.isEmpty() || !byEmailMeanwhile(person)) {
			return Outgoing.to(person, key, kind, ref, message, images);
		}
		return Outgoing.email(key, kind, ref, mail(person, locale, subject), withInvitation(message, waiting.get(), locale),
				images);
	}

	/** Whether {@link #to} has somewhere to send to: a chat account, or an address and a mail server. */
	public boolean canSend(Person person) {
		return person.chatAccount() != null || hasAddress(person) && mailer.configured();
	}

	private static OutboxMail mail(Person person, Locale locale, String subject) {
		if (!hasAddress(person)) {
			throw new IllegalArgumentException("The person has neither a chat account nor an e-mail address");
		}
		return new OutboxMail(person.email(), person.name(), locale.toLanguageTag(), subject);
	}

	/**
	 * The message with, after it, why it came by e-mail and the link that opens the person's chat with Fieldnotes on
	 * their platform ("Say hi to Fieldnotes in Teams").
	 */
	public ChatMessage withInvitation(ChatMessage message, ChatAccount account, Locale locale) {
		String platform = text("reach.platform." + account.platform(), locale, account.platform());
		var blocks = new java.util.ArrayList<>(message.blocks());
		blocks.add(new ChatMessage.Block.Divider());
		blocks.add(new ChatMessage.Block.Paragraph(
				List.of(ChatMessage.Span.plain(text("reach.why", locale, platform)))));
		messenger.invitation(account)
			.ifPresent(url -> blocks.add(new ChatMessage.Block.Link(text("reach.sayHi", locale, platform), url)));
		return new ChatMessage(message.summary(), blocks);
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static boolean hasAddress(Person person) {
		return person.email() != null && !person.email().isBlank();
	}
}
