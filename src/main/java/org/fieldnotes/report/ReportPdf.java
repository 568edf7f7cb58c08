package org.fieldnotes.report;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * A report as a PDF: a Thymeleaf XHTML template ({@code templates/report/}) filled with variables (people's words
 * among them, escaped by {@code th:text}, never evaluated), then laid out by Flying Saucer. The XHTML is kept
 * separate so tests can read what the PDF shows.
 */
@Component
public class ReportPdf {

	private final ITemplateEngine templates;

	ReportPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The filled template, e.g. {@code report/portfolio}. */
	public String xhtml(String template, Map<String, Object> variables, Locale locale) {
		return templates.process(template, new Context(locale, variables));
	}

	/** The XHTML laid out as a PDF (Helvetica: Latin scripts; characters it lacks are left out). */
	public byte[] pdf(String xhtml) {
		ITextRenderer renderer = new ITextRenderer();
		renderer.setDocumentFromString(xhtml);
		renderer.layout();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			renderer.createPDF(out);
		}
		catch (com.lowagie.text.DocumentException e) {
			throw new IllegalStateException("The PDF could not be laid out", e);
		}
		return out.toByteArray();
	}
}
