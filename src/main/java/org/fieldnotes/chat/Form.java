package org.fieldnotes.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form to fill in, in platform-neutral form: a title, fields and short texts in order, the labels of its submit
 * and cancel buttons, and two strings the platform hands back with the submission: {@code id} says which form it is
 * (the module that built it handles it: {@link FormHandler}) and {@code metadata} what it is about (e.g. the prompt it
 * answers). Neither is shown. Every other string is shown to people as data: renderers escape it.
 *
 * @param submitLabel {@literal null} for a form that only says something (it has a close button, no submit)
 * @param metadata {@literal null} when the form is about nothing in particular
 */
public record Form(String id, String title, List<Element> elements, String submitLabel, String cancelLabel,
		String metadata) {

	public Form {
		elements = List.copyOf(elements);
	}

	public static Builder builder(String id, String title) {
		return new Builder(id, title);
	}

	/** The form's fields, in order. */
	public List<Field> fields() {
		return elements.stream().filter(Field.class::isInstance).map(Field.class::cast).toList();
	}

	public Optional<Field> field(String fieldId) {
		return fields().stream().filter(f -> f.id().equals(fieldId)).findFirst();
	}

	/**
	 * The same form showing a validation message on each named field (for a platform that shows the form again);
	 * an error on a field the form does not have is not lost: it goes on the first field.
	 */
	public Form withErrors(Map<String, String> errors) {
		Map<String, String> left = new LinkedHashMap<>(errors);
		List<Element> shown = new ArrayList<>();
		for (Element element : elements) {
			shown.add(element instanceof Field field && left.containsKey(field.id())
					? field.error(left.remove(field.id())) : element);
		}
		if (!left.isEmpty()) {
			for (int i = 0; i < shown.size(); i++) {
				if (shown.get(i) instanceof Field first) {
					String all = String.join(" ", left.values());
					shown.set(i, first.error(first.error() == null ? all : first.error() + " " + all));
					break;
				}
			}
		}
		return new Form(id, title, shown, submitLabel, cancelLabel, metadata);
	}

	/** A part of a form. */
	public sealed interface Element permits Field, Note, Text {
	}

	/** Small, secondary text (a hint for the whole form, what an answer is about). */
	public record Note(String text) implements Element {
	}

	/** Body text (e.g. "Delete this entry?"). */
	public record Text(String text) implements Element {
	}

	/** What a field takes. */
	public enum Kind {
		/** One line of text. */
		TEXT,
		/** Several lines of text. */
		LONG_TEXT,
		/** An e-mail address. */
		EMAIL,
		/** One of {@link Field#options()}, in a drop-down. */
		SELECT,
		/** One of {@link Field#options()}, all shown at once. */
		RADIO,
		/** Any of {@link Field#options()}. */
		CHECKBOXES,
		/** A date, {@code 2026-12-01}. */
		DATE,
		/** A time of day, {@code 14:00}. */
		TIME,
		/** A person on the platform the form is shown on; the value is their member id there. */
		MEMBER
	}

	/**
	 * A field. {@code id} names its value in the submission; {@code initial} is the value it starts with (an option's
	 * value for a choice, {@code HH:mm} for a time), {@code initialValues} the options checked at first.
	 *
	 * @param required whether it must be filled in ({@link #optional()} makes a field that need not be)
	 * @param maxLength the most characters a text takes; 0 for no limit of ours
	 * @param error a validation message to show on the field, or {@literal null}
	 */
	public record Field(String id, Kind kind, String label, String hint, String placeholder, boolean required,
			String initial, List<String> initialValues, List<Option> options, int maxLength, String error)
			implements Element {

		public Field {
			initialValues = initialValues == null ? List.of() : List.copyOf(initialValues);
			options = options == null ? List.of() : List.copyOf(options);
		}

		public static Field of(Kind kind, String id, String label) {
			return new Field(id, kind, label, null, null, true, null, List.of(), List.of(), 0, null);
		}

		public static Field text(String id, String label) {
			return of(Kind.TEXT, id, label);
		}

		public static Field longText(String id, String label) {
			return of(Kind.LONG_TEXT, id, label);
		}

		public static Field email(String id, String label) {
			return of(Kind.EMAIL, id, label);
		}

		public static Field select(String id, String label, List<Option> options) {
			return of(Kind.SELECT, id, label).options(options);
		}

		public static Field radio(String id, String label, List<Option> options) {
			return of(Kind.RADIO, id, label).options(options);
		}

		public static Field checkboxes(String id, String label, List<Option> options) {
			return of(Kind.CHECKBOXES, id, label).options(options);
		}

		public static Field date(String id, String label) {
			return of(Kind.DATE, id, label);
		}

		public static Field time(String id, String label) {
			return of(Kind.TIME, id, label);
		}

		public static Field member(String id, String label) {
			return of(Kind.MEMBER, id, label);
		}

		public Field hint(String hint) {
			return new Field(id, kind, label, hint, placeholder, required, initial, initialValues, options, maxLength, error);
		}

		public Field placeholder(String placeholder) {
			return new Field(id, kind, label, hint, placeholder, required, initial, initialValues, options, maxLength, error);
		}

		/** The same field, which need not be filled in. */
		public Field optional() {
			return new Field(id, kind, label, hint, placeholder, false, initial, initialValues, options, maxLength, error);
		}

		public Field initial(String initial) {
			return new Field(id, kind, label, hint, placeholder, required, initial, initialValues, options, maxLength, error);
		}

		public Field initialValues(List<String> initialValues) {
			return new Field(id, kind, label, hint, placeholder, required, initial, initialValues, options, maxLength, error);
		}

		public Field options(List<Option> options) {
			return new Field(id, kind, label, hint, placeholder, required, initial, initialValues, options, maxLength, error);
		}

		public Field maxLength(int maxLength) {
			return new Field(id, kind, label, hint, placeholder, required, initial, initialValues, options, maxLength, error);
		}

		public Field error(String error) {
			return new Field(id, kind, label, hint, placeholder, required, initial, initialValues, options, maxLength, error);
		}

		/** Whether the person picks among {@link #options()}. */
		public boolean isChoice() {
			return kind == Kind.SELECT || kind == Kind.RADIO || kind == Kind.CHECKBOXES;
		}
	}

	/** Assembles a form element by element. */
	public static final class Builder {

		private final String id;
		private final String title;
		private final List<Element> elements = new ArrayList<>();
		private String submitLabel;
		private String cancelLabel;
		private String metadata;

		private Builder(String id, String title) {
			this.id = id;
			this.title = title;
		}

		public Builder field(Field field) {
			elements.add(field);
			return this;
		}

		public Builder note(String text) {
			elements.add(new Note(text));
			return this;
		}

		public Builder text(String text) {
			elements.add(new Text(text));
			return this;
		}

		public Builder submit(String label) {
			this.submitLabel = label;
			return this;
		}

		public Builder cancel(String label) {
			this.cancelLabel = label;
			return this;
		}

		public Builder metadata(String metadata) {
			this.metadata = metadata;
			return this;
		}

		public Form build() {
			return new Form(id, title, elements, submitLabel, cancelLabel, metadata);
		}
	}
}
