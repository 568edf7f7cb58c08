package org.fieldnotes.slack.views;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.logbook.Responses;
import org.springframework.stereotype.Component;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

/**
 * The reply form a coach opens from a digest: the beginning of the entry (plain text), one text area of at most
 * {@link Responses#MAX_REPLY} characters; and the "Reply sent" view it turns into.
 */
@Component
public class ReplyModal {

	/** The reply form; private metadata: the entry id. */
	public static final String CALLBACK = "entry_reply";
	/** Block id of the text area (its action id is {@link Modals#TEXT}). */
	public static final String REPLY = "reply";

	private final SlackTexts texts;
	private final Modals modals;

	ReplyModal(SlackTexts texts, Modals modals) {
		this.texts = texts;
		this.modals = modals;
	}

	public View form(Responses.Responder responder, Locale locale) {
		String participant = firstName(responder.placement().getParticipant().name());
		String day = DateTimeFormatter.ofPattern("EEE d MMM", locale)
			.format(responder.entry().createdAt().atZone(responder.placement().getParticipant().zone()));
		List<LayoutBlock> blocks = List.of(
				ContextBlock.builder()
					.elements(List.of(Modals.plain(texts.t("replies.modal.entry", locale, participant, day,
							HomeView.excerpt(responder.entry().text())))))
					.build(),
				InputBlock.builder()
					.blockId(REPLY)
					.label(Modals.plain(texts.t("replies.modal.label", locale)))
					.hint(Modals.plain(texts.t("replies.modal.hint", locale, participant)))
					.element(PlainTextInputElement.builder().actionId(Modals.TEXT).multiline(true)
						.maxLength(Responses.MAX_REPLY).build())
					.build());
		View view = modals.modal(CALLBACK, texts.t("replies.modal.title", locale), responder.entry().id(), blocks, locale);
		view.setSubmit(ViewSubmit.builder().type("plain_text").text(texts.t("replies.modal.submit", locale)).build());
		return view;
	}

	/** What the form turns into once the reply is accepted. */
	public View sent(String participantName, Locale locale) {
		return View.builder()
			.type("modal")
			.callbackId(CALLBACK + "_sent")
			.title(ViewTitle.builder().type("plain_text").text(Modals.cut(texts.t("replies.sent.title", locale), Modals.MAX_TITLE)).build())
			.close(ViewClose.builder().type("plain_text").text(texts.t("replies.close", locale)).build())
			.blocks(List.of(SectionBlock.builder()
				.text(Modals.plain(texts.t("replies.sent", locale, firstName(participantName))))
				.build()))
			.build();
	}

	public static String firstName(String name) {
		String trimmed = name.strip();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}
}
