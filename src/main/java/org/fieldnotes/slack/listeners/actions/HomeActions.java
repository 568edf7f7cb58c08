package org.fieldnotes.slack.listeners.actions;

import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.home.HomeChoices;
import org.fieldnotes.home.HomeScreens;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;

/**
 * The App Home's buttons, menus and the default-visibility select: acknowledged at once, then {@link HomeChoices}
 * says which form opens (as a modal, with the action's {@code trigger_id}) or makes the change, and the Home is
 * published afresh.
 */
@Component
class HomeActions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(HomeActions.class);

	private final HomeChoices choices;
	private final HomeScreens home;
	private final Messenger messenger;

	HomeActions(HomeChoices choices, HomeScreens home, Messenger messenger) {
		this.choices = choices;
		this.home = home;
		this.messenger = messenger;
	}

	@Override
	public void register(App app) {
		app.blockAction(HomeScreens.WRITE, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			ChatAccount member = member(ctx, payload);
			app.executorService().execute(() -> open(member, payload, choices.write(member)));
			return ctx.ack();
		});
		app.blockAction(HomeScreens.STATUS, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			ChatAccount member = member(ctx, payload);
			app.executorService().execute(() -> open(member, payload, choices.status(member)));
			return ctx.ack();
		});
		app.blockAction(HomeScreens.ENTRY_MENU, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			ChatAccount member = member(ctx, payload);
			String choice = selected(payload);
			app.executorService().execute(() -> {
				try {
					Optional<Form> form = choices.entryMenu(member, choice);
					if (form.isPresent()) {
						open(member, payload, form.get());
					}
					else {
						home.show(member);
					}
				}
				catch (RuntimeException e) {
					log.error("An App Home menu failed", e);
				}
			});
			return ctx.ack();
		});
		app.blockAction(HomeScreens.UPDATE_MENU, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			ChatAccount member = member(ctx, payload);
			String choice = selected(payload);
			app.executorService().execute(() -> {
				try {
					choices.updateMenu(member, choice);
				}
				catch (RuntimeException e) {
					log.error("An App Home menu failed", e);
				}
				home.show(member);
			});
			return ctx.ack();
		});
		app.blockAction(HomeScreens.DEFAULT_VISIBILITY, (request, ctx) -> {
			BlockActionPayload payload = request.getPayload();
			ChatAccount member = member(ctx, payload);
			choices.defaultVisibility(member, selected(payload));
			app.executorService().execute(() -> home.show(member));
			return ctx.ack();
		});
	}

	/** Opens a form as a modal (best effort: a failure is logged). */
	private void open(ChatAccount member, BlockActionPayload payload, Form form) {
		try {
			messenger.openForm(member, payload.getTriggerId(), form);
		}
		catch (DeliveryFailed e) {
			log.warn("Could not open a modal: {}", e.reason());
		}
	}

	/** Who pressed, in the workspace the action came from. */
	private static ChatAccount member(Context ctx, BlockActionPayload payload) {
		return SlackMemberReferences.member(ctx, payload.getUser().getId());
	}

	private static String selected(BlockActionPayload payload) {
		var action = payload.getActions().get(0);
		return action.getSelectedOption() == null ? "" : action.getSelectedOption().getValue();
	}
}
