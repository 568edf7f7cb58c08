package org.fieldnotes.slack.listeners.actions;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.OwnEntries;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.views.HomeView;
import org.fieldnotes.slack.views.Modals;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;

/**
 * The App Home's buttons and entry menus: acknowledged at once, then the right modal opens. Only the author of an
 * entry gets its edit or delete form; for anyone else (or a deleted entry) the Home is simply published afresh.
 */
@Component
class HomeActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(HomeActions.class);

	private final OwnEntries entries;
	private final HomeView home;
	private final Modals modals;
	private final SlackTexts texts;

	HomeActions(OwnEntries entries, HomeView home, Modals modals, SlackTexts texts) {
		this.entries = entries;
		this.home = home;
		this.modals = modals;
		this.texts = texts;
	}

	@Override
	public void register(App app) {
		app.blockAction(HomeView.WRITE, (request, ctx) -> {
			String userId = request.getPayload().getUser().getId();
			String trigger = request.getPayload().getTriggerId();
			app.executorService().execute(() -> PromptActions.open(ctx, trigger, modals.entry(texts.localeOf(userId), null, null)));
			return ctx.ack();
		});
		app.blockAction(HomeView.STATUS, (request, ctx) -> {
			String userId = request.getPayload().getUser().getId();
			String trigger = request.getPayload().getTriggerId();
			app.executorService().execute(() -> PromptActions.open(ctx, trigger, modals.status(texts.localeOf(userId), null)));
			return ctx.ack();
		});
		app.blockAction(HomeView.ENTRY_MENU, (request, ctx) -> {
			String userId = request.getPayload().getUser().getId();
			String trigger = request.getPayload().getTriggerId();
			var action = request.getPayload().getActions().get(0);
			String choice = action.getSelectedOption() == null ? "" : action.getSelectedOption().getValue();
			app.executorService().execute(() -> {
				try {
					int colon = choice.indexOf(':');
					String what = colon < 0 ? choice : choice.substring(0, colon);
					Optional<LogbookEntry> entry = entries.find(choice.substring(colon + 1), userId);
					if (entry.isEmpty()) {
						home.publish(ctx.client(), userId);
						return;
					}
					Locale locale = texts.localeOf(userId);
					PromptActions.open(ctx, trigger, "delete".equals(what)
							? modals.confirmDelete(locale, entry.get().id(), entry.get().text())
							: modals.entry(locale, entry.get().id(), entry.get().text()));
				}
				catch (RuntimeException e) {
					log.error("An App Home menu failed", e);
				}
			});
			return ctx.ack();
		});
	}
}
