package org.fieldnotes.teams;

import java.util.List;
import java.util.Map;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Block;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Option;

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

	/** The verb (and {@code actionId}) of a form card's submit button; its value is the open form's key. */
	static final String FORM_SUBMIT = "teams_form_submit";
	/** The verb of a form card's cancel button. */
	static final String FORM_CANCEL = "teams_form_cancel";
	/** What a form's inputs are named on the card: never {@code actionId} or {@code value}, which the data carries. */
	static final String INPUT_PREFIX = "f_";

	/** A message activity carrying a form's card. */
	static ObjectNode formActivity(Form form, String key, Map<String, List<String>> typed) {
		return attach(form.title(), formCard(form, key, typed));
	}

	/**
	 * A form as an Adaptive Card: its texts, an input per field (a field's message, when it has one, under it in the
	 * attention colour, and what was typed kept in it), and {@code Action.Execute} buttons to send or cancel whose
	 * data name the open form by {@code key}. Teams merges the inputs' values into the data it sends back.
	 */
	static ObjectNode formCard(Form form, String key, Map<String, List<String>> typed) {
		ObjectNode card = emptyCard(form.title());
		ArrayNode body = (ArrayNode) card.get("body");
		body.add(text(List.of(Span.bold(form.title())), "Medium", false));
		for (Form.Element element : form.elements()) {
			if (element instanceof Form.Note note) {
				body.add(text(List.of(Span.plain(note.text())), "Small", true));
			}
			else if (element instanceof Form.Text text) {
				body.add(text(List.of(Span.plain(text.text())), null, false));
			}
			else if (element instanceof Form.Field field) {
				body.add(input(field, typed == null ? null : typed.get(field.id())));
				if (field.hint() != null) {
					body.add(text(List.of(Span.plain(field.hint())), "Small", true));
				}
				if (field.error() != null) {
					ObjectNode error = text(List.of(Span.plain(field.error())), null, false);
					((ArrayNode) error.get("inlines")).forEach(run -> ((ObjectNode) run).put("color", "Attention"));
					body.add(error);
				}
			}
		}
		ObjectNode set = actionSet();
		if (form.submitLabel() != null) {
			array(set, "actions").add(execute(ChatMessage.Button.primary(FORM_SUBMIT, form.submitLabel(), key)));
		}
		if (form.cancelLabel() != null) {
			array(set, "actions").add(execute(ChatMessage.Button.of(FORM_CANCEL, form.cancelLabel(), key)));
		}
		if (!array(set, "actions").isEmpty()) {
			body.add(set);
		}
		return card;
	}

	private static ObjectNode input(Form.Field field, List<String> typed) {
		ObjectNode input = JSON.createObjectNode();
		input.put("id", INPUT_PREFIX + field.id());
		input.put("label", field.label());
		input.put("isRequired", field.required());
		List<String> values = typed != null ? typed
				: field.kind() == Form.Kind.CHECKBOXES ? field.initialValues()
						: field.initial() == null ? List.of() : List.of(field.initial());
		switch (field.kind()) {
			case SELECT, RADIO, CHECKBOXES -> {
				input.put("type", "Input.ChoiceSet");
				input.put("style", field.kind() == Form.Kind.SELECT ? "compact" : "expanded");
				if (field.kind() == Form.Kind.CHECKBOXES) {
					input.put("isMultiSelect", true);
				}
				ArrayNode choices = input.putArray("choices");
				for (int i = 0; i < field.options().size(); i++) {
					Option option = field.options().get(i);
					choices.addObject().put("title", option.label()).put("value", choiceValue(field, i));
				}
				if (field.kind() == Form.Kind.CHECKBOXES) {
					values = values.stream()
						.map(v -> field.options().stream().map(Option::value).toList().indexOf(v))
						.filter(i -> i >= 0)
						.map(String::valueOf)
						.toList();
				}
			}
			case DATE -> input.put("type", "Input.Date");
			case TIME -> input.put("type", "Input.Time");
			default -> {
				input.put("type", "Input.Text");
				if (field.kind() == Form.Kind.LONG_TEXT) {
					input.put("isMultiline", true);
				}
				if (field.kind() == Form.Kind.EMAIL) {
					input.put("style", "Email");
				}
				if (field.maxLength() > 0) {
					input.put("maxLength", field.maxLength());
				}
			}
		}
		if (field.placeholder() != null) {
			input.put("placeholder", field.placeholder());
		}
		if (!values.isEmpty()) {
			input.put("value", String.join(",", values));
		}
		if (field.error() != null) {
			input.put("errorMessage", field.error());
		}
		return input;
	}

	/**
	 * What a choice is on the card: its option's value; for several ticks, its position, since Teams sends the ticked
	 * values back joined by commas, and an option's value may hold one.
	 */
	private static String choiceValue(Form.Field field, int index) {
		return field.kind() == Form.Kind.CHECKBOXES ? String.valueOf(index) : field.options().get(index).value();
	}

	/** The option values of what was ticked in a several-ticks choice, as Teams sends it back (see choiceValue). */
	static List<String> ticked(Form.Field field, String sent) {
		List<String> values = new java.util.ArrayList<>();
		for (String position : sent.split(",")) {
			String trimmed = position.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			// not a position on the card: kept as it came, and refused by the check as none of the options
			values.add(trimmed.matches("\\d{1,4}") && Integer.parseInt(trimmed) < field.options().size()
					? field.options().get(Integer.parseInt(trimmed)).value() : trimmed);
		}
		return values;
	}

	/** A message activity carrying a card as the whole message. */
	static ObjectNode attach(String summary, ObjectNode card) {
		ObjectNode activity = JSON.createObjectNode();
		activity.put("type", "message");
		activity.put("summary", summary);
		ObjectNode attachment = activity.putArray("attachments").addObject();
		attachment.put("contentType", CARD);
		attachment.set("content", card);
		return activity;
	}

	/**
	 * The Home as a welcome card: each section's heading and lines; a menu or a choice as one button per option
	 * (the chosen one marked ✓), since a card's drop-down needs a button to send it anyway.
	 */
	static ObjectNode homeCard(HomeScreen home, String summary) {
		ObjectNode card = emptyCard(summary);
		ArrayNode body = (ArrayNode) card.get("body");
		for (HomeScreen.Section section : home.sections()) {
			boolean first = true;
			if (section.heading() != null) {
				ObjectNode heading = text(List.of(Span.bold(section.heading())), "Medium", false);
				heading.put("separator", section.separated());
				body.add(heading);
				first = false;
			}
			for (HomeScreen.Item item : section.items()) {
				ObjectNode element = homeItem(item);
				if (first && section.separated()) {
					element.put("separator", true);
				}
				first = false;
				body.add(element);
				if (item instanceof HomeScreen.Line line && line.control() != null) {
					body.add(control(line.control()));
				}
			}
		}
		return card;
	}

	private static ObjectNode homeItem(HomeScreen.Item item) {
		if (item instanceof HomeScreen.Line line) {
			return text(line.spans(), line.small() ? "Small" : null, line.small());
		}
		if (item instanceof HomeScreen.Quote quote) {
			return element(new Block.Quote(quote.attribution(), quote.words()));
		}
		HomeScreen.Buttons buttons = (HomeScreen.Buttons) item;
		return element(new Block.Actions(buttons.buttons()));
	}

	private static ObjectNode control(HomeScreen.Control control) {
		ObjectNode set = actionSet();
		if (control instanceof HomeScreen.Menu menu) {
			menu.options().forEach(o -> array(set, "actions")
				.add(execute(ChatMessage.Button.of(menu.actionId(), o.label(), o.value()))));
		}
		else if (control instanceof HomeScreen.Select select) {
			select.options().forEach(o -> array(set, "actions").add(execute(ChatMessage.Button.of(select.actionId(),
					(o.value().equals(select.selected()) ? "✓ " : "") + o.label(), o.value()))));
		}
		return set;
	}

	private static ObjectNode emptyCard(String fallback) {
		ObjectNode card = JSON.createObjectNode();
		card.put("type", "AdaptiveCard");
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("version", "1.5");
		card.put("fallbackText", fallback);
		card.putArray("body");
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
