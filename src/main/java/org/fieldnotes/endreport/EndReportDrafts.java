package org.fieldnotes.endreport;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.goals.GoalTracks;
import org.fieldnotes.prompting.PromptHistory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Drafts a report from the participant's own logbook, for them to edit: "what I did" from their status updates'
 * progress, week by week; "what I learnt" from their entries, the lessons-learnt answers first; their learning goals,
 * one a line, to say how each moved; "added value for the host" and "next steps" left for them to write. Only their
 * own words go in (the goals with the months they moved and the notes on them, from the monthly "Which goal
 * moved?"), and none they kept private or confidential to the academic coach: what they submit goes to the
 * manager. A section longer than {@link EndReportSections#MAX} keeps its first part.
 */
@Component
class EndReportDrafts {

	/** The prompt kind whose answers are the lessons learnt (the {@code last-week-lessons-learnt} prompt's). */
	static final String LESSONS_LEARNT = "lessons-learnt";

	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final MessageSource messages;
	private final GoalTracks goalTracks;

	EndReportDrafts(Logbook logbook, StatusUpdates statusUpdates, PromptHistory prompts, MessageSource messages,
			GoalTracks goalTracks) {
		this.goalTracks = goalTracks;
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.messages = messages;
	}

	EndReportSections draft(Placement placement, Locale locale) {
		String own = placement.getParticipant().id().value();
		ZoneId zone = placement.getParticipant().zone();
		List<String> did = new ArrayList<>();
		List<StatusUpdate> updates = new ArrayList<>(statusUpdates.of(placement.getId()));
		updates.sort(Comparator.comparing(StatusUpdate::createdAt));
		for (StatusUpdate update : updates) {
			if (own.equals(update.authorId()) && shareable(update.visibility()) && update.progress() != null
					&& !update.progress().isBlank()) {
				did.add(messages.getMessage("endReport.draft.week", new Object[] {
						placement.weekNumberOn(update.createdAt().atZone(zone).toLocalDate()) }, locale) + " "
						+ update.progress().strip());
			}
		}
		List<String> lessons = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (LogbookEntry entry : logbook.entries(placement.getId(), false)) {
			if (!own.equals(entry.authorId()) || !shareable(entry.visibility()) || entry.text() == null
					|| entry.text().isBlank()) {
				continue;
			}
			boolean lesson = entry.promptId() != null && prompts.prompt(entry.promptId())
				.map(p -> LESSONS_LEARNT.equals(p.kind())).orElse(false);
			(lesson ? lessons : others).add(entry.text().strip());
		}
		List<String> learnt = new ArrayList<>(lessons);
		learnt.addAll(others);
		// each goal with the months it moved (the monthly "Which goal moved?") and the notes they may share
		List<String> goals = goalTracks.lines(placement, GoalTracks.byVisibility(EndReportDrafts::shareable), true, locale).stream()
			.map(goal -> "• " + goal + ": ")
			.toList();
		return new EndReportSections(join(did), join(learnt), join(goals), "", "");
	}

	private static boolean shareable(Visibility visibility) {
		return visibility != Visibility.PRIVATE && visibility != Visibility.CONFIDENTIAL;
	}

	private static String join(List<String> lines) {
		String all = String.join("\n\n", lines);
		return all.length() <= EndReportSections.MAX ? all : all.substring(0, EndReportSections.MAX - 1) + "…";
	}
}
