package org.fieldnotes.logbook;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.placement.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reply form a coach or manager opens from a digest: the beginning of the entry, and one text area of at most
 * {@link Responses#MAX_REPLY} characters; its metadata is the entry id. An empty or too long reply, or one from
 * someone who may no longer read the entry, keeps the form open with the reason under the field (nothing stored).
 * Otherwise the form turns into "Reply sent" at once, and the reply is stored (once per submission) and sent to the
 * participant after the platform was answered.
 */
@Component
public class ReplyForms implements FormHandler {

	private static final Logger log = LoggerFactory.getLogger(ReplyForms.class);
	/** The reply form's id (the same as the Reply button's action id). */
	public static final String ID = ResponseButtons.REPLY;
	/** What the reply form turns into once the reply is accepted. */
	public static final String SENT = ID + "_sent";
	/** The text area. */
	public static final String REPLY = "reply";

	private final Responses responses;
	private final AccessPolicy access;
	private final Languages languages;
	private final MessageSource messages;

	ReplyForms(Responses responses, AccessPolicy access, Languages languages, MessageSource messages) {
		this.responses = responses;
		this.access = access;
		this.languages = languages;
		this.messages = messages;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(ID);
	}

	/** The reply form for an entry, or why the person may not reply to it. */
	public FormOpening open(String entryId, ChatAccount member) {
		Locale locale = localeOf(member);
		Responses.Outcome allowed = responses.access(entryId, access.member(member), Operation.ENTRY_REPLY_BUTTON);
		if (allowed.status() != Responses.Status.ALLOWED) {
			return FormOpening.instead(ChatMessage.text(refusal(allowed, locale)));
		}
		Responses.Responder responder = allowed.responder();
		String participant = firstName(responder.placement().getParticipant().name());
		String day = DateTimeFormatter.ofPattern("EEE d MMM", locale)
			.format(responder.entry().createdAt().atZone(responder.placement().getParticipant().zone()));
		return FormOpening.of(Form.builder(ID, t("replies.modal.title", locale))
			.metadata(responder.entry().id())
			.submit(t("replies.modal.submit", locale))
			.cancel(t("modal.cancel", locale))
			.note(t("replies.modal.entry", locale, participant, day, RecentActivity.excerpt(responder.entry().text())))
			.field(Form.Field.longText(REPLY, t("replies.modal.label", locale))
				.hint(t("replies.modal.hint", locale, participant))
				.maxLength(Responses.MAX_REPLY))
			.build());
	}

	@Override
	public FormOutcome submit(ChatAccount member, FormSubmission submission) {
		Locale locale = localeOf(member);
		String entryId = submission.metadata();
		String text = submission.value(REPLY);
		Responses.Status invalid = Responses.validate(text);
		if (invalid != null) {
			return FormOutcome.invalid(REPLY, invalid == Responses.Status.EMPTY ? t("replies.empty", locale)
					: t("replies.tooLong", locale, Responses.MAX_REPLY, text.strip().length()));
		}
		Responses.Outcome allowed = responses.access(entryId, access.member(member), Operation.ENTRY_REPLY_FORM);
		if (allowed.status() != Responses.Status.ALLOWED) {
			return FormOutcome.invalid(REPLY, refusal(allowed, locale));
		}
		Form sent = Form.builder(SENT, t("replies.sent.title", locale))
			.cancel(t("replies.close", locale))
			.text(t("replies.sent", locale, firstName(allowed.responder().placement().getParticipant().name())))
			.build();
		return FormOutcome.replacedBy(sent, () -> {
			try {
				responses.reply(entryId, access.member(member), text, submission.key(), Operation.ENTRY_REPLY_FORM);
			}
			catch (RuntimeException e) {
				log.error("A reply could not be stored", e);
			}
		});
	}

	private String refusal(Responses.Outcome outcome, Locale locale) {
		return t(outcome.status() == Responses.Status.GONE ? "replies.gone" : "replies.refused", locale);
	}

	static String firstName(String name) {
		String trimmed = name.strip();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}

	private Locale localeOf(ChatAccount member) {
		return languages.of(member);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
