package org.fieldnotes.slack.listeners.actions;

import org.fieldnotes.endreport.EndReportButtons;
import org.fieldnotes.slack.SlackListener;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;

/**
 * The Approve and Return buttons under an end-of-placement report sent to its manager. Acknowledged to Slack at once;
 * then {@link EndReportButtons} decides: Approve answers ephemerally, Return opens the comment modal
 * ({@link FormButtons}). Anyone but the placement's manager is refused and nothing changes.
 */
@Component
class EndReportActions implements SlackListener {

	private final EndReportButtons endReport;
	private final FormButtons buttons;

	EndReportActions(EndReportButtons endReport, FormButtons buttons) {
		this.endReport = endReport;
		this.buttons = buttons;
	}

	@Override
	public void register(App app) {
		for (String actionId : new String[] { EndReportButtons.APPROVE, EndReportButtons.RETURN }) {
			buttons.register(app, actionId, "end-report", endReport::press);
		}
	}
}
