package org.fieldnotes.commands;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.people.PersonLookup;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.Role;
import org.fieldnotes.report.Meeting;
import org.fieldnotes.report.MeetingBriefs;
import org.fieldnotes.report.Meetings;
import org.fieldnotes.report.ReportTexts;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes meeting @person date:YYYY-MM-DD [title:"…"]}: schedules a steering meeting of the mentioned
 * participant's placement (not ended); its readers get the brief some work days before. Without {@code date:} it
 * lists the placement's meetings. For an admin of the placement's programme or one of its coaches; anyone else is
 * told they coach no such placement, and learns nothing of it. Audited as {@code meeting}.
 */
@Component
class MeetingCommand implements Subcommand {

	private static final Pattern DATE = Pattern.compile("(?i)\\bdate:(\\S*)");
	private static final Pattern TITLE = Pattern.compile("(?i)\\btitle:(?:\"([^\"]*)\"|“([^”]*)”|(\\S+))");

	private final AccessPolicy access;
	private final PersonLookup people;
	private final PlacementManagement placements;
	private final Meetings meetings;
	private final MeetingBriefs briefs;
	private final Replies replies;
	private final ReportTexts texts;
	private final AuditLog audit;

	MeetingCommand(AccessPolicy access, PersonLookup people, PlacementManagement placements, Meetings meetings,
			MeetingBriefs briefs, Replies replies, ReportTexts texts, AuditLog audit) {
		this.access = access;
		this.people = people;
		this.placements = placements;
		this.meetings = meetings;
		this.briefs = briefs;
		this.replies = replies;
		this.texts = texts;
		this.audit = audit;
	}

	@Override
	public String name() {
		return "meeting";
	}

	@Override
	public int helpOrder() {
		return 58;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		Optional<ChatAccount> mentioned = invocation.mention();
		if (mentioned.isEmpty()) {
			return replies.usage(texts.t("report.meeting.whom", locale), name(), locale);
		}
		Actor actor = access.member(invocation.caller());
		Optional<Placement> placement = people.find(mentioned.get()).flatMap(p -> placements.currentFor(p.id()))
			.filter(p -> p.getStatus() != PlacementStatus.ENDED)
			.filter(p -> mayArrange(actor, p));
		if (placement.isEmpty()) {
			return replies.text("report.meeting.notYours", locale);
		}
		Matcher date = DATE.matcher(invocation.rest());
		if (!date.find()) {
			return list(placement.get(), locale);
		}
		LocalDate day;
		try {
			day = LocalDate.parse(date.group(1));
		}
		catch (DateTimeParseException e) {
			return replies.usage(texts.t("report.meeting.date", locale, date.group(0)), name(), locale);
		}
		Matcher titled = TITLE.matcher(invocation.rest());
		String title = !titled.find() ? null
				: titled.group(1) != null ? titled.group(1) : titled.group(2) != null ? titled.group(2) : titled.group(3);
		Placement p = placement.get();
		try {
			Meeting meeting = meetings.schedule(p, day, title, invocation.actor());
			audit.record(invocation.actor(), "meeting", p.getId(), p.getParticipant().id().value(), AuditLog.DONE,
					"on " + meeting.date());
			return replies.text("report.meeting.scheduled", locale, p.getParticipant().name(),
					texts.date(meeting.date(), locale), texts.date(
							briefs.dueAt(p, meeting.date()).atZone(p.getParticipant().zone()).toLocalDate(), locale));
		}
		catch (Meetings.Invalid e) {
			return replies.usage(texts.t("report.meeting.invalid." + e.field(), locale, Meetings.TITLE_LIMIT), name(),
					locale);
		}
	}

	/** An admin of the placement's programme, or its academic or business coach. */
	private static boolean mayArrange(Actor actor, Placement placement) {
		if (actor.admin() && actor.coordinates(placement.getProgram())) {
			return true;
		}
		if (actor.person() == null) {
			return false;
		}
		List<Role> roles = placement.rolesOf(actor.person());
		return roles.contains(Role.ACADEMIC_COACH) || roles.contains(Role.BUSINESS_COACH);
	}

	private ChatMessage list(Placement placement, Locale locale) {
		List<Meeting> all = meetings.of(placement.getId());
		if (all.isEmpty()) {
			return replies.text("report.meeting.none", locale, placement.getParticipant().name());
		}
		ChatMessage.Builder message = ChatMessage.builder(texts.t("report.meeting.list", locale,
				placement.getParticipant().name()))
			.paragraph(texts.t("report.meeting.list", locale, placement.getParticipant().name()));
		for (Meeting meeting : all) {
			message.paragraph("• " + texts.date(meeting.date(), locale)
					+ (meeting.title() == null ? "" : " — " + meeting.title()));
		}
		return message.build();
	}
}
