package org.fieldnotes.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An {@link IntegrationTest} with GreenMail as the SMTP server ({@code SPRING_MAIL_HOST}/{@code _PORT}) and
 * {@code FIELDNOTES_MAIL_FROM} set; every test starts with empty mailboxes.
 */
public abstract class MailTest extends IntegrationTest {

	public static final String MAIL_FROM = "Fieldnotes <digests@fieldnotes.example>";
	private static final int SMTP_PORT = MailParts.freePort();

	@RegisterExtension
	protected static final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("fieldnotes.mail.from", () -> MAIL_FROM);
	}

	@BeforeEach
	void emptyMailboxes() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
	}
}
