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

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.hours.HoursAmount;
import org.fieldnotes.hours.HoursLog;
import org.fieldnotes.hours.HoursSummary;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.signoff.WeekSignOff;
import org.fieldnotes.signoff.WeekSignOffs;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.PromptHistory;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes me}: the participant's placement, next prompt and this week's entries; for a coach or manager,
 * the placements they follow.
 */
@Component
class MeCommand implements Subcommand {

	private final PlacementManagement placements;
	private final Logbook logbook;
	private final PromptHistory prompts;
	private final Replies replies;
	private final Clock clock;
	private final Programs programs;
	private final WeekSignOffs signOffs;
	private final HoursLog hours;

	MeCommand(PlacementManagement placements, Logbook logbook, PromptHistory prompts, Replies replies, Clock clock,
			Programs programs, WeekSignOffs signOffs, HoursLog hours) {
		this.hours = hours;
		this.programs = programs;
		this.signOffs = signOffs;
		this.placements = placements;
		this.logbook = logbook;
		this.prompts = prompts;
		this.replies = replies;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "me";
	}

	@Override
	public int helpOrder() {
		return 20;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		Optional<Placement> current = placements.currentFor(invocation.caller());
		if (current.isEmpty()) {
			return following(invocation.caller(), locale);
		}
		Placement placement = current.get();
		ZoneId zone = placement.getParticipant().zone();
		LocalDate today = placement.dateAt(clock.instant());
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		int week = placement.weekNumberOn(today);
		String next = prompts.next(placement)
			.map(u -> replies.t("me.next", locale,
					DateTimeFormatter.ofPattern("EEEE d MMM HH:mm", locale).format(u.due().local()),
					u.prompt().title(locale)))
			.orElse(replies.t(placement.isActive() ? "me.noNext" : "me.paused", locale));
		long thisWeek = logbook.countSince(placement.getId(),
				today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant());
		ChatMessage.Builder me = ChatMessage.builder(replies.t("me.heading", locale))
			.heading(replies.t("me.heading", locale))
			.paragraph(replies.t("me.placement", locale, placement.getHostOrganisation(), placement.getProgram(),
					date.format(placement.getStartDate()), date.format(placement.getEndDate()), week,
					placement.totalWeeks()))
			.context(followers(placement, locale))
			.paragraph(next)
			.paragraph(replies.t("me.entries", locale, thisWeek));
		if (placement.getAddedValue() != null) {
			me.quote(replies.t("me.addedValue", locale), placement.getAddedValue());
		}
		signOffs(me, placement, locale);
		hours(me, placement, today, locale);
		return me.build();
	}

	/** Where the programme counts time (or hours were logged): the total against the requirement. */
	private void hours(ChatMessage.Builder me, Placement placement, LocalDate today, Locale locale) {
		Integer required = programs.of(placement.getProgram()).hoursRequired().orElse(null);
		HoursSummary summary = hours.summary(placement, required, today);
		if (required == null && summary.daysLogged() == 0) {
			return;
		}
		String logged = HoursAmount.hours(summary.loggedMinutes(), locale);
		me.paragraph(replies.t("hours.me.line", locale, required == null ? replies.t("cohort.hours.free", locale, logged)
				: replies.t("cohort.hours", locale, logged, required)));
	}

	/** Where the programme asks for host sign-off (or weeks were signed off): how many, and the latest. */
	private void signOffs(ChatMessage.Builder me, Placement placement, Locale locale) {
		List<WeekSignOff> signed = signOffs.of(placement.getId());
		if (signed.isEmpty() && !programs.of(placement.getProgram()).signsOff()) {
			return;
		}
		Optional<WeekSignOff> latest = signed.stream().reduce((first, second) -> second);
		me.paragraph(replies.t("signoff.me.line", locale, signed.size(), latest.map(WeekSignOff::week).orElse(0),
				latest.map(s -> replies.t("signoff.rating." + s.rating().key(), locale)).orElse("")));
		latest.filter(s -> s.comment() != null)
			.ifPresent(s -> me.quote(placement.getManager() == null ? "" : placement.getManager().name(), s.comment()));
	}

	private ChatMessage following(ChatAccount member, Locale locale) {
		List<Placement> followed = placements.followedBy(member);
		if (followed.isEmpty()) {
			return replies.text("notEnrolled", locale);
		}
		return ChatMessage.builder(replies.t("me.following", locale, followed.size()))
			.paragraph(replies.t("me.following", locale, followed.size()))
			.items(followed.stream()
				.map(p -> new Item(p.getParticipant().name(), PlacementLines.of(p, locale)))
				.toList())
			.build();
	}

	private String followers(Placement placement, Locale locale) {
		List<String> parts = new ArrayList<>();
		placement.followers()
			.forEach((role, person) -> parts
				.add(replies.t("me.follower", locale, person.name(), replies.t("role." + role, locale))));
		return parts.isEmpty() ? replies.t("me.noFollowers", locale) : String.join(" · ", parts);
	}
}
