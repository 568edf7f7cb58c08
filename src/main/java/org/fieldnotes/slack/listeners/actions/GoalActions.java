package org.fieldnotes.slack.listeners.actions;

import java.util.Optional;

import org.fieldnotes.goals.GoalButtons;
import org.fieldnotes.goals.GoalProgressForms;
import org.fieldnotes.slack.SlackListener;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;

/**
 * "Which goal moved?" under the month's first prompt: acknowledged at once; then the month's goal-progress modal
 * opens, or whoever pressed it is told ephemerally that it is not theirs to answer ({@link FormButtons}).
 */
@Component
class GoalActions implements SlackListener {

	private final GoalProgressForms forms;
	private final FormButtons buttons;

	GoalActions(GoalProgressForms forms, FormButtons buttons) {
		this.forms = forms;
		this.buttons = buttons;
	}

	@Override
	public void register(App app) {
		buttons.register(app, GoalButtons.MOVED, "goal-progress",
				(member, actionId, value) -> Optional.of(forms.open(value, member)));
	}
}
