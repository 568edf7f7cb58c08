package org.fieldnotes.goals;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.placement.VisibilityField;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly "Which goal moved?" form: one checkbox per learning goal (at most {@link Placement#MAX_GOALS}, within
 * Slack's ten options), one optional note per goal, and who may read the notes (the participant's default at first).
 * Its metadata is {@code <placement id>/<yyyy-MM>}. Only the placement's participant opens or submits it, for a
 * month from the placement's start up to this one. A submission is checked whole (a goal that is not one of theirs,
 * a note too long: the form comes back naming the field, in their language, and nothing is stored) and stored in one
 * write; a second submission for the month replaces the first.
 */
@Component
public class GoalProgressForms implements FormHandler {

	/** The form's id. */
	public static final String ID = "goal_progress";
	/** What the form turns into once the answer is stored. */
	public static final String THANKS = ID + "_thanks";
	/** The checkboxes: one option per goal, its value the goal's index. */
	public static final String MOVED = "moved";
	/** The note on goal {@code i} is field {@code NOTE + i}. */
	public static final String NOTE = "note_";
	/** The most characters a note takes. */
	public static final int MAX_NOTE = 500;

	private final GoalProgressRecords records;
	private final PlacementManagement placements;
	private final AccessPolicy access;
	private final VisibilityDefaults defaults;
	private final VisibilityField visibility;
	private final Languages languages;
	private final MessageSource messages;
	private final Clock clock;

	GoalProgressForms(GoalProgressRecords records, PlacementManagement placements, AccessPolicy access,
			VisibilityDefaults defaults, VisibilityField visibility, Languages languages, MessageSource messages,
			Clock clock) {
		this.records = records;
		this.placements = placements;
		this.access = access;
		this.defaults = defaults;
		this.visibility = visibility;
		this.languages = languages;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(ID);
	}

	/** The month's form (with what was answered before, if anything), or why the person may not answer it. */
	public FormOpening open(String value, ChatAccount member) {
		Locale locale = languages.of(member);
		Optional<Asked> asked = asked(value, member, Operation.GOAL_PROGRESS_BUTTON);
		if (asked.isEmpty()) {
			return FormOpening.instead(ChatMessage.text(t("goalProgress.notYours", locale)));
		}
		Placement placement = asked.get().placement();
		Optional<GoalProgress> before = records.of(placement.getId(), asked.get().month().toString());
		List<String> goals = placement.getLearningGoals();
		List<Option> options = new ArrayList<>();
		for (int i = 0; i < goals.size(); i++) {
			options.add(new Option(String.valueOf(i), goals.get(i)));
		}
		Form.Builder form = Form.builder(ID, t("goalProgress.form.title", locale))
			.metadata(value)
			.submit(t("goalProgress.form.submit", locale))
			.cancel(t("modal.cancel", locale))
			.note(t("goalProgress.form.intro", locale, monthName(asked.get().month(), locale)));
		form.field(Form.Field.checkboxes(MOVED, t("goalProgress.form.moved", locale), options)
			.optional()
			.initialValues(before.map(b -> b.goals().stream().filter(GoalProgress.Goal::moved)
				.filter(g -> g.index() < goals.size() && goals.get(g.index()).equals(g.goal()))
				.map(g -> String.valueOf(g.index())).toList()).orElse(List.of())));
		for (int i = 0; i < goals.size(); i++) {
			int index = i;
			Form.Field note = Form.Field.longText(NOTE + i, t("goalProgress.form.note", locale, i + 1, goals.get(i)))
				.optional()
				.maxLength(MAX_NOTE);
			Optional<String> written = before.flatMap(b -> b.goals().stream()
				.filter(g -> g.index() == index && goals.get(index).equals(g.goal()) && g.note() != null)
				.map(GoalProgress.Goal::note)
				.findFirst());
			form.field(written.map(note::initial).orElse(note));
		}
		Visibility initial = before.map(GoalProgress::visibility).orElse(defaults.of(member).visibility());
		form.field(visibility.field(initial, locale).hint(t("goalProgress.form.visibilityHint", locale)));
		return FormOpening.of(form.build());
	}

	@Override
	public FormOutcome submit(ChatAccount member, FormSubmission submission) {
		Locale locale = languages.of(member);
		Optional<Asked> asked = asked(submission.metadata(), member, Operation.GOAL_PROGRESS_FORM);
		if (asked.isEmpty()) {
			// on the form's first field: the platform shows an error only on a field the form has
			String first = submission.values().keySet().stream().findFirst().orElse(MOVED);
			return FormOutcome.invalid(first, t("goalProgress.notYours", locale));
		}
		Placement placement = asked.get().placement();
		List<String> goals = placement.getLearningGoals();
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> moved = submission.valuesOf(MOVED).stream().map(String::strip).toList();
		for (String index : moved) {
			if (!index.matches("\\d") || Integer.parseInt(index) >= goals.size()) {
				errors.put(MOVED, t("goalProgress.unknownGoal", locale));
			}
		}
		List<GoalProgress.Goal> answered = new ArrayList<>();
		for (int i = 0; i < goals.size(); i++) {
			String note = submission.value(NOTE + i);
			note = note == null || note.isBlank() ? null : note.strip();
			if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE) {
				errors.put(NOTE + i, t("goalProgress.tooLong", locale, MAX_NOTE));
			}
			answered.add(new GoalProgress.Goal(i, goals.get(i), moved.contains(String.valueOf(i)), note));
		}
		Optional<Visibility> chosen = VisibilityField.chosen(submission);
		if (submission.value(VisibilityField.ID) != null && chosen.isEmpty()) {
			errors.put(VisibilityField.ID, t("goalProgress.visibility", locale));
		}
		if (!errors.isEmpty()) {
			return FormOutcome.invalid(errors);
		}
		String month = asked.get().month().toString();
		records.replace(new GoalProgress(placement.getId() + "/" + month, placement.getId(),
				placement.getParticipant().id().value(), month, clock.instant(),
				chosen.orElse(defaults.of(member).visibility()), answered));
		Form thanks = Form.builder(THANKS, t("goalProgress.form.title", locale))
			.cancel(t("goalProgress.form.close", locale))
			.text(t("goalProgress.thanks", locale, moved.size()))
			.build();
		return FormOutcome.replacedBy(thanks, null);
	}

	private record Asked(Placement placement, YearMonth month) {
	}

	/**
	 * The placement and month the value names, when the member is the placement's participant, it has goals, and the
	 * month is one from its start up to this one.
	 */
	private Optional<Asked> asked(String value, ChatAccount member, Operation operation) {
		if (value == null || value.lastIndexOf('/') < 1) {
			return Optional.empty();
		}
		String placementId = value.substring(0, value.lastIndexOf('/'));
		YearMonth month;
		Placement placement;
		try {
			month = YearMonth.parse(value.substring(value.lastIndexOf('/') + 1));
			placement = placements.get(placementId);
		}
		catch (RuntimeException gone) { // a month that does not parse, a placement that is gone
			return Optional.empty();
		}
		YearMonth now = YearMonth.from(placement.dateAt(clock.instant()));
		if (placement.getLearningGoals().isEmpty() || month.isBefore(YearMonth.from(placement.getStartDate()))
				|| month.isAfter(now)
				|| access.decide(access.member(member), operation, Target.placement(placement)).denied()) {
			return Optional.empty();
		}
		return Optional.of(new Asked(placement, month));
	}

	private String monthName(YearMonth month, Locale locale) {
		return month.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale) + " "
				+ month.getYear();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
