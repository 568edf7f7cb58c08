package org.fieldnotes.slack.listeners.views;

import java.util.Locale;
import java.util.Map;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.NotEnrolled;
import org.fieldnotes.logbook.OwnEntries;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.HomeView;
import org.fieldnotes.slack.views.Modals;
import org.fieldnotes.slack.views.SlackTexts;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

/**
 * The entry forms of the App Home, submitted: write a free-form entry (once per view), edit or delete an entry the
 * person wrote. Each change is stored before the ack; the Home is published afresh after it.
 */
@Component
class EntrySubmissions implements SlackListener {

	private final OwnEntries entries;
	private final Messenger messenger;
	private final SlackTexts texts;
	private final HomeView home;
	private final VisibilityControls visibility;

	EntrySubmissions(OwnEntries entries, Messenger messenger, SlackTexts texts, HomeView home,
			VisibilityControls visibility) {
		this.entries = entries;
		this.messenger = messenger;
		this.texts = texts;
		this.home = home;
		this.visibility = visibility;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(Modals.ENTRY_WRITE, (request, ctx) -> {
			View view = request.getPayload().getView();
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			Locale locale = texts.localeOf(member);
			String text = text(view);
			if (text == null || text.isBlank()) {
				return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.ENTRY, texts.t("modal.entry.empty", locale))));
			}
			try {
				java.util.Optional<LogbookEntry> saved = entries.write(member, text.strip(), "slack-view:" + view.getId(),
						Modals.chosenVisibility(view).orElse(null));
				if (saved.isPresent()) {
					Confirmations.saved(app, messenger, texts, visibility, home, ctx.client(), member, locale,
							VisibilityChoice.Kind.ENTRY, saved.get().id(), saved.get().visibility());
				}
				return ctx.ack();
			}
			catch (NotEnrolled e) {
				return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.ENTRY, texts.t("notEnrolled", locale))));
			}
		});
		app.viewSubmission(Modals.ENTRY_EDIT, (request, ctx) -> {
			View view = request.getPayload().getView();
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			Locale locale = texts.localeOf(member);
			String text = text(view);
			if (text == null || text.isBlank()) {
				return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.ENTRY, texts.t("modal.entry.empty", locale))));
			}
			if (entries.find(view.getPrivateMetadata(), member, Operation.ENTRY_EDIT_FORM).isEmpty()) {
				return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Modals.ENTRY, texts.t("modal.gone", locale))));
			}
			entries.edit(view.getPrivateMetadata(), member, text.strip());
			Confirmations.changed(app, home, ctx.client(), member);
			return ctx.ack();
		});
		app.viewSubmission(Modals.ENTRY_DELETE, (request, ctx) -> {
			ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
			entries.delete(request.getPayload().getView().getPrivateMetadata(), member);
			Confirmations.changed(app, home, ctx.client(), member);
			return ctx.ack();
		});
	}

	private static String text(View view) {
		if (view.getState() == null) {
			return null;
		}
		ViewState.Value value = view.getState().getValues().getOrDefault(Modals.ENTRY, Map.of()).get(Modals.TEXT);
		return value == null ? null : value.getValue();
	}
}
