package org.fieldnotes.slack.listeners.views;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.prompting.NotYourPrompt;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.HomeView;
import org.fieldnotes.slack.views.Modals;
import org.fieldnotes.slack.views.SlackTexts;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

/**
 * The status-update form, submitted: stored before the ack (keyed by the view id); a missing or wrong field keeps
 * the form open with an error on that field. The "saved" line goes out after the ack.
 */
@Component
class StatusUpdateSubmission implements SlackListener {

	private final StatusUpdates statusUpdates;
	private final Messenger messenger;
	private final SlackTexts texts;
	private final HomeView home;
	private final VisibilityControls visibility;

	StatusUpdateSubmission(StatusUpdates statusUpdates, Messenger messenger, SlackTexts texts, HomeView home,
			VisibilityControls visibility) {
		this.home = home;
		this.visibility = visibility;
		this.statusUpdates = statusUpdates;
		this.messenger = messenger;
		this.texts = texts;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(Modals.STATUS, (request, ctx) -> {
			View view = request.getPayload().getView();
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			Locale locale = texts.localeOf(member);
			Map<String, Map<String, ViewState.Value>> values = view.getState() == null ? Map.of()
					: view.getState().getValues();
			StatusUpdates.Report report = new StatusUpdates.Report(level(choice(values, Modals.STATUS_LEVEL)),
					text(values, Modals.PROGRESS), text(values, Modals.BLOCKERS), mood(choice(values, Modals.MOOD)));
			StatusUpdates.Submitted submitted;
			try {
				submitted = statusUpdates.submit(member, report, view.getPrivateMetadata(), "slack-view:" + view.getId(),
						Modals.chosenVisibility(view).orElse(null));
			}
			catch (NotYourPrompt e) {
				return ctx.ack(r -> r.responseAction("errors")
					.errors(Map.of(Modals.STATUS_LEVEL, texts.t("prompt.notYours", locale))));
			}
			switch (submitted.outcome()) {
				case INVALID: {
					Map<String, String> errors = new LinkedHashMap<>();
					for (StatusUpdates.Field field : submitted.invalid()) {
						errors.put(blockOf(field), texts.t("status.error." + field.name(), locale));
					}
					return ctx.ack(r -> r.responseAction("errors").errors(errors));
				}
				case NOT_ENROLLED:
					return ctx.ack(r -> r.responseAction("errors")
						.errors(Map.of(Modals.STATUS_LEVEL, texts.t("notEnrolled", locale))));
				case CLOSED:
					return ctx.ack(r -> r.responseAction("errors")
						.errors(Map.of(Modals.STATUS_LEVEL, texts.t("prompt.closed", locale))));
				case SAVED:
					Confirmations.saved(app, messenger, texts, visibility, home, ctx.client(), member, locale,
							VisibilityChoice.Kind.STATUS_UPDATE, submitted.update().id(), submitted.update().visibility());
					return ctx.ack();
				default:
					return ctx.ack();
			}
		});
	}

	private static String blockOf(StatusUpdates.Field field) {
		switch (field) {
			case STATUS:
				return Modals.STATUS_LEVEL;
			case PROGRESS:
				return Modals.PROGRESS;
			default:
				return Modals.MOOD;
		}
	}

	private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
		ViewState.Value value = values.getOrDefault(block, Map.of()).get(Modals.TEXT);
		return value == null ? null : value.getValue();
	}

	private static String choice(Map<String, Map<String, ViewState.Value>> values, String block) {
		ViewState.Value value = values.getOrDefault(block, Map.of()).get(Modals.CHOICE);
		return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
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
}
