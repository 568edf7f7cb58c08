package org.fieldnotes.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Block;
import org.fieldnotes.chat.ChatMessage.Span;
import org.springframework.stereotype.Component;

/**
 * A brief as a PDF: the same blocks as its chat message ({@link BriefMessage}), laid out by
 * {@code templates/report/brief.html}, every string a variable.
 */
@Component
public class BriefPdf {

	private final BriefMessage messages;
	private final ReportPdf pdf;

	BriefPdf(BriefMessage messages, ReportPdf pdf) {
		this.messages = messages;
		this.pdf = pdf;
	}

	/** What the PDF shows, as XHTML. */
	public String xhtml(SteeringBrief brief, Locale locale) {
		ChatMessage message = messages.of(brief, locale);
		Map<String, Object> variables = new HashMap<>();
		variables.put("language", locale.getLanguage());
		variables.put("title", message.summary());
		variables.put("blocks", message.blocks().stream().map(BriefPdf::shown).toList());
		return pdf.xhtml("report/brief", variables, locale);
	}

	public byte[] render(SteeringBrief brief, Locale locale) {
		return pdf.pdf(xhtml(brief, locale));
	}

	/** A block as the template reads it: its kind and its strings. */
	private static Map<String, String> shown(Block block) {
		Map<String, String> shown = new HashMap<>();
		if (block instanceof Block.Heading heading) {
			shown.put("kind", "heading");
			shown.put("text", heading.text());
		}
		else if (block instanceof Block.Context context) {
			shown.put("kind", "context");
			shown.put("text", join(context.spans()));
		}
		else if (block instanceof Block.Paragraph paragraph) {
			boolean bold = paragraph.spans().stream().allMatch(Span::bold);
			shown.put("kind", bold ? "section" : "paragraph");
			shown.put("text", join(paragraph.spans()));
		}
		else if (block instanceof Block.Quote quote) {
			shown.put("kind", "quote");
			shown.put("attribution", quote.attribution());
			shown.put("text", quote.words());
		}
		else {
			shown.put("kind", "other");
			shown.put("text", "");
		}
		return shown;
	}

	private static String join(List<Span> spans) {
		return String.join("", spans.stream().map(Span::text).toList());
	}
}
