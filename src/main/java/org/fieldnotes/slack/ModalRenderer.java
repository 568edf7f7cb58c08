package org.fieldnotes.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.Form.Field;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.EmailTextInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.block.element.UsersSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

/**
 * A {@link Form} as a Slack modal, and a submitted modal back as a {@link FormSubmission}. The form's id is the
 * modal's {@code callback_id}, its metadata the {@code private_metadata}, each field an input block whose
 * {@code block_id} is the field's id. Every string people see is plain text (Slack reads nothing in it as markup) cut
 * to Block Kit's limits, never leaving half an emoji: title and buttons 24 characters, labels and hints 2,000,
 * placeholders 150, options 75, other text 3,000.
 */
public final class ModalRenderer {

	static final int MAX_TITLE = 24;
	static final int MAX_LABEL = 2000;
	static final int MAX_PLACEHOLDER = 150;
	static final int MAX_OPTION = 75;
	static final int MAX_TEXT = 3000;
	/** What a submission's key starts with: {@code slack-view:<view id>}, unique per opened modal. */
	public static final String KEY_PREFIX = "slack-view:";
	/**
	 * The forms whose inputs have always carried the action id {@code value}; the others' carry {@code text} (text
	 * inputs) or {@code choice}. Kept, because a modal opened before an upgrade may be submitted after it.
	 */
	private static final Set<String> VALUE_ACTIONS = Set.of("fieldnotes_digest_settings", "fieldnotes_enrol");

	private ModalRenderer() {
	}

	public static View render(Form form) {
		List<LayoutBlock> blocks = new ArrayList<>();
		for (Form.Element element : form.elements()) {
			if (element instanceof Field field) {
				blocks.add(input(form, field));
			}
			else if (element instanceof Form.Note note) {
				blocks.add(ContextBlock.builder().elements(List.of(plain(note.text(), MAX_TEXT))).build());
			}
			else if (element instanceof Form.Text text) {
				blocks.add(SectionBlock.builder().text(plain(text.text(), MAX_TEXT)).build());
			}
		}
		View.ViewBuilder view = View.builder()
			.type("modal")
			.callbackId(form.id())
			.privateMetadata(form.metadata())
			.title(ViewTitle.builder().type("plain_text").text(BlockKitRenderer.cut(form.title(), MAX_TITLE)).build())
			.blocks(blocks);
		if (form.submitLabel() != null) {
			view.submit(ViewSubmit.builder().type("plain_text").text(BlockKitRenderer.cut(form.submitLabel(), MAX_TITLE))
				.build());
		}
		if (form.cancelLabel() != null) {
			view.close(ViewClose.builder().type("plain_text").text(BlockKitRenderer.cut(form.cancelLabel(), MAX_TITLE))
				.build());
		}
		return view.build();
	}

	/**
	 * A submitted modal: each input block's value by its block id (the options picked, for checkboxes; a member id,
	 * for a member picker), as Slack sends it; the key names the modal, so that a double submit is one submission.
	 */
	public static FormSubmission submission(View view) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (view.getState() != null && view.getState().getValues() != null) {
			view.getState().getValues().forEach((block, actions) -> {
				ViewState.Value value = actions == null ? null
						: actions.values().stream().filter(v -> v != null).findFirst().orElse(null);
				values.put(block, valuesOf(value));
			});
		}
		return new FormSubmission(view.getCallbackId(), view.getPrivateMetadata(), KEY_PREFIX + view.getId(), values);
	}

	private static List<String> valuesOf(ViewState.Value value) {
		if (value == null) {
			return List.of();
		}
		if (value.getSelectedOptions() != null) {
			return value.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
		}
		String single = value.getSelectedOption() != null ? value.getSelectedOption().getValue()
				: value.getSelectedDate() != null ? value.getSelectedDate()
				: value.getSelectedTime() != null ? value.getSelectedTime()
				: value.getSelectedUser() != null ? value.getSelectedUser() : value.getValue();
		return single == null ? List.of() : List.of(single);
	}

	private static InputBlock input(Form form, Field field) {
		InputBlock.InputBlockBuilder input = InputBlock.builder()
			.blockId(field.id())
			.optional(!field.required())
			.label(plain(field.label(), MAX_LABEL))
			.element(element(actionId(form, field), field));
		if (field.hint() != null) {
			input.hint(plain(field.hint(), MAX_LABEL));
		}
		return input.build();
	}

	private static String actionId(Form form, Field field) {
		if (VALUE_ACTIONS.contains(form.id())) {
			return "value";
		}
		return switch (field.kind()) {
			case TEXT, LONG_TEXT, EMAIL -> "text";
			default -> "choice";
		};
	}

	private static BlockElement element(String actionId, Field field) {
		PlainTextObject placeholder = field.placeholder() == null ? null : plain(field.placeholder(), MAX_PLACEHOLDER);
		switch (field.kind()) {
			case TEXT:
			case LONG_TEXT: {
				int max = field.maxLength() > 0 ? field.maxLength() : MAX_TEXT;
				PlainTextInputElement.PlainTextInputElementBuilder text = PlainTextInputElement.builder()
					.actionId(actionId)
					.multiline(field.kind() == Form.Kind.LONG_TEXT)
					.placeholder(placeholder);
				if (field.maxLength() > 0) {
					text.maxLength(field.maxLength());
				}
				if (field.initial() != null) {
					text.initialValue(BlockKitRenderer.cut(field.initial(), max));
				}
				return text.build();
			}
			case EMAIL:
				return EmailTextInputElement.builder().actionId(actionId).placeholder(placeholder)
					.initialValue(field.initial()).build();
			case SELECT:
				return StaticSelectElement.builder().actionId(actionId).placeholder(placeholder)
					.options(options(field.options())).initialOption(initialOption(field)).build();
			case RADIO:
				return RadioButtonsElement.builder().actionId(actionId).options(options(field.options()))
					.initialOption(initialOption(field)).build();
			case CHECKBOXES: {
				List<OptionObject> checked = field.options().stream()
					.filter(o -> field.initialValues().contains(o.value()))
					.map(ModalRenderer::option)
					.toList();
				return CheckboxesElement.builder().actionId(actionId).options(options(field.options()))
					.initialOptions(checked.isEmpty() ? null : checked).build();
			}
			case DATE:
				return DatePickerElement.builder().actionId(actionId).placeholder(placeholder)
					.initialDate(field.initial()).build();
			case TIME:
				return TimePickerElement.builder().actionId(actionId).placeholder(placeholder)
					.initialTime(field.initial()).build();
			case MEMBER:
				return UsersSelectElement.builder().actionId(actionId).placeholder(placeholder)
					.initialUser(field.initial()).build();
			default:
				throw new IllegalStateException(field.kind().name());
		}
	}

	private static OptionObject initialOption(Field field) {
		return field.options().stream()
			.filter(o -> o.value().equals(field.initial()))
			.findFirst()
			.map(ModalRenderer::option)
			.orElse(null);
	}

	private static List<OptionObject> options(List<Option> options) {
		return options.stream().map(ModalRenderer::option).toList();
	}

	private static OptionObject option(Option option) {
		return OptionObject.builder().text(plain(option.label(), MAX_OPTION)).value(option.value()).build();
	}

	private static PlainTextObject plain(String text, int max) {
		String shown = text == null || text.isBlank() ? " " : text;
		return PlainTextObject.builder().text(BlockKitRenderer.cut(shown, max)).emoji(true).build();
	}
}
