package org.fieldnotes.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Block;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Option;

/**
 * The neutral models as plain maps: what {@code web_messages} stores of a message and what the page's templates
 * render (each map has a {@code type}). Every string stays data: the templates show it with {@code th:text}, never
 * as markup or as a template.
 */
final class WebModels {

	private WebModels() {
	}

	static List<Map<String, Object>> blocks(ChatMessage message) {
		List<Map<String, Object>> blocks = new ArrayList<>();
		for (Block block : message.blocks()) {
			blocks.add(block(block));
		}
		return blocks;
	}

	private static Map<String, Object> block(Block block) {
		Map<String, Object> map = new LinkedHashMap<>();
		if (block instanceof Block.Heading h) {
			map.put("type", "heading");
			map.put("text", h.text());
		}
		else if (block instanceof Block.Context c) {
			map.put("type", "context");
			map.put("spans", spans(c.spans()));
		}
		else if (block instanceof Block.Paragraph p) {
			map.put("type", "paragraph");
			map.put("spans", spans(p.spans()));
		}
		else if (block instanceof Block.Items i) {
			map.put("type", "items");
			List<Map<String, Object>> items = new ArrayList<>();
			for (ChatMessage.Item item : i.items()) {
				items.add(of("label", item.label(), "text", item.text()));
			}
			map.put("items", items);
		}
		else if (block instanceof Block.Quote q) {
			map.put("type", "quote");
			map.put("attribution", q.attribution());
			map.put("words", q.words());
		}
		else if (block instanceof Block.Actions a) {
			map.put("type", "actions");
			map.put("buttons", buttons(a.buttons()));
		}
		else if (block instanceof Block.Link l) {
			map.put("type", "link");
			map.put("label", l.label());
			map.put("url", l.url());
		}
		else {
			map.put("type", "divider");
		}
		return map;
	}

	static List<Map<String, Object>> spans(List<Span> spans) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Span span : spans) {
			list.add(of("text", span.text(), "bold", span.bold()));
		}
		return list;
	}

	static List<Map<String, Object>> buttons(List<Button> buttons) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Button button : buttons) {
			Map<String, Object> map = of("actionId", button.actionId(), "label", button.label());
			map.put("value", button.value());
			map.put("style", button.style().name().toLowerCase(java.util.Locale.ROOT));
			list.add(map);
		}
		return list;
	}

	/** The Home's sections: {@code heading}, {@code separated} and items of type line, quote or buttons. */
	static List<Map<String, Object>> home(HomeScreen home) {
		List<Map<String, Object>> sections = new ArrayList<>();
		for (HomeScreen.Section section : home.sections()) {
			List<Map<String, Object>> items = new ArrayList<>();
			for (HomeScreen.Item item : section.items()) {
				Map<String, Object> map = new LinkedHashMap<>();
				if (item instanceof HomeScreen.Line line) {
					map.put("type", "line");
					map.put("spans", spans(line.spans()));
					map.put("small", line.small());
					if (line.control() instanceof HomeScreen.Menu menu) {
						Map<String, Object> control = of("kind", "menu", "actionId", menu.actionId());
						control.put("options", options(menu.options()));
						map.put("control", control);
					}
					else if (line.control() instanceof HomeScreen.Select select) {
						Map<String, Object> control = of("kind", "select", "actionId", select.actionId());
						control.put("options", options(select.options()));
						control.put("selected", select.selected());
						map.put("control", control);
					}
				}
				else if (item instanceof HomeScreen.Quote quote) {
					map.put("type", "quote");
					map.put("attribution", quote.attribution());
					map.put("words", quote.words());
				}
				else if (item instanceof HomeScreen.Buttons row) {
					map.put("type", "buttons");
					map.put("buttons", buttons(row.buttons()));
				}
				items.add(map);
			}
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("heading", section.heading());
			map.put("separated", section.separated());
			map.put("items", items);
			sections.add(map);
		}
		return sections;
	}

	static List<Map<String, Object>> options(List<Option> options) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Option option : options) {
			list.add(of("value", option.value(), "label", option.label()));
		}
		return list;
	}

	/**
	 * A form's elements for the dialog: notes, texts and fields ({@code kind} in lower case, {@code values} what the
	 * field shows as filled in: what the person sent last time, else its initial value).
	 */
	static List<Map<String, Object>> form(Form form, Map<String, List<String>> sent) {
		List<Map<String, Object>> elements = new ArrayList<>();
		for (Form.Element element : form.elements()) {
			if (element instanceof Form.Note note) {
				elements.add(of("type", "note", "text", note.text()));
			}
			else if (element instanceof Form.Text text) {
				elements.add(of("type", "text", "text", text.text()));
			}
			else if (element instanceof Form.Field field) {
				{
					Map<String, Object> map = of("type", "field", "id", field.id());
					map.put("kind", field.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
					map.put("label", field.label());
					map.put("hint", field.hint());
					map.put("placeholder", field.placeholder());
					map.put("required", field.required());
					map.put("maxLength", field.maxLength());
					map.put("error", field.error());
					map.put("options", options(field.options()));
					List<String> values = sent != null && sent.containsKey(field.id()) ? sent.get(field.id())
							: field.kind() == Form.Kind.CHECKBOXES ? field.initialValues()
							: field.initial() == null ? List.of() : List.of(field.initial());
					map.put("values", values);
					map.put("value", values.isEmpty() ? "" : values.get(0));
					elements.add(map);
				}
			}
		}
		return elements;
	}

	/** A kept message as the page shows it, with its time of day in the reader's zone. */
	static Map<String, Object> view(WebMessage message, java.time.ZoneId zone) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", message.id());
		map.put("from", message.from());
		map.put("at", message.at() == null ? null : message.at().toString());
		map.put("time", message.at() == null ? ""
				: java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(message.at().atZone(zone)));
		map.put("summary", message.summary());
		map.put("blocks", message.blocks() == null ? List.of() : message.blocks());
		map.put("text", message.text());
		map.put("saved", message.saved());
		map.put("fileId", message.fileId());
		map.put("filename", message.filename());
		map.put("title", message.title());
		map.put("altText", message.altText() == null ? "" : message.altText());
		map.put("image", message.isImage());
		return map;
	}

	private static Map<String, Object> of(String k1, Object v1, String k2, Object v2) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(k1, v1);
		map.put(k2, v2);
		return map;
	}
}
