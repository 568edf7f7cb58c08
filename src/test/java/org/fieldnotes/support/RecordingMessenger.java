package org.fieldnotes.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Block;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Image;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.SentMessage;

/**
 * The chat port as feature tests see it: every {@link ChatMessage}, form and Home screen the application gave the
 * {@link Messenger} for each person, in order, as neutral models, recorded as it is handed over (so a send the
 * platform refused is recorded too, as the Slack stand-in records every call; the fault tests look at the platform's
 * side for what became of it). It wraps the real messenger, so the Slack stand-in still receives everything and the
 * Slack tests keep seeing Slack JSON. Tests that use it survive a second platform.
 */
public final class RecordingMessenger implements Messenger {

	private final Messenger platform;
	private final Map<String, List<ChatMessage>> messages = new LinkedHashMap<>();
	private final Map<String, List<ChatMessage>> ephemerals = new LinkedHashMap<>();
	private final Map<String, List<Form>> forms = new LinkedHashMap<>();
	private final Map<String, List<HomeScreen>> homes = new LinkedHashMap<>();
	private final List<ChatMessage> updates = new ArrayList<>();

	RecordingMessenger(Messenger platform) {
		this.platform = platform;
	}

	/** The application's own messenger, which this one wraps (in tests, the Slack messenger). */
	public Messenger platform() {
		return platform;
	}

	/** Forgets everything recorded (each test starts with nothing). */
	public synchronized void reset() {
		messages.clear();
		ephemerals.clear();
		forms.clear();
		homes.clear();
		updates.clear();
	}

	/** The direct messages sent to a person, in order. */
	public synchronized List<ChatMessage> messagesTo(String userId) {
		return List.copyOf(messages.getOrDefault(userId, List.of()));
	}

	/** Every direct message, to anyone, in order. */
	public synchronized List<ChatMessage> allMessages() {
		return messages.values().stream().flatMap(List::stream).toList();
	}

	/** The messages shown to a person only (ephemeral), in order. */
	public synchronized List<ChatMessage> ephemeralsTo(String userId) {
		return List.copyOf(ephemerals.getOrDefault(userId, List.of()));
	}

	/** The forms opened for a person, in order. */
	public synchronized List<Form> formsFor(String userId) {
		return List.copyOf(forms.getOrDefault(userId, List.of()));
	}

	/** Every Home shown to a person, in order. */
	public synchronized List<HomeScreen> homesOf(String userId) {
		return List.copyOf(homes.getOrDefault(userId, List.of()));
	}

	/** The Home a person was shown last. */
	public synchronized Optional<HomeScreen> homeOf(String userId) {
		List<HomeScreen> shown = homes.getOrDefault(userId, List.of());
		return shown.isEmpty() ? Optional.empty() : Optional.of(shown.get(shown.size() - 1));
	}

	/** The replacements of messages sent earlier, in order. */
	public synchronized List<ChatMessage> updates() {
		return List.copyOf(updates);
	}

	@Override
	public SentMessage sendDirect(String userId, ChatMessage message) {
		record(messages, userId, message);
		return platform.sendDirect(userId, message);
	}

	@Override
	public void update(SentMessage message, ChatMessage replacement) {
		synchronized (this) {
			updates.add(replacement);
		}
		platform.update(message, replacement);
	}

	@Override
	public void shareImage(SentMessage where, Image image) {
		platform.shareImage(where, image);
	}

	@Override
	public void shareFile(SentMessage where, byte[] bytes, String filename, String title, String mimeType) {
		platform.shareFile(where, bytes, filename, title, mimeType);
	}

	@Override
	public void confirmSaved(MessageRef message) {
		platform.confirmSaved(message);
	}

	@Override
	public void sendEphemeral(String conversation, String userId, ChatMessage message) {
		record(ephemerals, userId, message);
		platform.sendEphemeral(conversation, userId, message);
	}

	@Override
	public void showHome(String userId, HomeScreen home) {
		record(homes, userId, home);
		platform.showHome(userId, home);
	}

	@Override
	public void openForm(String userId, String trigger, Form form) {
		record(forms, userId, form);
		platform.openForm(userId, trigger, form);
	}

	@Override
	public boolean connected() {
		return platform.connected();
	}

	private synchronized <T> void record(Map<String, List<T>> recorded, String userId, T what) {
		recorded.computeIfAbsent(userId, k -> Collections.synchronizedList(new ArrayList<>())).add(what);
	}

	/** Every string a person reads in a message, as written (nothing escaped), one per line. */
	public static String words(ChatMessage message) {
		List<String> lines = new ArrayList<>();
		for (Block block : message.blocks()) {
			if (block instanceof Block.Heading heading) {
				lines.add(heading.text());
			}
			else if (block instanceof Block.Context context) {
				lines.add(spans(context.spans()));
			}
			else if (block instanceof Block.Paragraph paragraph) {
				lines.add(spans(paragraph.spans()));
			}
			else if (block instanceof Block.Items items) {
				items.items().forEach(item -> lines.add(item.label() + "  " + item.text()));
			}
			else if (block instanceof Block.Quote quote) {
				lines.add(quote.attribution());
				lines.add(quote.words());
			}
			else if (block instanceof Block.Actions actions) {
				actions.buttons().forEach(button -> lines.add(button.label()));
			}
			else if (block instanceof Block.Link link) {
				lines.add(link.label());
			}
		}
		return String.join("\n", lines);
	}

	/** Every string a person reads on a Home, as written (nothing escaped), one per line. */
	public static String words(HomeScreen home) {
		List<String> lines = new ArrayList<>();
		for (HomeScreen.Section section : home.sections()) {
			if (section.heading() != null) {
				lines.add(section.heading());
			}
			for (HomeScreen.Item item : section.items()) {
				if (item instanceof HomeScreen.Line line) {
					lines.add(spans(line.spans()));
				}
				else if (item instanceof HomeScreen.Quote quote) {
					lines.add(quote.attribution());
					lines.add(quote.words());
				}
				else if (item instanceof HomeScreen.Buttons buttons) {
					buttons.buttons().forEach(button -> lines.add(button.label()));
				}
			}
		}
		return String.join("\n", lines);
	}

	/** Every action id on a Home (buttons, menus, selects), in order. */
	public static List<String> actions(HomeScreen home) {
		List<String> actions = new ArrayList<>();
		for (HomeScreen.Section section : home.sections()) {
			for (HomeScreen.Item item : section.items()) {
				if (item instanceof HomeScreen.Buttons buttons) {
					buttons.buttons().forEach(button -> actions.add(button.actionId()));
				}
				else if (item instanceof HomeScreen.Line line && line.control() instanceof HomeScreen.Menu menu) {
					actions.add(menu.actionId());
				}
				else if (item instanceof HomeScreen.Line line && line.control() instanceof HomeScreen.Select select) {
					actions.add(select.actionId());
				}
			}
		}
		return actions;
	}

	private static String spans(List<Span> spans) {
		return spans.stream().map(Span::text).collect(Collectors.joining());
	}
}
