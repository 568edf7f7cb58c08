package org.fieldnotes.commands;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Service;

/**
 * Runs {@code /fieldnotes} for a person and answers in their language: finds the {@link Subcommand} by name,
 * refuses what {@link AccessPolicy} does not allow the person (admin-only ones, for others), and answers {@code help} (also for an empty or unknown subcommand).
 */
@Service
public class Commands {

	private final Map<String, Subcommand> subcommands;
	private final PlacementManagement placements;
	private final AccessPolicy access;
	private final Replies replies;

	Commands(List<Subcommand> subcommands, PlacementManagement placements, AccessPolicy access, Replies replies) {
		this.subcommands = subcommands.stream()
			.sorted(Comparator.comparingInt(Subcommand::helpOrder))
			.collect(Collectors.toMap(Subcommand::name, Function.identity(), (a, b) -> {
				throw new IllegalStateException("Two subcommands are called " + a.name());
			}, LinkedHashMap::new));
		this.placements = placements;
		this.access = access;
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
		if (!allowed(access.member(userId), subcommand.name())) {
			return replies.text("command.adminOnly", locale);
		}
		return subcommand.run(new Invocation(userId, line, locale));
	}

	/**
	 * Whether {@link #run} of this command should come after the chat platform's acknowledgement: the subcommand
	 * {@linkplain Subcommand#answersAfterAck answers after the ack} and the person may run it (a refusal is quick,
	 * and is answered at once). Decides quietly; {@link #run} decides again, and logs a refusal.
	 */
	public boolean answersAfterAck(String userId, String text) {
		Subcommand subcommand = subcommands.get(CommandLine.parse(text).name());
		return subcommand != null && subcommand.answersAfterAck() && Operation.command(subcommand.name())
			.map(o -> access.permits(access.member(userId), o, Target.none()))
			.orElse(false);
	}

	private ChatMessage help(String userId, Locale locale, String problem) {
		Actor actor = access.member(userId);
		List<Item> items = subcommands.values()
			.stream()
			.filter(s -> Operation.command(s.name()).map(o -> access.permits(actor, o, Target.none())).orElse(false))
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

	/** Whether the policy lets the person run the subcommand; one without an operation is refused. */
	private boolean allowed(Actor actor, String name) {
		return Operation.command(name).map(o -> access.decide(actor, o, Target.none()).allowed()).orElse(false);
	}

	private Item item(String command, Locale locale) {
		return new Item(replies.t("help." + command + ".usage", locale), replies.t("help." + command, locale));
	}
}
