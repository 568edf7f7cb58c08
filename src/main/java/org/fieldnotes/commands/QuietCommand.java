package org.fieldnotes.commands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.Reachability;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes who-is-quiet} (admins): participants of active placements who have written nothing for 14 days
 * or more, the longest silence first; and after them, the people of active placements their chat platform cannot
 * reach yet (on Teams: the app is not installed for them), with what reaches them meanwhile. Silence counts from the latest entry, or, for someone who never wrote, from the
 * placement's start (so nobody is "quiet" in their first two weeks).
 */
@Component
class QuietCommand implements Subcommand {

	static final Duration QUIET = Duration.ofDays(14);

	private final PlacementManagement placements;
	private final Logbook logbook;
	private final Replies replies;
	private final Clock clock;
	private final Reachability reachability;

	QuietCommand(PlacementManagement placements, Logbook logbook, Replies replies, Clock clock,
			Reachability reachability) {
		this.reachability = reachability;
		this.placements = placements;
		this.logbook = logbook;
		this.replies = replies;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "who-is-quiet";
	}

	@Override
	public int helpOrder() {
		return 160;
	}

	private record Silence(Placement placement, Instant since, boolean never) {
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		Instant now = clock.instant();
		List<Silence> quiet = new ArrayList<>();
		for (Placement p : placements.active()) {
			Optional<Instant> last = logbook.lastSharedEntryAt(p.getId());
			Instant since = last.orElseGet(() -> p.getStartDate().atStartOfDay(p.getParticipant().zone()).toInstant());
			if (!since.plus(QUIET).isAfter(now)) {
				quiet.add(new Silence(p, since, last.isEmpty()));
			}
		}
		quiet.sort(Comparator.comparing(Silence::since).thenComparing(s -> s.placement().getParticipant().name()));
		String heading = replies.t("quiet.heading", locale, quiet.size());
		List<Reachability.Waiting> unreachable = notYetReachable();
		if (quiet.isEmpty() && unreachable.isEmpty()) {
			return ChatMessage.text(replies.t("quiet.none", locale));
		}
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		var message = ChatMessage.builder(heading);
		if (quiet.isEmpty()) {
			message.paragraph(replies.t("quiet.none", locale));
		}
		else {
			message.heading(heading);
		}
		for (int i = 0; i < quiet.size(); i += 20) {
			message.items(quiet.subList(i, Math.min(quiet.size(), i + 20)).stream().map(s -> {
				Placement p = s.placement();
				ZoneId zone = p.getParticipant().zone();
				String where = p.getHostOrganisation() + " · " + p.getProgram();
				String text = s.never() ? replies.t("quiet.never", locale, where, date.format(p.getStartDate()))
						: replies.t("quiet.line", locale, where, date.format(LocalDate.ofInstant(s.since(), zone)),
								Duration.between(s.since(), now).toDays());
				return new ChatMessage.Item(p.getParticipant().name(), text);
			}).toList());
		}
		if (!unreachable.isEmpty()) {
			// who cannot be reached in their chat yet (on Teams: the app is not installed for them)
			message.heading(replies.t("cohort.unreachable.heading", locale));
			for (int i = 0; i < unreachable.size(); i += 20) {
				message.items(unreachable.subList(i, Math.min(unreachable.size(), i + 20)).stream()
					.map(w -> new ChatMessage.Item(w.person().name(),
							replies.t(w.byEmail() ? "cohort.unreachable.email" : "cohort.unreachable.nothing", locale,
									replies.t("reach.platform." + w.account().platform(), locale))))
					.toList());
			}
		}
		return message.build();
	}

	/** The people of active placements whom their chat platform cannot reach yet. */
	private List<Reachability.Waiting> notYetReachable() {
		List<Person> people = new ArrayList<>();
		for (Placement p : placements.active()) {
			people.addAll(java.util.Arrays.asList(p.getParticipant(), p.getAcademicCoach(), p.getBusinessCoach(),
					p.getManager()));
		}
		return reachability.notYetReachable(people);
	}
}
