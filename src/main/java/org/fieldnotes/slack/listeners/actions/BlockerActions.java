package org.fieldnotes.slack.listeners.actions;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.logbook.BlockerButtons;
import org.fieldnotes.slack.SlackListener;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;

/**
 * The "✓ Acknowledge blocker" and "Resolved" buttons under a blocker in a digest. Acknowledged to Slack at once;
 * then {@link BlockerButtons} acts (the participant is told) and the coach gets its answer ephemerally
 * ({@link FormButtons}: these buttons open no form). Someone who may not read the blocker is refused and nothing
 * changes.
 */
@Component
class BlockerActions implements SlackListener {

	private final BlockerButtons blockers;
	private final FormButtons buttons;

	BlockerActions(BlockerButtons blockers, FormButtons buttons) {
		this.blockers = blockers;
		this.buttons = buttons;
	}

	@Override
	public void register(App app) {
		for (String actionId : new String[] { BlockerButtons.ACKNOWLEDGE, BlockerButtons.RESOLVE }) {
			buttons.register(app, actionId, "blocker", (member, pressed, blockerId) -> blockers
				.press(member, pressed, blockerId)
				.map(done -> FormOpening.instead(ChatMessage.text(done.answer()))));
		}
	}
}
