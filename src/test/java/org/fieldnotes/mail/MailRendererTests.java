package org.fieldnotes.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.chat.ChatMessage.Span;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every kind of block, rendered as HTML and as plain text, without Spring: whatever blocks the composer sends
 * (flags, summaries, quotes) arrive as escaped text; buttons are left out.
 */
class MailRendererTests {

	private final MailRenderer renderer = new MailRenderer(templateEngine());

	private final ChatMessage message = ChatMessage.builder("Summary <b>")
		.heading("Heading & <title>")
		.context("Small print ${1+1}")
		.paragraph(Span.bold("Ada <i>"), Span.plain(" — plain [[${2*3}]]"))
		.items(List.of(new Item("Label <u>", "value 'x'"), new Item("Second", "two")))
		.quote("Mon 30 Nov · logbook entry", "line one <!here>\nline two\n")
		.buttons(Button.primary("digest.open", "Open in Slack <btn>", "id-1"))
		.divider()
		.paragraph("After the divider")
		.build();

	@Test
	void htmlRendersEachBlockByKindAndEscapesEveryString() {
		String html = renderer.html(new Mail("a@b.example", "A", Locale.ENGLISH, "Subject <s>", message));

		assertThat(html).contains("<html lang=\"en\"")
			.contains("<title>Subject &lt;s&gt;</title>")
			.contains(">Summary &lt;b&gt;</div>")
			.containsPattern("<h1[^>]*>Heading &amp; &lt;title&gt;</h1>")
			.containsPattern("<p[^>]*>Small print \\$\\{1\\+1\\}</p>")
			.containsPattern("<p[^>]*><strong>Ada &lt;i&gt;</strong> — plain \\[\\[\\$\\{2\\*3\\}\\]\\]</p>")
			.contains("<strong>Label &lt;u&gt;</strong> — <span>value &#39;x&#39;</span>")
			.contains("<strong>Second</strong> — <span>two</span>")
			.containsPattern("<p[^>]*>Mon 30 Nov · logbook entry</p>")
			.containsPattern("<blockquote[^>]*>line one &lt;!here&gt;\nline two</blockquote>")
			.containsPattern("<hr[^>]*>")
			.containsPattern("<p[^>]*>After the divider</p>")
			.contains("Sent by Fieldnotes")
			.doesNotContain("Open in Slack")
			.doesNotContain("6</p>")
			.doesNotContain("<i>")
			.doesNotContain("<u>");
	}

	@Test
	void theTextPartKeepsTheWordsAsWrittenAndQuotesThem() {
		String text = renderer.text(new Mail("a@b.example", "A", Locale.ENGLISH, "Subject", message));

		assertThat(text).isEqualTo("""
				Heading & <title>
				=================

				Small print ${1+1}

				Ada <i> — plain [[${2*3}]]

				• Label <u> — value 'x'
				• Second — two

				Mon 30 Nov · logbook entry
				> line one <!here>
				> line two

				----------------------------------------

				After the divider
				""");
	}

	@Test
	void theEmailsOwnWordsAreInTheRecipientsLanguage() {
		String html = renderer.html(new Mail("a@b.example", "A", Locale.forLanguageTag("sv"), "Ämne", message));

		assertThat(html).contains("<html lang=\"sv\"").contains("Skickat av Fieldnotes");
	}

	private static SpringTemplateEngine templateEngine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/mail");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}
}
