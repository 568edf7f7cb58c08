package org.fieldnotes.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.goals.GoalTracks;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.Prompt;
import org.fieldnotes.prompting.PromptHistory;
import org.springframework.stereotype.Service;

/**
 * Composes a participant's portfolio from their own placement only: there is no way to name someone else's. Each
 * item is asked of {@link AccessPolicy} ({@link Operation#READ_ITEM}) for the asker, and must be their own: a
 * private entry is in it, since it is theirs; nobody else's words ever are.
 */
@Service
public class Portfolios {

	/** The prompt kind whose answers are the lessons learnt (the {@code last-week-lessons-learnt} prompt's). */
	static final String LESSONS_LEARNT = "lessons-learnt";

	private final AccessPolicy access;
	private final PlacementManagement placements;
	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final ReportTexts texts;
	private final Clock clock;
	private final GoalTracks goals;

	Portfolios(AccessPolicy access, PlacementManagement placements, Logbook logbook, StatusUpdates statusUpdates,
			PromptHistory prompts, ReportTexts texts, Clock clock, GoalTracks goals) {
		this.goals = goals;
		this.access = access;
		this.placements = placements;
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * The asker's portfolio of their current placement (else their latest, ended ones too), as they chose it.
	 * @return empty when the asker has never been a participant
	 */
	public Optional<Portfolio> of(ChatAccount asker, PortfolioChoice choice, Locale locale) {
		Actor actor = access.member(asker);
		if (actor.person() == null) {
			return Optional.empty();
		}
		return placements.currentOrLatestFor(actor.person()).map(placement -> compose(actor, placement, choice, locale));
	}

	/** Whether a day is in the period the participant chose (from the start, up to today, when they chose none). */
	private static boolean inPeriod(LocalDate day, PortfolioChoice choice, LocalDate today) {
		return (choice.from() == null || !day.isBefore(choice.from()))
				&& !day.isAfter(choice.to() != null ? choice.to() : today);
	}

	Portfolio compose(Actor actor, Placement placement, PortfolioChoice choice, Locale locale) {
		ZoneId zone = placement.getParticipant().zone();
		String own = actor.person().value();
		List<Portfolio.Item> all = new ArrayList<>();
		List<String> lessonIds = new ArrayList<>();
		for (LogbookEntry entry : logbook.entries(placement.getId(), false)) {
			if (!own.equals(entry.authorId()) || !access.permits(actor, Operation.READ_ITEM,
					Target.item(placement, entry.authorId(), entry.visibility()))) {
				continue;
			}
			LocalDate day = entry.createdAt().atZone(zone).toLocalDate();
			Optional<Prompt> prompt = entry.promptId() == null ? Optional.empty() : prompts.prompt(entry.promptId());
			boolean answer = entry.source() == EntrySource.PROMPT_REPLY || entry.promptId() != null;
			String heading = answer ? texts.promptTitle(entry.promptId(), locale)
					: texts.t("report.portfolio.entry", locale);
			all.add(new Portfolio.Item(0, entry.id(), answer ? PortfolioPart.ANSWERS : PortfolioPart.ENTRIES,
					entry.createdAt(), day, placement.weekNumberOn(day), heading, entry.text(), null, null));
			if (prompt.map(p -> LESSONS_LEARNT.equals(p.kind())).orElse(false)) {
				lessonIds.add(entry.id());
			}
		}
		for (StatusUpdate update : statusUpdates.of(placement.getId())) {
			if (!own.equals(update.authorId()) || !access.permits(actor, Operation.READ_ITEM,
					Target.item(placement, update.authorId(), update.visibility()))) {
				continue;
			}
			LocalDate day = update.createdAt().atZone(zone).toLocalDate();
			all.add(new Portfolio.Item(0, update.id(), PortfolioPart.STATUS, update.createdAt(), day,
					placement.weekNumberOn(day), texts.t("report.portfolio.status", locale),
					update.progress() == null ? "" : update.progress(),
					texts.t("report.portfolio.status.detail", locale, texts.t("roles.rag." + update.status(), locale),
							update.mood()),
					update.blockers() == null || update.blockers().isBlank() ? null : update.blockers()));
		}
		all.sort(Comparator.comparing(Portfolio.Item::at).thenComparing(Portfolio.Item::id));
		List<Portfolio.Item> lessons = new ArrayList<>();
		List<Portfolio.Item> items = new ArrayList<>();
		int leftOut = 0;
		for (int i = 0; i < all.size(); i++) {
			Portfolio.Item item = all.get(i);
			int number = i + 1;
			if (!choice.includes(item.part(), item.date(), number)) {
				leftOut++;
				continue;
			}
			Portfolio.Item numbered = new Portfolio.Item(number, item.id(), item.part(), item.at(), item.date(),
					item.week(), item.heading(), item.text(), item.detail(), item.blockers());
			(lessonIds.contains(item.id()) ? lessons : items).add(numbered);
		}
		LocalDate today = clock.instant().atZone(zone).toLocalDate();
		return new Portfolio(placement.getParticipant().name(), placement.getProgram(),
				placement.getHostOrganisation(), placement.getStartDate(), placement.getEndDate(),
				choice.from() != null ? choice.from() : placement.getStartDate(),
				choice.to() != null ? choice.to() : today,
				// each goal with the months it moved, and the participant's notes (their own) of the period chosen
				goals.lines(placement, month -> inPeriod(month.answeredAt().atZone(zone).toLocalDate(), choice, today)
						&& access.permits(actor, Operation.READ_ITEM, Target.item(placement, own, month.visibility())),
						true, locale),
				lessons, items, leftOut,
				locale, placement.getAddedValue());
	}
}
