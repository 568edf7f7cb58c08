package org.fieldnotes.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatAccount;
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
 * {@link Messenger} for each chat account, in order, as neutral models, recorded as it is handed over (so a send the
 * platform refused is recorded too, as the Slack stand-in records every call; the fault tests look at the platform's
 * side for what became of it). It wraps the real messenger, so the Slack stand-in still receives everything and the
 * Slack tests keep seeing Slack JSON. Tests that use it survive a second platform.
 *
 * <p>Recordings are kept by {@link ChatAccount#key()}: one member on one platform, whatever workspace the account
 * was known in when it was sent to (a test names a Slack member as {@code Accounts.slack("U…")}).
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

	/** The application's own messenger, which this one wraps (it routes by platform; in tests, mostly to Slack). */
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

	/** The direct messages sent to an account, in order. */
	public synchronized List<ChatMessage> messagesTo(ChatAccount account) {
		return List.copyOf(messages.getOrDefault(account.key(), List.of()));
	}

	/** Every direct message, to anyone, in order. */
	public synchronized List<ChatMessage> allMessages() {
		return messages.values().stream().flatMap(List::stream).toList();
	}

	/** The messages shown to an account only (ephemeral), in order. */
	public synchronized List<ChatMessage> ephemeralsTo(ChatAccount account) {
		return List.copyOf(ephemerals.getOrDefault(account.key(), List.of()));
	}

	/** The forms opened for an account, in order. */
	public synchronized List<Form> formsFor(ChatAccount account) {
		return List.copyOf(forms.getOrDefault(account.key(), List.of()));
	}

	/** Every Home shown to an account, in order. */
	public synchronized List<HomeScreen> homesOf(ChatAccount account) {
		return List.copyOf(homes.getOrDefault(account.key(), List.of()));
	}

	/** The Home an account was shown last. */
	public synchronized Optional<HomeScreen> homeOf(ChatAccount account) {
		List<HomeScreen> shown = homes.getOrDefault(account.key(), List.of());
		return shown.isEmpty() ? Optional.empty() : Optional.of(shown.get(shown.size() - 1));
	}

	/** The replacements of messages sent earlier, in order. */
	public synchronized List<ChatMessage> updates() {
		return List.copyOf(updates);
	}

	@Override
	public SentMessage sendDirect(ChatAccount to, ChatMessage message) {
		record(messages, to, message);
		return platform.sendDirect(to, message);
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
	public void sendEphemeral(String conversation, ChatAccount to, ChatMessage message) {
		record(ephemerals, to, message);
		platform.sendEphemeral(conversation, to, message);
	}

	@Override
	public void showHome(ChatAccount to, HomeScreen home) {
		record(homes, to, home);
		platform.showHome(to, home);
	}

	@Override
	public void openForm(ChatAccount to, String trigger, Form form) {
		record(forms, to, form);
		platform.openForm(to, trigger, form);
	}

	@Override
	public boolean connected() {
		return platform.connected();
	}

	@Override
	public boolean reachable(ChatAccount to) {
		return platform.reachable(to);
	}

	@Override
	public java.util.Optional<String> invitation(ChatAccount to) {
		return platform.invitation(to);
	}

	private synchronized <T> void record(Map<String, List<T>> recorded, ChatAccount to, T what) {
		recorded.computeIfAbsent(to.key(), k -> Collections.synchronizedList(new ArrayList<>())).add(what);
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
