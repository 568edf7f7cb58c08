package org.fieldnotes.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends e-mail over SMTP with Spring Mail ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT},
 * {@code SPRING_MAIL_USERNAME}, {@code SPRING_MAIL_PASSWORD}) as multipart/alternative: plain text and HTML, inside
 * a multipart/related that holds the HTML's images as inline parts (each with the Content-ID its {@code cid:} names).
 */
@Component
class SmtpMailer implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final MailRenderer renderer;
	private final MailSettings settings;
	private final String host;

	SmtpMailer(ObjectProvider<JavaMailSender> sender, MailRenderer renderer, MailSettings settings,
			@Value("${spring.mail.host:}") String host) {
		this.sender = sender;
		this.renderer = renderer;
		this.settings = settings;
		this.host = host;
		if (!configured()) {
			log.info("E-mail is off: no mail server is configured (set SPRING_MAIL_HOST to send e-mail digests)");
		}
	}

	@Override
	public boolean configured() {
		return host != null && !host.isBlank() && sender.getIfAvailable() != null;
	}

	@Override
	public SentMail send(Mail mail) {
		JavaMailSender mailSender = sender.getIfAvailable();
		if (mailSender == null || !configured()) {
			throw new MailFailed("mail_not_configured", null);
		}
		try {
			MimeMessage message = mailSender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(settings.from());
			helper.setTo(mail.toName() == null || mail.toName().isBlank() ? new InternetAddress(mail.toAddress(), true)
					: new InternetAddress(mail.toAddress(), mail.toName(), StandardCharsets.UTF_8.name()));
			helper.setSubject(mail.subject());
			helper.setText(renderer.text(mail), renderer.html(mail));
			for (MailRenderer.Inline inline : MailRenderer.inline(mail)) { // after setText, as Spring requires
				helper.addInline(inline.contentId(), new ByteArrayResource(inline.image().png()),
						inline.image().contentType());
			}
			mailSender.send(message);
			return new SentMail(message.getMessageID());
		}
		catch (MessagingException | UnsupportedEncodingException | RuntimeException e) { // MailException is a RuntimeException
			// a send failure (server unreachable, temporarily refusing) may pass; a login, address or message error won't
			throw new MailFailed(e.getClass().getSimpleName(), e instanceof MailSendException, e);
		}
	}
}
