package org.fieldnotes.mail;

import org.thymeleaf.ITemplateEngine;

/** Lets tests of other modules render a {@link Mail} as the mailer would, without sending it. */
public final class MailRendering {

	private MailRendering() {
	}

	/** The e-mail's HTML part, exactly as {@link MailRenderer} writes it. */
	public static String html(ITemplateEngine templates, Mail mail) {
		return new MailRenderer(templates).html(mail);
	}

	/** The e-mail's plain-text part. */
	public static String text(ITemplateEngine templates, Mail mail) {
		return new MailRenderer(templates).text(mail);
	}
}
