package org.fieldnotes.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * "Who can see this", the field every form that writes something for a participant ends with: one option per
 * {@link Visibility} (its key as the value), the participant's default chosen at first.
 */
@Component
public class VisibilityField {

	/** The field's id in a form. */
	public static final String ID = "visibility";

	private final MessageSource messages;

	VisibilityField(MessageSource messages) {
		this.messages = messages;
	}

	/** The field, {@code initial} chosen ({@link Visibility#DEFAULT} when {@literal null}). */
	public Form.Field field(Visibility initial, Locale locale) {
		List<Option> options = new ArrayList<>();
		for (Visibility v : Visibility.values()) {
			options.add(new Option(v.key(), messages.getMessage("visibility.label." + v.key(), null, locale)));
		}
		return Form.Field.select(ID, messages.getMessage("modal.visibility.label", null, locale), options)
			.hint(messages.getMessage("modal.visibility.hint", null, locale))
			.initial((initial == null ? Visibility.DEFAULT : initial).key());
	}

	/** The visibility chosen in a submitted form; empty when it had none. */
	public static Optional<Visibility> chosen(FormSubmission submission) {
		String value = submission.value(ID);
		return value == null ? Optional.empty() : Visibility.parse(value);
	}
}
