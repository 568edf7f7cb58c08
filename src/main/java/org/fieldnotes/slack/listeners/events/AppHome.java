package org.fieldnotes.slack.listeners.events;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.home.HomeScreens;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;

/** {@code app_home_opened}: acknowledged at once, then the person's Home is published. */
@Component
class AppHome implements SlackListener {

	private final HomeScreens home;

	AppHome(HomeScreens home) {
		this.home = home;
	}

	@Override
	public void register(App app) {
		app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
			AppHomeOpenedEvent event = payload.getEvent();
			if (!"home".equals(event.getTab()) || event.getUser() == null || event.getUser().isBlank()) {
				return ctx.ack();
			}
			ChatAccount member = SlackMemberReferences.member(ctx, event.getUser());
			app.executorService().execute(() -> home.show(member));
			return ctx.ack();
		});
	}
}
