package org.fieldnotes.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.goals.GoalTracks;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Role;
import org.fieldnotes.prompting.Prompt;
import org.fieldnotes.prompting.PromptHistory;
import org.springframework.stereotype.Service;

/**
 * Generates a placement's steering-meeting brief for one reader and records that it did ({@code briefs}). What the
 * reader may read is {@link AccessPolicy}'s to say, item by item ({@link Operation#READ_ITEM}): a coach reads what
 * their digest would show, an admin what is shared beyond the academic coach; a private item never appears.
 */
@Service
public class SteeringBriefs {

	/** How far back a brief looks when none was generated for the placement before and no day is given. */
	public static final int DEFAULT_DAYS = 90;
	/** The reader role of an admin (a coordinator, or an admin API token). */
	public static final String ADMIN = "admin";
	/** The most specific reader first, as {@link AccessPolicy} takes a person who holds several roles. */
	private static final List<Role> ROLE_ORDER = List.of(Role.ACADEMIC_COACH, Role.BUSINESS_COACH, Role.MANAGER);

	private final AccessPolicy access;
	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final BriefRecords records;
	private final ReportTexts texts;
	private final Clock clock;
	private final GoalTracks goals;

	SteeringBriefs(AccessPolicy access, Logbook logbook, StatusUpdates statusUpdates, PromptHistory prompts,
			BriefRecords records, ReportTexts texts, Clock clock, GoalTracks goals) {
		this.goals = goals;
		this.access = access;
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.records = records;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * The role a chat member reads the placement's brief in: the most specific role they follow it in, else
	 * {@link #ADMIN} for an admin; empty when they may not have its brief at all.
	 */
	public Optional<String> readerRole(Actor actor, Placement placement) {
		if (actor.person() != null) {
			List<Role> roles = placement.rolesOf(actor.person());
			for (Role role : ROLE_ORDER) {
				if (roles.contains(role)) {
					return Optional.of(role.name().toLowerCase(Locale.ROOT));
				}
			}
		}
		// an admin limited to programmes reads the briefs of theirs only
		return actor.admin() && actor.coordinates(placement.getProgram()) ? Optional.of(ADMIN) : Optional.empty();
	}

	/**
	 * The brief since a day (the participant's date), else since the placement's last brief, else
	 * {@link #DEFAULT_DAYS} days back; recorded as generated now.
	 */
	public SteeringBrief generate(Actor reader, String readerRole, Placement placement, LocalDate since,
			Locale locale) {
		ZoneId zone = placement.getParticipant().zone();
		Instant now = clock.instant();
		LocalDate today = now.atZone(zone).toLocalDate();
		Optional<BriefRecord> previous = records.latest(placement.getId());
		LocalDate from = since != null ? since
				: previous.map(r -> r.generatedAt().atZone(zone).toLocalDate()).orElse(today.minusDays(DEFAULT_DAYS));
		Instant start = from.atStartOfDay(zone).toInstant();

		List<SteeringBrief.Entry> entries = new ArrayList<>();
		List<SteeringBrief.Action> actions = new ArrayList<>();
		for (LogbookEntry entry : logbook.entries(placement.getId(), false)) {
			if (entry.createdAt().isBefore(start) || !readable(reader, placement, entry.authorId(), entry)) {
				continue;
			}
			LocalDate day = entry.createdAt().atZone(zone).toLocalDate();
			Prompt prompt = entry.promptId() == null ? null : prompts.prompt(entry.promptId()).orElse(null);
			entries.add(new SteeringBrief.Entry(entry.id(), day, placement.weekNumberOn(day),
					entry.promptId() == null ? null : texts.promptTitle(entry.promptId(), locale),
					entry.visibility().key(), entry.text()));
			NowWhatPlans.in(prompt, entry.text())
				.ifPresent(plan -> actions.add(new SteeringBrief.Action(entry.id(), day, plan)));
		}
		List<StatusUpdate> updates = statusUpdates.of(placement.getId()).stream()
			.filter(u -> !u.createdAt().isBefore(start))
			.filter(u -> access.permits(reader, Operation.READ_ITEM, Target.item(placement, u.authorId(), u.visibility())))
			.toList();
		List<SteeringBrief.Week> trend = new ArrayList<>();
		int first = placement.weekNumberOn(from.isBefore(placement.getStartDate()) ? placement.getStartDate() : from);
		for (int week = first; week <= placement.weekNumberOn(today); week++) {
			LocalDate weekStart = placement.getStartDate().plusDays(7L * (week - 1));
			Instant weekFrom = weekStart.atStartOfDay(zone).toInstant();
			Instant weekUntil = weekStart.plusDays(7).atStartOfDay(zone).toInstant();
			Optional<StatusUpdate> latest = updates.stream()
				.filter(u -> !u.createdAt().isBefore(weekFrom) && u.createdAt().isBefore(weekUntil))
				.findFirst();
			trend.add(new SteeringBrief.Week(week, weekStart,
					latest.map(u -> u.status().name().toLowerCase(Locale.ROOT)).orElse(null),
					latest.map(StatusUpdate::mood).orElse(null)));
		}
		records.record(placement.getId(), readerRole, from, now);
		return new SteeringBrief(placement.getId(), placement.getParticipant().name(), placement.getProgram(),
				placement.getHostOrganisation(), readerRole, from, today,
				previous.map(BriefRecord::generatedAt).orElse(null), goalLines(reader, placement, locale), entries, trend,
				BriefBlockers.of(updates, zone), actions, placement.getAddedValue());
	}

	/**
	 * Each goal with the months it moved (for every reader of the brief) and the participant's notes this reader may
	 * read, as an entry of the same visibility: a private note never, a confidential one only to the academic coach.
	 */
	private List<String> goalLines(Actor reader, Placement placement, Locale locale) {
		String participant = placement.getParticipant().id().value();
		return goals.lines(placement, GoalTracks.byVisibility(
				v -> access.permits(reader, Operation.READ_ITEM, Target.item(placement, participant, v))), true, locale);
	}

	private boolean readable(Actor reader, Placement placement, String authorId, LogbookEntry entry) {
		return access.permits(reader, Operation.READ_ITEM, Target.item(placement, authorId, entry.visibility()));
	}
}
