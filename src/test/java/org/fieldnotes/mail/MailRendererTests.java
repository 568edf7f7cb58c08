package org.fieldnotes.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.chat.Image;
import org.fieldnotes.text.IcuMessageSource;
import org.junit.jupiter.api.Test;
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

	@Test
	void imagesFollowTheMessageReferredToByContentIdWithTheirAltTextEscaped() {
		Image chart = new Image("mood.png", "Ada <b> — mood", "Ada <b>, mood over 2 weeks: 4, 2 (falling) & more",
				new byte[] { 1, 2, 3 }, 800, 400);
		Image second = new Image("second.png", "Bo — mood", "Bo, mood: 3, 3", new byte[] { 4 }, 800, 400);
		Mail mail = new Mail("a@b.example", "A", Locale.ENGLISH, "Subject", message, List.of(chart, second));

		assertThat(MailRenderer.inline(mail)).extracting(MailRenderer.Inline::contentId)
			.containsExactly("image-1@fieldnotes", "image-2@fieldnotes");
		assertThat(renderer.html(mail))
			.contains("<img src=\"cid:image-1@fieldnotes\" alt=\"Ada &lt;b&gt;, mood over 2 weeks: 4, 2 (falling) &amp; "
					+ "more\" title=\"Ada &lt;b&gt; — mood\" width=\"800\" height=\"400\"")
			.contains("<img src=\"cid:image-2@fieldnotes\" alt=\"Bo, mood: 3, 3\"")
			.doesNotContain("<b>");
		assertThat(renderer.text(mail)).endsWith("""
				After the divider

				Ada <b> — mood
				Ada <b>, mood over 2 weeks: 4, 2 (falling) & more

				Bo — mood
				Bo, mood: 3, 3
				""");
		assertThat(renderer.html(new Mail("a@b.example", "A", Locale.ENGLISH, "Subject", message)))
			.doesNotContain("<img");
	}

	private static SpringTemplateEngine templateEngine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		IcuMessageSource messages = IcuMessageSource.of("i18n/mail");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}
}
