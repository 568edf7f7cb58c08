package org.fieldnotes.slack.listeners.actions;

import java.util.Optional;

import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.survey.SurveyButtons;
import org.fieldnotes.survey.SurveyForms;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;

/**
 * "Answer the survey" under a survey message: acknowledged at once; then the survey's modal opens, or whoever
 * pressed it is told ephemerally that it is not theirs to answer ({@link FormButtons}).
 */
@Component
class SurveyActions implements SlackListener {

	private final SurveyForms forms;
	private final FormButtons buttons;

	SurveyActions(SurveyForms forms, FormButtons buttons) {
		this.forms = forms;
		this.buttons = buttons;
	}

	@Override
	public void register(App app) {
		buttons.register(app, SurveyButtons.OPEN, "survey",
				(member, actionId, sendId) -> Optional.of(forms.open(sendId, member)));
	}
}
