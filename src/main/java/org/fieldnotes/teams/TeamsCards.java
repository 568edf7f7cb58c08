package org.fieldnotes.teams;

import java.util.List;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Block;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Span;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a neutral {@link ChatMessage} as an Adaptive Card 1.5 in a message activity.
 *
 * <p>Every string of the message is data, so every text goes in a {@code RichTextBlock} as {@code TextRun}s, which
 * Adaptive Cards never read as markdown (a {@code TextBlock} would: {@code **}, {@code [x](http://…)}, lists). A
 * participant's {@code **}, {@code <at>} or link shows as the characters they typed; bold is the run's weight. The
 * card's {@code fallbackText} and the activity's {@code summary} (the notification) are the plain summary.
 *
 * <p>A button is an {@code Action.Execute} (Universal Actions, hence 1.5) whose {@code verb} is its action id and
 * whose {@code data} carries {@code actionId} and {@code value}, with an {@code Action.Submit} carrying the same data
 * as the fallback for clients without Universal Actions. A link is an {@code Action.OpenUrl}.
 */
final class TeamsCards {

	static final String CARD = "application/vnd.microsoft.card.adaptive";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TeamsCards() {
	}

	/** A message activity carrying the message as a card. */
	static ObjectNode activity(ChatMessage message) {
		ObjectNode activity = JSON.createObjectNode();
		activity.put("type", "message");
		activity.put("summary", message.summary());
		ObjectNode attachment = activity.putArray("attachments").addObject();
		attachment.put("contentType", CARD);
		attachment.set("content", card(message));
		return activity;
	}

	/** The Adaptive Card of a message. */
	static ObjectNode card(ChatMessage message) {
		ObjectNode card = JSON.createObjectNode();
		card.put("type", "AdaptiveCard");
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("version", "1.5");
		card.put("fallbackText", message.summary());
		ArrayNode body = card.putArray("body");
		boolean separate = false;
		for (Block block : message.blocks()) {
			if (block instanceof Block.Divider) {
				separate = true;
				continue;
			}
			ObjectNode element = element(block);
			if (separate) {
				element.put("separator", true);
				separate = false;
			}
			body.add(element);
		}
		return card;
	}

	private static ObjectNode element(Block block) {
		if (block instanceof Block.Heading heading) {
			return text(List.of(Span.bold(heading.text())), "Medium", false);
		}
		if (block instanceof Block.Paragraph paragraph) {
			return text(paragraph.spans(), null, false);
		}
		if (block instanceof Block.Context context) {
			return text(context.spans(), "Small", true);
		}
		if (block instanceof Block.Items items) {
			ObjectNode container = container();
			items.items().forEach(item -> array(container, "items")
				.add(text(List.of(Span.bold(item.label() + " "), Span.plain(item.text())), null, false)));
			return container;
		}
		if (block instanceof Block.Quote quote) {
			ObjectNode container = container();
			container.put("style", "emphasis");
			array(container, "items").add(text(List.of(Span.plain(quote.attribution())), "Small", true));
			array(container, "items").add(text(List.of(Span.plain(quote.words())), null, false));
			return container;
		}
		if (block instanceof Block.Actions actions) {
			ObjectNode set = actionSet();
			actions.buttons().forEach(button -> array(set, "actions").add(execute(button)));
			return set;
		}
		if (block instanceof Block.Link link) {
			ObjectNode set = actionSet();
			ObjectNode open = array(set, "actions").addObject();
			open.put("type", "Action.OpenUrl");
			open.put("title", link.label());
			open.put("url", link.url());
			return set;
		}
		return container(); // a divider is a separator on the next element (see card)
	}

	/** A {@code RichTextBlock}: one {@code TextRun} per span, never markdown. */
	private static ObjectNode text(List<Span> spans, String size, boolean subtle) {
		ObjectNode block = JSON.createObjectNode();
		block.put("type", "RichTextBlock");
		ArrayNode inlines = block.putArray("inlines");
		for (Span span : spans) {
			ObjectNode run = inlines.addObject();
			run.put("type", "TextRun");
			run.put("text", span.text() == null ? "" : span.text());
			if (span.bold()) {
				run.put("weight", "Bolder");
			}
			if (size != null) {
				run.put("size", size);
			}
			if (subtle) {
				run.put("isSubtle", true);
			}
		}
		return block;
	}

	private static ObjectNode execute(Button button) {
		ObjectNode action = submitLike("Action.Execute", button);
		action.put("verb", button.actionId());
		String style = switch (button.style()) {
			case PRIMARY -> "positive";
			case DANGER -> "destructive";
			case DEFAULT -> null;
		};
		if (style != null) {
			action.put("style", style);
		}
		action.set("fallback", submitLike("Action.Submit", button));
		return action;
	}

	private static ObjectNode submitLike(String type, Button button) {
		ObjectNode action = JSON.createObjectNode();
		action.put("type", type);
		action.put("title", button.label());
		ObjectNode data = action.putObject("data");
		data.put("actionId", button.actionId());
		data.put("value", button.value());
		return action;
	}

	private static ArrayNode array(ObjectNode node, String field) {
		return (ArrayNode) node.get(field);
	}

	private static ObjectNode container() {
		ObjectNode container = JSON.createObjectNode();
		container.put("type", "Container");
		container.putArray("items");
		return container;
	}

	private static ObjectNode actionSet() {
		ObjectNode set = JSON.createObjectNode();
		set.put("type", "ActionSet");
		set.putArray("actions");
		return set;
	}
}
