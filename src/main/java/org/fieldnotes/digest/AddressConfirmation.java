package org.fieldnotes.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxMail;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.links.AddressConfirmations;
import org.fieldnotes.links.ConfirmationLinks;
import org.fieldnotes.mail.Mailer;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A digest address someone typed in is used only once they confirm it from that inbox. Until then it waits in the
 * recipient's {@link DigestPreference} as {@code pendingEmail}, with the nonce of the one link that can confirm it,
 * and the digest keeps going where it went. The link goes to the new address through the outbox (never to anyone
 * else, and after the command is answered); using it puts the address (and the e-mail channel, when that was the
 * choice) in place in one atomic update, once.
 */
@Component
class AddressConfirmation implements AddressConfirmations {

	private static final Logger log = LoggerFactory.getLogger(AddressConfirmation.class);
	static final String KEY_PREFIX = "address-confirm:";

	private final DigestPreferenceStore store;
	private final ConfirmationLinks links;
	private final Mailer mailer;
	private final Outbox outbox;
	private final Languages languages;
	private final MessageSource messages;
	private final Clock clock;

	AddressConfirmation(DigestPreferenceStore store, ConfirmationLinks links, Mailer mailer, Outbox outbox,
			Languages languages, MessageSource messages, Clock clock) {
		this.store = store;
		this.links = links;
		this.mailer = mailer;
		this.outbox = outbox;
		this.languages = languages;
		this.messages = messages;
		this.clock = clock;
	}

	/** Whether a new address can be confirmed here: e-mail can be sent, and links can be made. */
	boolean possible() {
		return mailer.configured() && links.enabled();
	}

	/**
	 * Adds "this address waits for confirmation" to an update of the recipient's settings.
	 *
	 * @param channelAfter the channel to switch to once it is confirmed
	 * @return the nonce of the link to send (after the update is stored) with {@link #send}
	 */
	String pending(Update update, String address, DigestChannel channelAfter) {
		String nonce = UUID.randomUUID().toString();
		update.set("pendingEmail", address).set("pendingChannel", channelAfter).set("pendingNonce", nonce)
			.set("pendingSince", clock.instant());
		return nonce;
	}

	/** Forgets a waiting confirmation (its link stops working): the person chose something else since. */
	static void forget(Update update) {
		update.unset("pendingEmail").unset("pendingChannel").unset("pendingNonce").unset("pendingSince");
	}

	/** Queues the confirmation e-mail to the new address, in the person's language. */
	void send(Person person, String recipientKey, String address, String nonce) {
		String url = links.linkFor(recipientKey, address, nonce).orElseThrow();
		Locale locale = languages.of(person);
		long hours = ConfirmationLinks.VALID_FOR.toHours();
		String subject = t("digestsettings.confirm.mail.subject", locale);
		ChatMessage message = ChatMessage.builder(subject)
			.paragraph(t("digestsettings.confirm.mail.intro", locale, address))
			.link(t("digestsettings.confirm.mail.link", locale, hours), url)
			.paragraph(t("digestsettings.confirm.mail.until", locale))
			.build();
		outbox.enqueue(Outgoing.email(KEY_PREFIX + nonce, MessageKind.NOTICE, nonce,
				new OutboxMail(address, person.displayName(), locale.toLanguageTag(), subject), message, List.of()));
		log.info("A new digest address waits for confirmation; the link was queued to it");
	}

	/** The address waiting for confirmation, while its link still works; else {@literal null}. */
	String waiting(Optional<DigestPreference> chosen) {
		return chosen.filter(p -> p.pendingEmail() != null && p.pendingSince() != null)
			.filter(p -> clock.instant().isBefore(p.pendingSince().plus(ConfirmationLinks.VALID_FOR)))
			.map(DigestPreference::pendingEmail)
			.orElse(null);
	}

	@Override
	public State state(String recipientKey, String address, String nonce) {
		Optional<DigestPreference> chosen = store.find(recipientKey);
		if (chosen.map(p -> nonce.equals(p.pendingNonce()) && address.equals(p.pendingEmail())).orElse(false)) {
			return State.PENDING;
		}
		return chosen.map(p -> address.equalsIgnoreCase(p.email())).orElse(false) ? State.CONFIRMED : State.REPLACED;
	}

	@Override
	public State confirm(String recipientKey, String address, String nonce) {
		Optional<DigestPreference> chosen = store.find(recipientKey);
		if (chosen.isEmpty() || !nonce.equals(chosen.get().pendingNonce()) || !address.equals(chosen.get().pendingEmail())) {
			return state(recipientKey, address, nonce);
		}
		Update update = new Update().set("email", address).set("updatedAt", clock.instant());
		if (chosen.get().pendingChannel() != null) {
			update.set("channel", chosen.get().pendingChannel());
		}
		forget(update);
		Optional<DigestPreference> confirmed = store.whilePending(recipientKey, nonce, update);
		if (confirmed.isEmpty()) {
			return state(recipientKey, address, nonce);
		}
		log.info("A digest address was confirmed; channel {}", confirmed.get().channel());
		return State.CONFIRMED;
	}

	@Override
	public List<String> confirmedBy(String address) {
		if (address == null || address.isBlank()) {
			return List.of();
		}
		return store.withEmail(address).stream().map(DigestPreference::recipientKey).toList();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
