package org.fieldnotes.chat;

import java.util.ArrayList;
import java.util.List;

import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Span;

/**
 * A person's Home, in platform-neutral form: sections, each with an optional heading and items, and the actions on
 * them (buttons, a menu, a select). Like a {@link ChatMessage}, it carries no markup: every string is data, escaped by
 * the renderer. Action ids and option values say what an action does and to what (the adapter routes on them); they
 * are never shown.
 */
public record HomeScreen(List<Section> sections) {

	public HomeScreen {
		sections = List.copyOf(sections);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A part of the Home.
	 * @param heading {@literal null} for none
	 * @param separated whether a line sets it apart from the section before
	 */
	public record Section(String heading, boolean separated, List<Item> items) {

		public Section {
			items = List.copyOf(items);
		}
	}

	/** One thing in a section. */
	public sealed interface Item permits Line, Quote, Buttons {
	}

	/**
	 * A line of text (it may hold line breaks): body text, or small secondary text; with an action beside it, or
	 * {@literal null}.
	 */
	public record Line(List<Span> spans, boolean small, Control control) implements Item {

		public Line {
			spans = List.copyOf(spans);
		}
	}

	/** Someone's own words, quoted faithfully, with a short attribution above them. */
	public record Quote(String attribution, String words) implements Item {
	}

	/** A row of buttons. */
	public record Buttons(List<Button> buttons) implements Item {

		public Buttons {
			buttons = List.copyOf(buttons);
		}
	}

	/** An action beside a line. */
	public sealed interface Control permits Menu, Select {
	}

	/** A menu of things to do with what the line is about; choosing one sends its value under {@code actionId}. */
	public record Menu(String actionId, List<Option> options) implements Control {

		public Menu {
			options = List.copyOf(options);
		}
	}

	/** A choice of one option, {@code selected} (an option's value) shown as chosen. */
	public record Select(String actionId, List<Option> options, String selected) implements Control {

		public Select {
			options = List.copyOf(options);
		}
	}

	/** Assembles a Home section by section. */
	public static final class Builder {

		private final List<Section> sections = new ArrayList<>();
		private String heading;
		private boolean separated;
		private List<Item> items;

		private Builder() {
		}

		/** Starts a section under {@code heading} ({@literal null}: none). */
		public Builder section(String heading) {
			return start(heading, false);
		}

		/** Starts a section set apart from the one before by a line. */
		public Builder separatedSection(String heading) {
			return start(heading, true);
		}

		private Builder start(String heading, boolean separated) {
			close();
			this.heading = heading;
			this.separated = separated;
			this.items = new ArrayList<>();
			return this;
		}

		public Builder line(Span... spans) {
			return item(new Line(List.of(spans), false, null));
		}

		public Builder line(String text) {
			return line(Span.plain(text));
		}

		public Builder line(Control control, Span... spans) {
			return item(new Line(List.of(spans), false, control));
		}

		public Builder small(String text) {
			return item(new Line(List.of(Span.plain(text)), true, null));
		}

		public Builder quote(String attribution, String words) {
			return item(new Quote(attribution, words));
		}

		public Builder buttons(Button... buttons) {
			return item(new Buttons(List.of(buttons)));
		}

		public Builder item(Item item) {
			if (items == null) {
				section(null);
			}
			items.add(item);
			return this;
		}

		public HomeScreen build() {
			close();
			return new HomeScreen(sections);
		}

		private void close() {
			if (items != null) {
				sections.add(new Section(heading, separated, items));
				items = null;
			}
		}
	}
}
