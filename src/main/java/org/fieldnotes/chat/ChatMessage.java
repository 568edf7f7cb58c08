package org.fieldnotes.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A message in platform-neutral form: a plain-text summary (for notifications and screen readers) and blocks.
 * No string in it is markup; renderers escape everything.
 */
public record ChatMessage(String summary, List<Block> blocks) {

	public ChatMessage {
		blocks = List.copyOf(blocks);
	}

	public static ChatMessage text(String text) {
		return new ChatMessage(text, List.of(new Block.Paragraph(List.of(Span.plain(text)))));
	}

	public static Builder builder(String summary) {
		return new Builder(summary);
	}

	/** A building block of a message. */
	public sealed interface Block {

		/** A short title line. */
		record Heading(String text) implements Block {
		}

		/** Small, secondary text. */
		record Context(List<Span> spans) implements Block {
		}

		/** Body text. */
		record Paragraph(List<Span> spans) implements Block {
		}

		/** Labelled items, one per line ("What? — What happened…"). */
		record Items(List<Item> items) implements Block {
		}

		/** Someone's own words, quoted faithfully, with a small attribution line above them. */
		record Quote(String attribution, String words) implements Block {
		}

		record Divider() implements Block {
		}

		/** A row of buttons. */
		record Actions(List<Button> buttons) implements Block {
		}

		/**
		 * A link to a page outside the chat (e.g. where an e-mail recipient acknowledges an entry); {@code url} is
		 * ours, never someone's words.
		 */
		record Link(String label, String url) implements Block {
		}
	}

	/**
	 * A button. {@code actionId} says what it does (the platform adapter routes on it) and {@code value} carries
	 * the id it acts on, e.g. a prompt occurrence; neither is shown to people.
	 */
	public record Button(String actionId, String label, String value, ButtonStyle style) {

		public static Button of(String actionId, String label, String value) {
			return new Button(actionId, label, value, ButtonStyle.DEFAULT);
		}

		public static Button primary(String actionId, String label, String value) {
			return new Button(actionId, label, value, ButtonStyle.PRIMARY);
		}
	}

	public enum ButtonStyle {
		DEFAULT, PRIMARY, DANGER
	}

	/** A run of text; bold is the only emphasis. */
	public record Span(String text, boolean bold) {

		public static Span plain(String text) {
			return new Span(text, false);
		}

		public static Span bold(String text) {
			return new Span(text, true);
		}
	}

	/** One labelled item of an {@link Block.Items} block. */
	public record Item(String label, String text) {
	}

	/** Assembles a message block by block. */
	public static final class Builder {

		private final String summary;
		private final List<Block> blocks = new ArrayList<>();

		private Builder(String summary) {
			this.summary = summary;
		}

		public Builder heading(String text) {
			blocks.add(new Block.Heading(text));
			return this;
		}

		public Builder context(String text) {
			return context(Span.plain(text));
		}

		public Builder context(Span... spans) {
			blocks.add(new Block.Context(List.of(spans)));
			return this;
		}

		public Builder paragraph(Span... spans) {
			blocks.add(new Block.Paragraph(List.of(spans)));
			return this;
		}

		public Builder paragraph(String text) {
			return paragraph(Span.plain(text));
		}

		public Builder items(List<Item> items) {
			blocks.add(new Block.Items(items));
			return this;
		}

		public Builder quote(String attribution, String words) {
			blocks.add(new Block.Quote(attribution, words));
			return this;
		}

		public Builder buttons(Button... buttons) {
			blocks.add(new Block.Actions(List.of(buttons)));
			return this;
		}

		public Builder link(String label, String url) {
			blocks.add(new Block.Link(label, url));
			return this;
		}

		public Builder divider() {
			blocks.add(new Block.Divider());
			return this;
		}

		public ChatMessage build() {
			return new ChatMessage(summary, blocks);
		}
	}
}
