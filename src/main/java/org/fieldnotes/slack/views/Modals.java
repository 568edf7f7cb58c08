package org.fieldnotes.slack.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.Prompt;
import org.fieldnotes.prompting.PromptResponses;
import org.fieldnotes.text.TextCut;
import org.springframework.stereotype.Component;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

/**
 * The modals Fieldnotes opens. Every string people see is plain text (nothing is read as markup) and cut to Block
 * Kit's limits; the callback ids and block ids here are what the view listeners read back.
 */
@Component
public class Modals {

	/** The reflection form of a prompt; private metadata: the occurrence id. */
	public static final String ANSWER = "prompt_answer";
	/** Block id of question {@code i} in {@link #ANSWER} is {@code QUESTION + i}. */
	public static final String QUESTION = "q";
	/** The action id of every free-text input. */
	public static final String TEXT = "text";

	/** The status-update form; private metadata: the status-check occurrence it answers, or empty. */
	public static final String STATUS = "status_update";
	/** Block ids of the status-update form. */
	public static final String STATUS_LEVEL = "status", PROGRESS = "progress", BLOCKERS = "blockers", MOOD = "mood";
	/** The action id of every choice (radio buttons, selects). */
	public static final String CHOICE = "choice";

	/** A free-form entry written from the App Home. */
	public static final String ENTRY_WRITE = "entry_write";
	/** An entry edited from the App Home; private metadata: the entry id. */
	public static final String ENTRY_EDIT = "entry_edit";
	/** Confirms deleting an entry; private metadata: the entry id. */
	public static final String ENTRY_DELETE = "entry_delete";
	/** Block id of the one text area of {@link #ENTRY_WRITE} and {@link #ENTRY_EDIT}. */
	public static final String ENTRY = "entry";
	/** Block id of "Who can see this" (a select, action {@link #CHOICE}, values {@code private}, {@code coaches}, …). */
	public static final String VISIBILITY = "visibility";

	static final int MAX_TITLE = 24;
	static final int MAX_LABEL = 2000;
	static final int MAX_PLAIN = 3000;

	private final SlackTexts texts;
	private final VisibilityControls visibility;

	Modals(SlackTexts texts, VisibilityControls visibility) {
		this.texts = texts;
		this.visibility = visibility;
	}

	/**
	 * One multiline field per question, labelled with the question's label and text; then "Who can see this".
	 * @param initial the visibility chosen at first: the participant's effective default
	 */
	public View answer(PromptResponses.Form form, Visibility initial) {
		Locale locale = form.locale();
		Prompt prompt = form.prompt();
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(ContextBlock.builder().elements(List.of(plain(prompt.title(locale) + " · " + prompt.intro(locale)))).build());
		for (int i = 0; i < prompt.questions().size(); i++) {
			Prompt.Question question = prompt.questions().get(i);
			blocks.add(InputBlock.builder()
				.blockId(QUESTION + i)
				.optional(true)
				.label(plain(cut(question.label(locale) + " — " + question.text(locale), MAX_LABEL)))
				.element(PlainTextInputElement.builder().actionId(TEXT).multiline(true).maxLength(MAX_PLAIN).build())
				.build());
		}
		blocks.add(visibility(initial, locale));
		return modal(ANSWER, texts.t("modal.answer.title", locale), form.occurrenceId(), blocks, locale);
	}

