package org.fieldnotes.logbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.placement.VisibilityField;
import org.fieldnotes.prompting.NotYourPrompt;
import org.fieldnotes.text.TextCut;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The status-update form (overall status 🟢🟠🔴, progress in a sentence, blockers if any, mood 1–5, who can see it)
 * and its submission: stored once per submission ({@link StatusUpdates}); a missing or wrong field keeps the form
 * open with an error on that field. Its metadata is the status-check prompt it answers, or empty.
 */
@Component
public class StatusForms implements FormHandler {

	/** The status-update form's id. */
	public static final String ID = "status_update";
	/** Its fields. */
	public static final String STATUS = "status", PROGRESS = "progress", BLOCKERS = "blockers", MOOD = "mood";
	/** Who the blocker is for ({@link BlockerOwner}), and the participant's unresolved blockers they tick as resolved. */
	public static final String BLOCKER_OWNER = "blocker_owner", RESOLVED = "blockers_resolved";
	static final int MAX_TEXT = 3000;
	/**
	 * The most "resolved" boxes a form shows: Slack's checkboxes take at most 10 options, and a form Slack refuses
	 * would leave the participant with no form at all. The oldest come first; the others wait for the next update.
	 */
	static final int MAX_RESOLVED_BOXES = 10;
	/** How much of a blocker's words a "resolved" box shows (Slack takes 150 characters; a box is a reminder). */
	static final int RESOLVED_LABEL = 75;

	private final StatusUpdates statusUpdates;
	private final PlacementManagement placements;
	private final Languages languages;
	private final VisibilityDefaults defaults;
	private final VisibilityField visibilityField;
	private final VisibilityControls visibility;
	private final MessageSource messages;
	private final Blockers blockers;

	StatusForms(StatusUpdates statusUpdates, PlacementManagement placements, Languages languages,
			VisibilityDefaults defaults, VisibilityField visibilityField, VisibilityControls visibility,
			MessageSource messages, Blockers blockers) {
		this.blockers = blockers;
		this.statusUpdates = statusUpdates;
		this.placements = placements;
		this.languages = languages;
		this.defaults = defaults;
		this.visibilityField = visibilityField;
		this.visibility = visibility;
		this.messages = messages;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(ID);
	}

	/** The form for a status update of the person's own accord; someone not enrolled is told so instead. */
	public FormOpening open(ChatAccount member) {
		Locale locale = localeOf(member);
		if (placements.currentFor(member).isEmpty()) {
			return FormOpening.instead(ChatMessage.text(t("notEnrolled", locale)));
		}
		return FormOpening.of(form(locale, null, defaults.of(member).visibility(), unresolvedOf(member)));
	}

	/** The unresolved blockers of the member's current placement, oldest first (none when not enrolled). */
	public List<Blocker> unresolvedOf(ChatAccount member) {
		return placements.currentFor(member).map(p -> blockers.unresolved(p.getId())).orElse(List.of());
	}

	/** The unresolved blockers of a placement, oldest first: the "resolved" boxes of a form opened from a prompt. */
	List<Blocker> unresolvedIn(String placementId) {
		return blockers.unresolved(placementId);
	}

	/**
	 * The form, without "resolved" boxes.
	 * @param occurrenceId the status-check prompt it answers, or {@literal null}
	 * @param initial who can see it, chosen at first
	 */
	public Form form(Locale locale, String occurrenceId, Visibility initial) {
		return form(locale, occurrenceId, initial, List.of());
	}

