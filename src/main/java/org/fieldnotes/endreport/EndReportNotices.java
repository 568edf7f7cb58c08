package org.fieldnotes.endreport;

import java.util.Locale;
import java.util.Set;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxMail;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.digest.Coordinators;
import org.fieldnotes.mail.Mailer;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who is told what about an end-of-placement report, each in their language, through the outbox (once per report
 * version and step: keys {@code end-report:<placement>:<step>:<version>[:<person>]}):
 * <ul>
 * <li>submitted: the manager, with the report and Approve / Return buttons in chat when they have a chat account,
 * else by e-mail with a signed link to the report's page ({@link EndReportLinks});</li>
 * <li>returned: the participant, with the manager's comment; approved: the participant, and every coordinator of
 * the programme (admins of every programme or of this one), in chat, else by e-mail.</li>
 * </ul>
 */
@Component
class EndReportNotices {

	static final String PREFIX = "end-report:";

	private final Outbox outbox;
	private final EndReportLinks links;
	private final Mailer mailer;
	private final Coordinators coordinators;
	private final Languages languages;
	private final MessageSource messages;

	EndReportNotices(Outbox outbox, EndReportLinks links, Mailer mailer, Coordinators coordinators,
			Languages languages, MessageSource messages) {
		this.outbox = outbox;
		this.links = links;
		this.mailer = mailer;
		this.coordinators = coordinators;
		this.languages = languages;
		this.messages = messages;
	}

	/** Whether the manager can be sent a report: in chat, or by e-mail with a link (a mail server and links set). */
	boolean reachable(Person manager) {
		if (manager == null) {
			return false;
		}
		return manager.hasChat() || hasAddress(manager) && mailer.configured() && links.enabled();
	}

	void toManager(EndReport report, Placement placement) {
		Person manager = placement.getManager();
		Locale locale = languages.of(manager);
		String participant = placement.getParticipant().name();
		String heading = t("endReport.manager.heading", locale, participant);
		String key = PREFIX + report.placementId() + ":submitted:" + report.version();
		ChatMessage.Builder message = ChatMessage.builder(heading).heading(heading)
			.context(t("endReport.manager.intro", locale, participant, placement.getHostOrganisation()));
		sections(message, report, locale);
		if (manager.hasChat()) {
			message.buttons(Button.primary(EndReportButtons.APPROVE, t("endReport.button.approve", locale),
					report.placementId()), Button.of(EndReportButtons.RETURN, t("endReport.button.return", locale),
							report.placementId()));
			outbox.enqueue(Outgoing.to(manager, key, MessageKind.NOTICE, report.placementId(), message.build()));
			return;
		}
		String link = links.linkFor(report.placementId(), manager.id().value()).orElseThrow();
		message.link(t("endReport.manager.link", locale), link)
			.context(t("endReport.manager.linkValid", locale, links.validDays()));
		outbox.enqueue(Outgoing.email(key, MessageKind.NOTICE, report.placementId(), new OutboxMail(manager.email(),
				manager.name(), locale.toLanguageTag(), heading), message.build(), java.util.List.of()));
	}

	void decided(EndReport report, Placement placement) {
		Person participant = placement.getParticipant();
		String manager = placement.getManager() == null ? "" : placement.getManager().name();
		boolean approved = report.state() == EndReportState.APPROVED;
		String step = approved ? "approved" : "returned";
		Locale locale = languages.of(participant);
		String line = approved ? t("endReport.participant.approved", locale, manager)
				: t("endReport.participant.returned", locale, manager);
		ChatMessage.Builder message = ChatMessage.builder(line).paragraph(line);
		if (!approved && report.returnComment() != null) {
			message.quote(t("endReport.participant.comment", locale, manager), report.returnComment());
			message.context(t("endReport.participant.again", locale));
		}
		send(participant, PREFIX + report.placementId() + ":" + step + ":" + report.version(), report, line,
				message.build());
		if (!approved) {
			return;
		}
		String program = ProgramSettings.keyOf(placement.getProgram());
		for (Person coordinator : coordinators.people()) {
			Set<String> limited = coordinators.programsOf(coordinator.id());
			if (!limited.isEmpty() && !limited.contains(program) || coordinator.id().equals(participant.id())) {
				continue;
			}
			Locale theirs = languages.of(coordinator);
			String news = t("endReport.coordinator.approved", theirs, participant.name(), placement.getProgram(),
					manager);
			send(coordinator, PREFIX + report.placementId() + ":approved:" + report.version() + ":"
					+ coordinator.id().value(), report, news, ChatMessage.builder(news).paragraph(news)
						.context(t("endReport.coordinator.where", theirs, placement.getId())).build());
		}
	}

	private void send(Person person, String key, EndReport report, String subject, ChatMessage message) {
		if (person.hasChat()) {
			outbox.enqueue(Outgoing.to(person, key, MessageKind.NOTICE, report.placementId(), message));
		}
		else if (hasAddress(person) && mailer.configured()) {
			outbox.enqueue(Outgoing.email(key, MessageKind.NOTICE, report.placementId(), new OutboxMail(person.email(),
					person.name(), languages.of(person).toLanguageTag(), subject), message, java.util.List.of()));
		}
	}

	/** The report's sections as quotes under their headings (the participant's words: the renderer escapes them). */
	void sections(ChatMessage.Builder message, EndReport report, Locale locale) {
		report.sections().byId().forEach((id, words) -> message.quote(t("endReport.section." + id, locale),
				words.isBlank() ? "—" : words));
	}

	private static boolean hasAddress(Person person) {
		return person.email() != null && !person.email().isBlank();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
