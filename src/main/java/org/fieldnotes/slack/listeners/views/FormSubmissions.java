package org.fieldnotes.slack.listeners.views;

import java.util.List;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.home.HomeScreens;
import org.fieldnotes.slack.ModalRenderer;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;

/**
 * Every modal's submission ({@code view_submission}), for every form a module shows: read back as a neutral
 * submission, handed to the form's {@link FormHandler} before the ack (so what is stored is stored before Slack hears
 * back), and its outcome rendered in the ack: the modal closes, keeps its field errors open
 * ({@code response_action: errors}) or turns into the next view ({@code response_action: update}). The outcome's
 * follow-up work, and the person's Home when it changed, run after the ack.
 */
@Component
class FormSubmissions implements SlackListener {

	private static final Logger log = LoggerFactory.getLogger(FormSubmissions.class);

	private final List<FormHandler> handlers;
	private final HomeScreens home;

	FormSubmissions(List<FormHandler> handlers, HomeScreens home) {
		this.handlers = handlers;
		this.home = home;
	}

	@Override
	public void register(App app) {
		for (FormHandler handler : handlers) {
			for (String formId : handler.formIds()) {
				app.viewSubmission(formId, (request, ctx) -> {
					View view = request.getPayload().getView();
					ChatAccount member = SlackMemberReferences.member(ctx, request.getPayload().getUser().getId());
					FormOutcome outcome = handler.submit(member, ModalRenderer.submission(view));
					if (!outcome.valid()) {
						return ctx.ack(r -> r.responseAction("errors").errors(outcome.errors()));
					}
					app.executorService().execute(() -> afterwards(outcome, member));
					if (outcome.next() != null) {
						View next = ModalRenderer.render(outcome.next());
						return ctx.ack(r -> r.responseAction("update").view(next));
					}
					return ctx.ack();
				});
			}
		}
	}

	private void afterwards(FormOutcome outcome, ChatAccount member) {
		try {
			outcome.then().run();
		}
		catch (RuntimeException e) {
			log.error("The work after a form's submission failed", e);
		}
		if (outcome.homeChanged()) {
			home.show(member);
		}
	}
}
