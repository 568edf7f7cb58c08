package org.fieldnotes.slack.listeners.actions;

import java.util.regex.Pattern;

import org.fieldnotes.signoff.WeekSignOffButtons;
import org.fieldnotes.slack.SlackListener;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;

/**
 * The Green, Amber and Red buttons under a week sent to its manager for sign-off. Acknowledged to Slack at once; then
 * {@link WeekSignOffButtons} decides: the sign-off form opens as a modal, or an ephemeral answer says why not
 * ({@link FormButtons}). Anyone but the placement's manager is refused and nothing opens.
 */
@Component
class WeekSignOffActions implements SlackListener {

	private static final Pattern ACTIONS = Pattern.compile("^" + Pattern.quote(WeekSignOffButtons.PREFIX) + "[a-z]+$");

	private final WeekSignOffButtons signOff;
	private final FormButtons buttons;

	WeekSignOffActions(WeekSignOffButtons signOff, FormButtons buttons) {
		this.signOff = signOff;
		this.buttons = buttons;
	}

	@Override
	public void register(App app) {
		buttons.register(app, ACTIONS, "week sign-off", signOff::press);
	}
}
