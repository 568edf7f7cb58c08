package org.fieldnotes.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Block;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.chat.Image;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a {@link ChatMessage} as an e-mail: HTML through {@code templates/digest/email.html}, where every string
 * is written with {@code th:text} (escaped, never evaluated), and a plain-text alternative. Blocks are rendered by
 * type, whatever blocks arrive; buttons are left out (they act in Slack, not in an e-mail). Images follow the
 * message: in the HTML as {@code <img src="cid:…" alt="…">} referring to an inline part (see {@link #inline(Mail)}),
 * in the plain text as their title and alt text.
 */
@Component
class MailRenderer {

	static final String TEMPLATE = "digest/email";

	private final ITemplateEngine templates;

	MailRenderer(ITemplateEngine templates) {
		this.templates = templates;
	}

	String html(Mail mail) {
		Context context = new Context(mail.locale());
		context.setVariable("lang", mail.locale().toLanguageTag());
		context.setVariable("subject", mail.subject());
		context.setVariable("summary", mail.message().summary());
		context.setVariable("parts", parts(mail.message()));
		context.setVariable("images", inline(mail));
		return templates.process(TEMPLATE, context);
	}

	String text(Mail mail) {
		List<String> paragraphs = new ArrayList<>();
		for (Block block : mail.message().blocks()) {
			if (block instanceof Block.Heading heading) {
				paragraphs.add(heading.text() + "\n" + "=".repeat(Math.min(60, heading.text().strip().length())));
			}
			else if (block instanceof Block.Context context) {
				paragraphs.add(spans(context.spans()));
			}
			else if (block instanceof Block.Paragraph paragraph) {
				paragraphs.add(spans(paragraph.spans()));
			}
			else if (block instanceof Block.Items items) {
				paragraphs.add(items.items()
					.stream()
					.map(item -> "• " + item.label() + " — " + item.text())
					.collect(Collectors.joining("\n")));
			}
			else if (block instanceof Block.Quote quote) {
				paragraphs.add(quote.attribution() + "\n" + quote.words()
					.strip()
					.lines()
					.map(line -> "> " + line)
					.collect(Collectors.joining("\n")));
			}
			else if (block instanceof Block.Link link) {
				paragraphs.add(link.label() + ": " + link.url());
			}
			else if (block instanceof Block.Divider) {
				paragraphs.add("-".repeat(40));
			}
			// Actions: buttons act in Slack only
		}
		for (Image image : mail.images()) {
			paragraphs.add(image.title() + "\n" + image.altText());
		}
		return String.join("\n\n", paragraphs) + "\n";
	}

	/** The e-mail's images with the Content-ID each is sent under and referred to by ({@code image-1@fieldnotes}, …). */
	static List<Inline> inline(Mail mail) {
		List<Inline> inline = new ArrayList<>();
		for (int i = 0; i < mail.images().size(); i++) {
			inline.add(new Inline("image-" + (i + 1) + "@fieldnotes", mail.images().get(i)));
		}
		return inline;
	}

	/** The blocks as the template sees them: a kind to switch on, and the block itself as data. */
	static List<Part> parts(ChatMessage message) {
		List<Part> parts = new ArrayList<>();
		for (Block block : message.blocks()) {
			String kind = kind(block);
			if (kind != null) {
				parts.add(new Part(kind, block));
			}
		}
		return parts;
	}

	private static String kind(Block block) {
		if (block instanceof Block.Heading) {
			return "heading";
		}
		if (block instanceof Block.Context) {
			return "context";
		}
		if (block instanceof Block.Paragraph) {
			return "paragraph";
		}
		if (block instanceof Block.Items) {
			return "items";
		}
		if (block instanceof Block.Quote) {
			return "quote";
		}
		if (block instanceof Block.Link) {
			return "link";
		}
		if (block instanceof Block.Divider) {
			return "divider";
		}
		return null;
	}

	private static String spans(List<Span> spans) {
		return spans.stream().map(Span::text).collect(Collectors.joining());
	}

	/** An image sent as an inline part under {@code contentId}. */
	public record Inline(String contentId, Image image) {
	}

	/** One block for the template; {@code kind} is one of heading, context, paragraph, items, quote, link, divider. */
	public record Part(String kind, Block block) {
	}
}
