package org.fieldnotes.privacy;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.personaldata.PersonalData.Reader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A person's own copy of everything stored about them ({@code /fieldnotes my-data}): composed and sent after the
 * command's answer, as a DM saying what it is followed by two files, {@code fieldnotes-my-data.json} and
 * {@code fieldnotes-my-data.md}. Only ids and counts are logged.
 */
@Service
public class MyData implements DisposableBean {

	public static final String JSON_FILE = "fieldnotes-my-data.json";
	public static final String MARKDOWN_FILE = "fieldnotes-my-data.md";
	private static final Logger log = LoggerFactory.getLogger(MyData.class);

	private final PersonalDataExport exports;
	private final ExportMarkdown markdown;
	private final Messenger messenger;
	private final MessageSource messages;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "my-data");
		thread.setDaemon(true);
		return thread;
	});

	private final Subjects subjects;

	MyData(PersonalDataExport exports, ExportMarkdown markdown, Messenger messenger, MessageSource messages,
			Subjects subjects) {
		this.subjects = subjects;
		this.exports = exports;
		this.markdown = markdown;
		this.messenger = messenger;
		this.messages = messages;
	}

	/** Whether the files can be sent at all (a chat platform is connected). */
	public boolean available() {
		return messenger.connected();
	}

	/** Starts composing and sending the person's export, to the account that asked; returns at once. */
	public void sendLater(ChatAccount account, Locale locale) {
		worker.execute(() -> send(account, locale));
	}

	void send(ChatAccount account, Locale locale) {
		String who = account.key();
		try {
			Map<String, Object> export = exports.export(subjects.of(account), Reader.SUBJECT);
			SentMessage dm = messenger.sendDirect(account, ChatMessage.builder(t("privacy.mydata.dm.summary", locale))
				.paragraph(t("privacy.mydata.dm", locale))
				.context(t("privacy.mydata.dm.files", locale, JSON_FILE, MARKDOWN_FILE))
				.build());
			try {
				messenger.shareFile(dm, exports.json(export), JSON_FILE, t("privacy.mydata.title.json", locale),
						"application/json");
				messenger.shareFile(dm, markdown.render(export, locale), MARKDOWN_FILE,
						t("privacy.mydata.title.markdown", locale), "text/markdown");
				log.info("Data export sent to {}", who);
			}
			catch (DeliveryFailed e) {
				log.warn("Data export of {} not uploaded: {}", who, e.reason());
				messenger.sendDirect(account, ChatMessage.text(t("privacy.mydata.failed", locale, e.reason())));
			}
		}
		catch (DeliveryFailed e) {
			log.warn("Data export of {} not sent: {}", who, e.reason());
		}
		catch (RuntimeException e) {
			log.error("Data export of {} failed: {}", who, e.getClass().getSimpleName());
		}
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	@Override
	public void destroy() {
		worker.shutdown();
	}
}
