package org.fieldnotes.commands;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldnotes.admin.AdminDirectory;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Service;

/**
 * Runs {@code /fieldnotes} for a person and answers in their language: finds the {@link Subcommand} by name,
 * refuses admin-only ones to others, and answers {@code help} (also for an empty or unknown subcommand).
 */
@Service
public class Commands {

	private final Map<String, Subcommand> subcommands;
	private final PlacementManagement placements;
	private final AdminDirectory admins;
	private final Replies replies;

	Commands(List<Subcommand> subcommands, PlacementManagement placements, AdminDirectory admins, Replies replies) {
		this.subcommands = subcommands.stream()
			.sorted(Comparator.comparingInt(Subcommand::helpOrder))
			.collect(Collectors.toMap(Subcommand::name, Function.identity(), (a, b) -> {
				throw new IllegalStateException("Two subcommands are called " + a.name());
			}, LinkedHashMap::new));
		this.placements = placements;
		this.admins = admins;
		this.replies = replies;
	}

	/**
	 * Runs a command.
	 * @param userId the sender's member id
	 * @param text what they typed after {@code /fieldnotes}, mentions written as {@code @U…}
	 */
	public ChatMessage run(String userId, String text) {
		Locale locale = placements.languageOf(userId).orElse(Locale.ENGLISH);
		CommandLine line = CommandLine.parse(text);
		if (line.name().equals("help")) {
			return help(userId, locale, null);
		}
		Subcommand subcommand = subcommands.get(line.name());
		if (subcommand == null) {
			return help(userId, locale, replies.t("command.unknown", locale, line.name()));
		}
		if (subcommand.adminOnly() && !admins.isAdmin(userId)) {
			return replies.text("command.adminOnly", locale);
		}
		return subcommand.run(new Invocation(userId, line, locale));
	}

	private ChatMessage help(String userId, Locale locale, String problem) {
		boolean admin = admins.isAdmin(userId);
		List<Item> items = subcommands.values()
			.stream()
			.filter(s -> admin || !s.adminOnly())
			.map(s -> item(s.name(), locale))
			.collect(Collectors.toList());
		items.add(item("help", locale));
		var message = ChatMessage.builder(replies.t("help.summary", locale));
		if (problem != null) {
			message.paragraph(problem);
		}
		return message.heading(replies.t("help.heading", locale))
			.items(items)
			.context(replies.t("help.dm", locale))
			.build();
	}

	private Item item(String command, Locale locale) {
		return new Item(replies.t("help." + command + ".usage", locale), replies.t("help." + command, locale));
	}
}
