package org.fieldnotes.report;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.SentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Sends a portfolio to the participant who asked, in their DM: a message saying what it holds, then the Markdown and
 * the PDF file (as {@code /fieldnotes my-data} sends its files). Only to the asker's own account; only ids and
 * counts are logged.
 */
@Service
public class PortfolioDelivery implements DisposableBean {

	public static final String MARKDOWN_FILE = "fieldnotes-portfolio.md";
	public static final String PDF_FILE = "fieldnotes-portfolio.pdf";
	private static final Logger log = LoggerFactory.getLogger(PortfolioDelivery.class);

	private final PortfolioMarkdown markdown;
	private final PortfolioPdf pdf;
	private final Messenger messenger;
	private final ReportTexts texts;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "portfolio");
		thread.setDaemon(true);
		return thread;
	});

	PortfolioDelivery(PortfolioMarkdown markdown, PortfolioPdf pdf, Messenger messenger, ReportTexts texts) {
		this.markdown = markdown;
		this.pdf = pdf;
		this.messenger = messenger;
		this.texts = texts;
	}

	/** Whether files can be sent at all (a chat platform is connected). */
	public boolean available() {
		return messenger.connected();
	}

	/** Starts rendering and sending; returns at once. */
	public void sendLater(ChatAccount to, Portfolio portfolio) {
		worker.execute(() -> send(to, portfolio));
	}

	void send(ChatAccount to, Portfolio portfolio) {
		Locale locale = portfolio.locale();
		try {
			byte[] md = markdown.render(portfolio).getBytes(java.nio.charset.StandardCharsets.UTF_8);
			byte[] document = pdf.render(portfolio);
			SentMessage dm = messenger.sendDirect(to,
					ChatMessage.builder(texts.t("report.portfolio.dm.summary", locale))
						.paragraph(texts.t("report.portfolio.dm", locale, portfolio.lessons().size() + portfolio.items().size()))
						.context(texts.t("report.portfolio.dm.files", locale, MARKDOWN_FILE, PDF_FILE))
						.build());
			try {
				messenger.shareFile(dm, md, MARKDOWN_FILE, texts.t("report.portfolio.file.markdown", locale),
						"text/markdown");
				messenger.shareFile(dm, document, PDF_FILE, texts.t("report.portfolio.file.pdf", locale),
						"application/pdf");
				log.info("Portfolio sent to {} ({} items)", to.key(), portfolio.lessons().size() + portfolio.items().size());
			}
			catch (DeliveryFailed e) {
				log.warn("Portfolio of {} not uploaded: {}", to.key(), e.reason());
				messenger.sendDirect(to, ChatMessage.text(texts.t("report.portfolio.failed", locale, e.reason())));
			}
		}
		catch (DeliveryFailed e) {
			log.warn("Portfolio of {} not sent: {}", to.key(), e.reason());
		}
		catch (RuntimeException e) {
			log.error("Portfolio of {} failed: {}", to.key(), e.getClass().getSimpleName());
		}
	}

	@Override
	public void destroy() {
		worker.shutdown();
	}
}
