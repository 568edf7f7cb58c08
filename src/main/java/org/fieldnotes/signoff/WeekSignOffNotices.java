package org.fieldnotes.signoff;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxMail;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.mail.Mailer;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who is told what about a week's sign-off, each in their language, through the outbox (once per placement-week and
 * step: keys {@code week-signoff:<placement>:<week start>:<step>}):
 * <ul>
 * <li>requested: the manager, with the week's entries and status updates they may read and Green / Amber / Red
 * buttons in chat when they have a chat account, else by e-mail with a signed link to the week's page
 * ({@link WeekSignOffLinks});</li>
 * <li>signed: the participant ("Maja signed off week 12: green — comment"), in chat, else by e-mail.</li>
 * </ul>
 */
@Component
class WeekSignOffNotices {

	static final String PREFIX = "week-signoff:";

	private final Outbox outbox;
	private final WeekSignOffLinks links;
	private final Mailer mailer;
	private final Languages languages;
	private final MessageSource messages;

	WeekSignOffNotices(Outbox outbox, WeekSignOffLinks links, Mailer mailer, Languages languages,
			MessageSource messages) {
		this.outbox = outbox;
		this.links = links;
		this.mailer = mailer;
		this.languages = languages;
		this.messages = messages;
	}

	/** Whether the manager can be asked: in chat, or by e-mail with a link (a mail server and links set). */
	boolean reachable(Person manager) {
		return manager != null && (manager.hasChat() || hasAddress(manager) && mailer.configured() && links.enabled());
	}

	void request(Placement placement, WeekSignOffs.Week week) {
		Person manager = placement.getManager();
		Locale locale = languages.of(manager);
		String participant = placement.getParticipant().name();
		String heading = t("signoff.manager.heading", locale, participant, week.number());
		String key = PREFIX + placement.getId() + ":" + week.start() + ":requested";
		ChatMessage.Builder message = ChatMessage.builder(heading).heading(heading)
			.context(t("signoff.manager.intro", locale, participant, placement.getHostOrganisation(),
					dates(week, locale)));
		describe(message, week, placement.getParticipant().zone(), locale);
		String value = WeekSignOffButtons.value(placement.getId(), week.start());
		if (manager.hasChat()) {
			message.buttons(Button.of(WeekSignOffButtons.GREEN, t("signoff.rating.green", locale), value),
					Button.of(WeekSignOffButtons.AMBER, t("signoff.rating.amber", locale), value),
					Button.of(WeekSignOffButtons.RED, t("signoff.rating.red", locale), value));
			outbox.enqueue(Outgoing.to(manager, key, MessageKind.NOTICE, placement.getId(), message.build()));
			return;
		}
		String link = links.linkFor(placement.getId(), week.start(), manager.id().value()).orElseThrow();
		message.link(t("signoff.manager.link", locale), link)
			.context(t("signoff.manager.linkValid", locale, links.validDays()));
		outbox.enqueue(Outgoing.email(key, MessageKind.NOTICE, placement.getId(), new OutboxMail(manager.email(),
				manager.name(), locale.toLanguageTag(), heading), message.build(), List.of()));
	}

	void signed(WeekSignOff signOff, Placement placement) {
		Person participant = placement.getParticipant();
		Locale locale = languages.of(participant);
		String manager = placement.getManager() == null ? "—" : placement.getManager().name();
		String line = signOff.comment() == null
				? t("signoff.participant.signed", locale, manager, signOff.week(),
						t("signoff.rating." + signOff.rating().key(), locale))
				: t("signoff.participant.signedWithComment", locale, manager, signOff.week(),
						t("signoff.rating." + signOff.rating().key(), locale), signOff.comment());
		ChatMessage message = ChatMessage.builder(line).paragraph(line).build();
		String key = PREFIX + placement.getId() + ":" + signOff.weekStart() + ":signed";
		if (participant.hasChat()) {
			outbox.enqueue(Outgoing.to(participant, key, MessageKind.NOTICE, placement.getId(), message));
		}
		else if (hasAddress(participant) && mailer.configured()) {
			outbox.enqueue(Outgoing.email(key, MessageKind.NOTICE, placement.getId(), new OutboxMail(
					participant.email(), participant.name(), locale.toLanguageTag(),
					t("signoff.participant.subject", locale, signOff.week())), message, List.of()));
		}
	}

	/** The week's status updates and entries the manager may read (their words: the renderer escapes them). */
	void describe(ChatMessage.Builder message, WeekSignOffs.Week week, java.time.ZoneId zone, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
		for (StatusUpdate update : week.updates()) {
			message.paragraph(t("signoff.manager.status", locale, t("signoff.status." + update.status().name(), locale),
					update.mood()));
		}
		for (LogbookEntry entry : week.entries()) {
			message.quote(t("signoff.manager.entry", locale, day.format(entry.createdAt().atZone(zone))), entry.text());
		}
		if (week.entries().isEmpty() && week.updates().isEmpty()) {
			message.paragraph(t("signoff.manager.nothing", locale));
		}
	}

	String dates(WeekSignOffs.Week week, Locale locale) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		return format.format(week.start()) + " – " + format.format(week.end());
	}

	private static boolean hasAddress(Person person) {
		return person.email() != null && !person.email().isBlank();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
