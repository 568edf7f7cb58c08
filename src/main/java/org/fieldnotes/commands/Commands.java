package org.fieldnotes.commands;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Function;

import org.fieldnotes.admin.AdminDirectory;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.NotEnrolled;
import org.fieldnotes.placement.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.PromptHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Runs {@code /fieldnotes} subcommands for a person and answers in their language. Everyone: {@code help},
 * {@code log <text>}, {@code me}. Admins: {@code list}, {@code pause @person}, {@code resume @person}.
 */
@Service
public class Commands {

	private static final Logger log = LoggerFactory.getLogger(Commands.class);
	private static final int LIST_CHUNK = 20;

	private final PlacementManagement placements;
	private final Logbook logbook;
	private final PromptHistory prompts;
	private final AdminDirectory admins;
	private final MessageSource messages;
	private final Clock clock;

	Commands(PlacementManagement placements, Logbook logbook, PromptHistory prompts, AdminDirectory admins,
			MessageSource messages, Clock clock) {
		this.placements = placements;
		this.logbook = logbook;
		this.prompts = prompts;
		this.admins = admins;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Runs a command.
	 * @param userId the sender's member id
	 * @param text what they typed after {@code /fieldnotes}, mentions written as {@code @U…}
	 */
	public ChatMessage run(String userId, String text) {
		Locale locale = placements.languageOf(userId).orElse(Locale.ENGLISH);
		CommandLine line = CommandLine.parse(text);
		return switch (line.name()) {
			case "help" -> help(userId, locale, null);
			case "log" -> log(userId, line, locale);
			case "me" -> me(userId, locale);
			case "list" -> asAdmin(userId, locale, () -> list(locale));
			case "pause" -> asAdmin(userId, locale, () -> changeStatus(line, locale, "pause", placements::pause));
			case "resume" -> asAdmin(userId, locale, () -> changeStatus(line, locale, "resume", placements::resume));
			default -> help(userId, locale, t("command.unknown", locale, line.name()));
		};
	}

	private ChatMessage help(String userId, Locale locale, String problem) {
		List<Item> items = new ArrayList<>(List.of(item("log", locale), item("me", locale), item("help", locale)));
		if (admins.isAdmin(userId)) {
			items.addAll(List.of(item("list", locale), item("pause", locale), item("resume", locale)));
		}
		var message = ChatMessage.builder(t("help.summary", locale));
		if (problem != null) {
			message.paragraph(problem);
		}
		return message.heading(t("help.heading", locale))
			.items(items)
			.context(t("help.dm", locale))
			.build();
	}

	private Item item(String command, Locale locale) {
		return new Item(t("help." + command + ".usage", locale), t("help." + command, locale));
	}

	private ChatMessage log(String userId, CommandLine line, Locale locale) {
		if (line.rest().isBlank()) {
			return usage(t("log.empty", locale), "log", locale);
		}
		try {
			logbook.write(userId, line.rest());
			return ChatMessage.text(t("log.saved", locale));
		}
		catch (NotEnrolled e) {
			return ChatMessage.text(t("notEnrolled", locale));
		}
	}

	private ChatMessage me(String userId, Locale locale) {
		Optional<Placement> current = placements.currentFor(userId);
		if (current.isEmpty()) {
			List<Placement> followed = placements.followedBy(userId);
			if (followed.isEmpty()) {
				return ChatMessage.text(t("notEnrolled", locale));
			}
			return ChatMessage.builder(t("me.following", locale, followed.size()))
				.paragraph(t("me.following", locale, followed.size()))
				.items(followed.stream().map(p -> new Item(p.getParticipant().name(), placementLine(p, locale))).toList())
				.build();
		}
		Placement placement = current.get();
		Person participant = placement.getParticipant();
		ZoneId zone = participant.zone();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		int week = Math.max(1, Math.min(placement.weekOf(today), placement.weeks()));
		var message = ChatMessage.builder(t("me.heading", locale))
			.heading(t("me.heading", locale))
			.paragraph(t("me.placement", locale, placement.getHostOrganisation(), placement.getProgram(),
					date.format(placement.getStartDate()), date.format(placement.getEndDate()), week, placement.weeks()))
			.context(followers(placement, locale));
		String next = prompts.next(placement)
			.map(u -> t("me.next", locale,
					DateTimeFormatter.ofPattern("EEEE d MMM HH:mm", locale).format(u.due().local()),
					u.prompt().title(locale)))
			.orElse(t(placement.isActive() ? "me.noNext" : "me.paused", locale));
		long thisWeek = logbook.countSince(placement.getId(),
				today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant());
		return message.paragraph(next).paragraph(t("me.entries", locale, thisWeek)).build();
	}

	private String followers(Placement placement, Locale locale) {
		List<String> parts = new ArrayList<>();
		placement.followers().forEach((role, person) -> parts.add(t("me.follower", locale, person.name(),
				t("role." + role, locale))));
		return parts.isEmpty() ? t("me.noFollowers", locale) : String.join(" · ", parts);
	}

	private ChatMessage list(Locale locale) {
		List<Placement> all = placements.all();
		var message = ChatMessage.builder(t("list.heading", locale, all.size())).heading(t("list.heading", locale, all.size()));
		if (all.isEmpty()) {
			return message.paragraph(t("list.empty", locale)).build();
		}
		for (int i = 0; i < all.size(); i += LIST_CHUNK) {
			message.items(all.subList(i, Math.min(all.size(), i + LIST_CHUNK))
				.stream()
				.map(p -> new Item(p.getParticipant().name(), placementLine(p, locale) + " · "
						+ t("status." + p.getStatus(), locale)))
				.toList());
		}
		return message.build();
	}

	private String placementLine(Placement placement, Locale locale) {
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		return placement.getHostOrganisation() + " · " + placement.getProgram() + " · "
				+ date.format(placement.getStartDate()) + " – " + date.format(placement.getEndDate());
	}

	private ChatMessage changeStatus(CommandLine line, Locale locale, String command,
			Function<String, Placement> change) {
		Optional<String> target = line.mention();
		if (target.isEmpty()) {
			return usage(t("command.needsPerson", locale), command, locale);
		}
		Optional<Placement> placement = placements.currentFor(target.get());
		if (placement.isEmpty()) {
			return ChatMessage.text(t("command.personNotEnrolled", locale));
		}
		try {
			change.apply(placement.get().getId());
		}
		catch (IllegalStateException e) {
			return ChatMessage.text(t(command + ".ended", locale));
		}
		log.info("Admin command {} applied to placement {}", command, placement.get().getId());
		return ChatMessage.text(t(command + ".done", locale, placement.get().getParticipant().name(),
				placement.get().getHostOrganisation()));
	}

	private ChatMessage asAdmin(String userId, Locale locale, Supplier<ChatMessage> action) {
		return admins.isAdmin(userId) ? action.get() : ChatMessage.text(t("command.adminOnly", locale));
	}

	private ChatMessage usage(String problem, String command, Locale locale) {
		return ChatMessage.builder(problem)
			.paragraph(Span.plain("⚠ " + problem))
			.context(t("command.usage", locale, t("help." + command + ".usage", locale)))
			.build();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