	/** Overall status (🟢🟠🔴), progress in a sentence, blockers (optional), mood 1–5, who can see it. */
	public View status(Locale locale, String occurrenceId, Visibility initial) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(InputBlock.builder()
			.blockId(STATUS_LEVEL)
			.label(plain(texts.t("status.field.status", locale)))
			.element(RadioButtonsElement.builder()
				.actionId(CHOICE)
				.options(List.of(option(texts.t("status.GREEN", locale), "GREEN"),
						option(texts.t("status.AMBER", locale), "AMBER"), option(texts.t("status.RED", locale), "RED")))
				.build())
			.build());
		blocks.add(InputBlock.builder()
			.blockId(PROGRESS)
			.label(plain(texts.t("status.field.progress", locale)))
			.element(PlainTextInputElement.builder().actionId(TEXT).maxLength(MAX_PLAIN)
				.placeholder(plain(texts.t("status.field.progress.hint", locale))).build())
			.build());
		blocks.add(InputBlock.builder()
			.blockId(BLOCKERS)
			.optional(true)
			.label(plain(texts.t("status.field.blockers", locale)))
			.element(PlainTextInputElement.builder().actionId(TEXT).multiline(true).maxLength(MAX_PLAIN).build())
			.build());
		List<OptionObject> moods = new ArrayList<>();
		for (int mood = 5; mood >= 1; mood--) {
			moods.add(option(texts.t("status.mood." + mood, locale), Integer.toString(mood)));
		}
		blocks.add(InputBlock.builder()
			.blockId(MOOD)
			.label(plain(texts.t("status.field.mood", locale)))
			.element(StaticSelectElement.builder().actionId(CHOICE).options(moods)
				.placeholder(plain(texts.t("status.field.mood.hint", locale))).build())
			.build());
		blocks.add(visibility(initial, locale));
		return modal(STATUS, texts.t("status.title", locale), occurrenceId, blocks, locale);
	}

	/** A new entry: one empty text area and "Who can see this", initially {@code initial}. */
	public View newEntry(Locale locale, Visibility initial) {
		View view = entry(locale, null, null);
		List<LayoutBlock> blocks = new ArrayList<>(view.getBlocks());
		blocks.add(visibility(initial, locale));
		view.setBlocks(blocks);
		return view;
	}

	/** One text area, empty for a new entry or prefilled with the entry's text to edit it. */
	public View entry(Locale locale, String entryId, String text) {
		boolean edit = entryId != null;
		PlainTextInputElement.PlainTextInputElementBuilder input = PlainTextInputElement.builder().actionId(TEXT)
			.multiline(true).maxLength(MAX_PLAIN);
		if (edit) {
			input.initialValue(cut(text, MAX_PLAIN));
		}
		List<LayoutBlock> blocks = List.of(InputBlock.builder().blockId(ENTRY)
			.label(plain(texts.t("modal.entry.label", locale))).element(input.build()).build());
		return modal(edit ? ENTRY_EDIT : ENTRY_WRITE, texts.t(edit ? "modal.edit.title" : "modal.entry.title", locale),
				entryId, blocks, locale);
	}

	/** "Delete this entry?", quoting its beginning. */
	public View confirmDelete(Locale locale, String entryId, String text) {
		View view = modal(ENTRY_DELETE, texts.t("modal.delete.title", locale), entryId,
				List.of(SectionBlock.builder().text(plain(texts.t("modal.delete.text", locale, HomeView.excerpt(text)))).build()),
				locale);
		view.setSubmit(ViewSubmit.builder().type("plain_text").text(texts.t("modal.delete.submit", locale)).build());
		return view;
	}

	/** "Who can see this": one option per visibility, {@code initial} selected. */
	private InputBlock visibility(Visibility initial, Locale locale) {
		List<OptionObject> options = new ArrayList<>();
		OptionObject selected = null;
		for (Visibility v : Visibility.values()) {
			OptionObject option = option(cut(visibility.label(v, locale), 75), v.key());
			options.add(option);
			if (v == initial) {
				selected = option;
			}
		}
		return InputBlock.builder()
			.blockId(VISIBILITY)
			.label(plain(texts.t("modal.visibility.label", locale)))
			.hint(plain(texts.t("modal.visibility.hint", locale)))
			.element(StaticSelectElement.builder().actionId(CHOICE).options(options)
				.initialOption(selected == null ? options.get(Visibility.DEFAULT.ordinal()) : selected).build())
			.build();
	}

	/** The visibility chosen in a submitted form's "Who can see this"; empty when it had none. */
	public static java.util.Optional<Visibility> chosenVisibility(View view) {
		if (view == null || view.getState() == null || view.getState().getValues() == null) {
			return java.util.Optional.empty();
		}
		var value = view.getState().getValues().getOrDefault(VISIBILITY, java.util.Map.of()).get(CHOICE);
		return value == null || value.getSelectedOption() == null ? java.util.Optional.empty()
				: Visibility.parse(value.getSelectedOption().getValue());
	}

	static OptionObject option(String label, String value) {
		return OptionObject.builder().text(plain(label)).value(value).build();
	}

	View modal(String callbackId, String title, String privateMetadata, List<LayoutBlock> blocks, Locale locale) {
		return View.builder()
			.type("modal")
			.callbackId(callbackId)
			.privateMetadata(privateMetadata == null ? "" : privateMetadata)
			.title(ViewTitle.builder().type("plain_text").text(cut(title, MAX_TITLE)).build())
			.submit(ViewSubmit.builder().type("plain_text").text(texts.t("modal.save", locale)).build())
			.close(ViewClose.builder().type("plain_text").text(texts.t("modal.cancel", locale)).build())
			.blocks(blocks)
			.build();
	}

	static PlainTextObject plain(String text) {
		return PlainTextObject.builder().text(cut(text.isBlank() ? " " : text, MAX_PLAIN)).emoji(true).build();
	}

	/** Cuts text to {@code max} characters, never inside an emoji ({@link TextCut}). */
	static String cut(String text, int max) {
		return TextCut.cut(text, max);
	}
}
