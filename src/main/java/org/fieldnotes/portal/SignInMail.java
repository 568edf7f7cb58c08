package org.fieldnotes.portal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxMail;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.mail.Mailer;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Mails a new sign-in link to the address that was typed (one of the person's confirmed addresses, never another),
 * in the person's language, through the outbox (so the answer does not wait for the mail server, and takes as long
 * for a known address as for an unknown one); then answers as {@link SignInController#requested} does.
 */
@Component
class SignInMail implements OneTimeTokenGenerationSuccessHandler {

	static final String KEY_PREFIX = "portal-sign-in:";
	private static final Logger log = LoggerFactory.getLogger(SignInMail.class);

	private final Outbox outbox;
	private final Mailer mailer;
	private final People people;
	private final Languages languages;
	private final MessageSource messages;
	private final SignInLinks links;

	SignInMail(Outbox outbox, Mailer mailer, People people, Languages languages, MessageSource messages,
			SignInLinks links) {
		this.outbox = outbox;
		this.mailer = mailer;
		this.people = people;
		this.languages = languages;
		this.messages = messages;
		this.links = links;
	}

	/** Whether e-mail can be sent at all ({@code SPRING_MAIL_HOST}). */
	boolean possible() {
		return mailer.configured();
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token)
			throws IOException {
		String address = (String) request.getAttribute(SignInAddresses.MAIL_TO);
		Person person = people.find(new PersonId(token.getUsername())).orElse(null);
		if (address != null && person != null) {
			Locale locale = PortalPages.supported(languages.of(person));
			String subject = t("portal.mail.subject", locale);
			ChatMessage message = ChatMessage.builder(subject)
				.paragraph(t("portal.mail.intro", locale, person.displayName()))
				.link(t("portal.mail.link", locale), links.url(token.getTokenValue()))
				.paragraph(t("portal.mail.until", locale, SignInLinks.VALID_FOR.toMinutes()))
				.build();
			String key = SignInLinks.hash(token.getTokenValue());
			outbox.enqueue(Outgoing.email(KEY_PREFIX + key, MessageKind.NOTICE, key,
					new OutboxMail(address, person.displayName(), locale.toLanguageTag(), subject), message, List.of()));
			log.info("A portal sign-in link was queued to the person's address");
		}
		SignInController.answer(request, response);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
