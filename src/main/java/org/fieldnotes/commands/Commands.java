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
import org.fieldnotes.access.Decision;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.people.People;
import org.fieldnotes.placement.Languages;
import org.springframework.stereotype.Service;

/**
 * Runs {@code /fieldnotes} for a person and answers in their language: finds the {@link Subcommand} by name,
 * refuses what {@link AccessPolicy} does not allow the person (admin-only ones, for others), and answers {@code help} (also for an empty or unknown subcommand).
 */
@Service
public class Commands {

	private final Map<String, Subcommand> subcommands;
	private final Languages languages;
	private final AccessPolicy access;
	private final Replies replies;
	private final AccountReferences references;
	private final People people;

	Commands(List<Subcommand> subcommands, Languages languages, AccessPolicy access, Replies replies,
			AccountReferences references, People people) {
		this.people = people;
		this.subcommands = subcommands.stream()
			.sorted(Comparator.comparingInt(Subcommand::helpOrder))
			.collect(Collectors.toMap(Subcommand::name, Function.identity(), (a, b) -> {
				throw new IllegalStateException("Two subcommands are called " + a.name());
			}, LinkedHashMap::new));
		this.languages = languages;
		this.access = access;
		this.replies = replies;
		this.references = references;
	}

	/**
	 * Runs a command.
	 * @param caller the sender's chat account
	 * @param text what they typed after {@code /fieldnotes}, mentions written as their platform writes them
	 */
	public ChatMessage run(ChatAccount caller, String text) {
		// a command is a first contact as much as a message: an account enrolled by member id gets its workspace
		people.contact(caller);
		Locale locale = languages.of(caller);
		CommandLine line = CommandLine.parse(text);
		if (line.name().equals("help")) {
			return help(caller, locale, null);
		}
		Subcommand subcommand = subcommands.get(line.name());
		if (subcommand == null) {
			return help(caller, locale, replies.t("command.unknown", locale, line.name()));
		}
		Actor actor = access.member(caller);
		Decision decision = decision(actor, subcommand.name());
		if (decision.reason() == Decision.Reason.PROGRAM_ADMIN) {
			return replies.text("command.everyProgrammeOnly", locale);
		}
		if (!decision.allowed()) {
			return replies.text("command.adminOnly", locale);
		}
		return subcommand.run(new Invocation(caller, actor.key(), line, locale,
				references.mentions(caller.platform(), line.rest(), caller.workspace())));
	}

	/**
	 * Whether the text starts with a command's name ({@code help} or a subcommand), as typed after
	 * {@code /fieldnotes}: for a platform without slash commands, where a typed message is a command only then.
	 */
	public boolean knows(String text) {
		String name = CommandLine.parse(text).name();
		return name.equals("help") || subcommands.containsKey(name);
	}

	/**
	 * Whether {@link #run} of this command should come after the chat platform's acknowledgement: the subcommand
	 * {@linkplain Subcommand#answersAfterAck answers after the ack} and the person may run it (a refusal is quick,
	 * and is answered at once). Decides quietly; {@link #run} decides again, and logs a refusal.
	 */
	public boolean answersAfterAck(ChatAccount caller, String text) {
		Subcommand subcommand = subcommands.get(CommandLine.parse(text).name());
		return subcommand != null && subcommand.answersAfterAck() && Operation.command(subcommand.name())
			.map(o -> access.permits(access.member(caller), o, Target.none()))
			.orElse(false);
	}

	private ChatMessage help(ChatAccount caller, Locale locale, String problem) {
		Actor actor = access.member(caller);
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
	private Decision decision(Actor actor, String name) {
		return Operation.command(name).map(o -> access.decide(actor, o, Target.none()))
			.orElse(Decision.deny(Decision.Reason.NO_RULE));
	}

	private Item item(String command, Locale locale) {
		return new Item(replies.t("help." + command + ".usage", locale), replies.t("help." + command, locale));
	}
}
