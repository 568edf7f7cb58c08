package org.fieldnotes.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a chat client checks before a form is sent at all (Slack does it in its modal): required fields, lengths,
 * choices among the options, one value where one is asked for. For the adapters whose client does not (the web chat,
 * and Teams, whose cards check only what the card says, and not at all for a client without Universal Actions), so
 * that a handler only ever sees what Slack would have let through. Messages are in the person's language.
 */
@Component
public class FormChecks {

	private final MessageSource messages;

	FormChecks(MessageSource messages) {
		this.messages = messages;
	}

	/** The values sent for each of the form's fields (and only those), blanks dropped: what a handler is given. */
	public Map<String, List<String>> values(Form form, Map<String, List<String>> sent) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (Form.Field field : form.fields()) {
			List<String> given = sent.getOrDefault(field.id(), List.of())
				.stream()
				.filter(v -> v != null && !v.isBlank())
				.toList();
			values.put(field.id(), given);
		}
		return values;
	}

	/** A message for each field whose value a chat client would not have sent; empty when all is well. */
	public Map<String, String> check(Form form, Map<String, List<String>> values, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Form.Field field : form.fields()) {
			List<String> given = values.getOrDefault(field.id(), List.of());
			if (given.isEmpty()) {
				if (field.required()) {
					errors.put(field.id(), t("web.form.required", locale));
				}
				continue;
			}
			if (field.isChoice()) {
				List<String> allowed = field.options().stream().map(Option::value).toList();
				if (!allowed.containsAll(given) || (field.kind() != Form.Kind.CHECKBOXES && given.size() > 1)) {
					errors.put(field.id(), t("web.form.choice", locale));
				}
			}
			else if (given.size() > 1) {
				errors.put(field.id(), t("web.form.one", locale));
			}
			else if (field.maxLength() > 0 && given.get(0).codePointCount(0, given.get(0).length()) > field.maxLength()) {
				errors.put(field.id(), t("web.form.tooLong", locale, field.maxLength()));
			}
		}
		return errors;
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