	/**
	 * The form.
	 * @param occurrenceId the status-check prompt it answers, or {@literal null}
	 * @param initial who can see it, chosen at first
	 * @param unresolved the participant's unresolved blockers: one "resolved" box each (no field when none); the
	 * participant's own words, shown only to them
	 */
	public Form form(Locale locale, String occurrenceId, Visibility initial, List<Blocker> unresolved) {
		List<Option> moods = new ArrayList<>();
		for (int mood = 5; mood >= 1; mood--) {
			moods.add(new Option(Integer.toString(mood), t("status.mood." + mood, locale)));
		}
		List<Option> levels = new ArrayList<>();
		for (OverallStatus level : OverallStatus.values()) {
			levels.add(new Option(level.name(), t("status." + level.name(), locale)));
		}
		Form.Builder form = Form.builder(ID, t("status.title", locale))
			.metadata(occurrenceId == null ? "" : occurrenceId)
			.submit(t("modal.save", locale))
			.cancel(t("modal.cancel", locale))
			.field(Form.Field.radio(STATUS, t("status.field.status", locale), levels))
			.field(Form.Field.text(PROGRESS, t("status.field.progress", locale)).maxLength(MAX_TEXT)
				.placeholder(t("status.field.progress.hint", locale)))
			.field(Form.Field.longText(BLOCKERS, t("status.field.blockers", locale)).optional().maxLength(MAX_TEXT))
			.field(Form.Field.select(BLOCKER_OWNER, t("status.field.blockerOwner", locale), owners(locale))
				.optional().initial(BlockerOwner.PARTICIPANT.name()))
			.field(Form.Field.select(MOOD, t("status.field.mood", locale), moods)
				.placeholder(t("status.field.mood.hint", locale)))
			.field(visibilityField.field(initial, locale));
		if (!unresolved.isEmpty()) {
			form.field(Form.Field.checkboxes(RESOLVED, t("status.field.resolved", locale), unresolved.stream()
				.limit(MAX_RESOLVED_BOXES)
				.map(b -> new Option(b.id(), TextCut.cut(b.text().strip().replaceAll("\\s+", " "), RESOLVED_LABEL)))
				.toList()).optional());
		}
		return form.build();
	}

	private List<Option> owners(Locale locale) {
		List<Option> owners = new ArrayList<>();
		for (BlockerOwner owner : BlockerOwner.values()) {
			owners.add(new Option(owner.name(), t("status.field.blockerOwner." + owner.name(), locale)));
		}
		return owners;
	}

	/** Stored before the platform is answered; the "saved" message and the Home follow after. */
	@Override
	public FormOutcome submit(ChatAccount member, FormSubmission submission) {
		Locale locale = localeOf(member);
		StatusUpdates.Report report = new StatusUpdates.Report(level(submission.value(STATUS)),
				submission.value(PROGRESS), submission.value(BLOCKERS), mood(submission.value(MOOD)),
				BlockerOwner.parse(submission.value(BLOCKER_OWNER)).orElse(null), submission.valuesOf(RESOLVED));
		StatusUpdates.Submitted submitted;
		try {
			submitted = statusUpdates.submit(member, report, submission.metadata(), submission.key(),
					VisibilityField.chosen(submission).orElse(null));
		}
		catch (NotYourPrompt e) {
			return FormOutcome.invalid(STATUS, t("prompt.notYours", locale));
		}
		switch (submitted.outcome()) {
			case INVALID: {
				Map<String, String> errors = new LinkedHashMap<>();
				for (StatusUpdates.Field field : submitted.invalid()) {
					errors.put(fieldOf(field), t("status.error." + field.name(), locale));
				}
				return FormOutcome.invalid(errors);
			}
			case NOT_ENROLLED:
				return FormOutcome.invalid(STATUS, t("notEnrolled", locale));
			case CLOSED:
				return FormOutcome.invalid(STATUS, t("prompt.closed", locale));
			case SAVED: {
				StatusUpdate update = submitted.update();
				return FormOutcome.done(() -> visibility.confirmSaved(member, VisibilityChoice.Kind.STATUS_UPDATE,
						update.id(), update.visibility(), locale)).refreshingHome();
			}
			default:
				return FormOutcome.done();
		}
	}

	private static String fieldOf(StatusUpdates.Field field) {
		switch (field) {
			case STATUS:
				return STATUS;
			case PROGRESS:
				return PROGRESS;
			default:
				return MOOD;
		}
	}

	private static OverallStatus level(String value) {
		try {
			return value == null ? null : OverallStatus.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static Integer mood(String value) {
		try {
			return value == null ? null : Integer.valueOf(value);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private Locale localeOf(ChatAccount member) {
		return languages.of(member);
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
