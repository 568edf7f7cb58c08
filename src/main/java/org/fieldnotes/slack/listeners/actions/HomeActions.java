package org.fieldnotes.slack.listeners.actions;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.OwnEntries;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.placement.Preferences;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.HomeView;
import org.fieldnotes.slack.views.Modals;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;

/**
 * The App Home's buttons, menus and the default-visibility select: acknowledged at once, then the right modal opens
 * or the change is made and the Home published afresh. Only the author of an entry gets its edit or delete form or
 * changes who can see it; for anyone else (or a deleted entry) the Home is simply published afresh.
 */
@Component
class HomeActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(HomeActions.class);

	private final OwnEntries entries;
	private final HomeView home;
	private final Modals modals;
	private final SlackTexts texts;
	private final VisibilityDefaults defaults;
	private final VisibilityControls visibility;
	private final Preferences preferences;

	HomeActions(OwnEntries entries, HomeView home, Modals modals, SlackTexts texts, VisibilityDefaults defaults,
			VisibilityControls visibility, Preferences preferences) {
		this.entries = entries;
		this.home = home;
		this.modals = modals;
		this.texts = texts;
		this.defaults = defaults;
		this.visibility = visibility;
		this.preferences = preferences;
	}

	@Override
	public void register(App app) {
		app.blockAction(HomeView.WRITE, (request, ctx) -> {
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			String trigger = request.getPayload().getTriggerId();
			app.executorService().execute(() -> PromptActions.open(ctx, trigger, modals.newEntry(texts.localeOf(member),
					defaults.of(member).visibility())));
			return ctx.ack();
		});
		app.blockAction(HomeView.STATUS, (request, ctx) -> {
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			String trigger = request.getPayload().getTriggerId();
			app.executorService().execute(() -> PromptActions.open(ctx, trigger, modals.status(texts.localeOf(member), null,
					defaults.of(member).visibility())));
			return ctx.ack();
		});
		app.blockAction(HomeView.ENTRY_MENU, (request, ctx) -> {
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			String trigger = request.getPayload().getTriggerId();
			var action = request.getPayload().getActions().get(0);
			String choice = action.getSelectedOption() == null ? "" : action.getSelectedOption().getValue();
			app.executorService().execute(() -> {
				try {
					if (choice.startsWith(HomeView.SHOW_TO)) {
						showTo(VisibilityChoice.Kind.ENTRY, choice, member, Operation.HOME_ENTRY_MENU);
						home.publish(ctx.client(), member);
						return;
					}
					int colon = choice.indexOf(':');
					String what = colon < 0 ? choice : choice.substring(0, colon);
					Optional<LogbookEntry> entry = entries.find(choice.substring(colon + 1), member,
							Operation.HOME_ENTRY_MENU);
					if (entry.isEmpty()) {
						home.publish(ctx.client(), member);
						return;
					}
					Locale locale = texts.localeOf(member);
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
		app.blockAction(HomeView.UPDATE_MENU, (request, ctx) -> {
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			var action = request.getPayload().getActions().get(0);
			String choice = action.getSelectedOption() == null ? "" : action.getSelectedOption().getValue();
			app.executorService().execute(() -> {
				try {
					showTo(VisibilityChoice.Kind.STATUS_UPDATE, choice, member, Operation.HOME_UPDATE_MENU);
				}
				catch (RuntimeException e) {
					log.error("An App Home menu failed", e);
				}
				home.publish(ctx.client(), member);
			});
			return ctx.ack();
		});
		app.blockAction(HomeView.DEFAULT_VISIBILITY, (request, ctx) -> {
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			var action = request.getPayload().getActions().get(0);
			Optional<Visibility> chosen = action.getSelectedOption() == null ? Optional.empty()
					: Visibility.parse(action.getSelectedOption().getValue());
			chosen.ifPresent(v -> preferences.setVisibility(member, v));
			app.executorService().execute(() -> home.publish(ctx.client(), member));
			return ctx.ack();
		});
	}

	/** {@code visibility:<key>:<id>} from a menu: applied only when the person wrote the item. */
	private void showTo(VisibilityChoice.Kind kind, String choice, ChatAccount member, Operation operation) {
		String rest = choice.startsWith(HomeView.SHOW_TO) ? choice.substring(HomeView.SHOW_TO.length()) : "";
		int colon = rest.indexOf(':');
		if (colon < 0) {
			return;
		}
		Optional<Visibility> chosen = Visibility.parse(rest.substring(0, colon));
		if (chosen.isPresent()) {
			visibility.apply(new VisibilityChoice(kind, rest.substring(colon + 1), chosen.get()), member, operation);
		}
	}
}
