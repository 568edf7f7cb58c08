package org.fieldnotes.slack.listeners.events;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.model.event.UserChangeEvent;

/**
 * {@code user_change} with {@code deleted: true}: a member was deactivated. Their active placements are paused at
 * once, so no prompt goes to an account that cannot read it; admins see "paused" in the cohort digest and resume or
 * end the placement. Any other change of a profile is acknowledged and ignored.
 */
@Component
class DeactivatedMembers implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(DeactivatedMembers.class);

	private final PlacementManagement placements;

	DeactivatedMembers(PlacementManagement placements) {
		this.placements = placements;
	}

	@Override
	public void register(App app) {
		app.event(UserChangeEvent.class, (payload, ctx) -> {
			UserChangeEvent event = payload.getEvent();
			if (event.getUser() != null && event.getUser().isDeleted() && event.getUser().getId() != null) {
				ChatAccount member = SlackMemberReferences.member(ctx, event.getUser().getId());
				for (Placement paused : placements.pauseParticipant(member)) {
					log.warn("Placement {} paused: its participant was deactivated in Slack", paused.getId());
				}
			}
			return ctx.ack();
		});
	}
}
