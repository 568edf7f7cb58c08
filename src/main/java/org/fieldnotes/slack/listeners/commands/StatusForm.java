package org.fieldnotes.slack.listeners.commands;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.views.Modals;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;

/**
 * {@code /fieldnotes status}: opens the status-update modal (overall status, progress, blockers, mood) for a
 * participant; someone who is not enrolled is told so instead.
 */
@Component
class StatusForm implements SlackListener, SlashCommandForm {

	private static final Logger log = LoggerFactory.getLogger(StatusForm.class);
	static final String STATUS = "status";

	private final PlacementManagement placements;
	private final Modals modals;
	private final SlackTexts texts;
	private final VisibilityDefaults defaults;
	private App app;

	StatusForm(PlacementManagement placements, Modals modals, SlackTexts texts, VisibilityDefaults defaults) {
		this.placements = placements;
		this.modals = modals;
		this.texts = texts;
		this.defaults = defaults;
	}

	@Override
	public void register(App app) {
		this.app = app;
	}

	@Override
	public boolean opens(ChatAccount member, String text) {
		return text.strip().equalsIgnoreCase(STATUS);
	}

	@Override
	public Optional<ChatMessage> open(String triggerId, ChatAccount member) {
		Locale locale = texts.localeOf(member);
		if (placements.currentFor(member).isEmpty()) {
			return Optional.of(ChatMessage.text(texts.t("notEnrolled", locale)));
		}
		String error;
		try {
			ViewsOpenResponse response = app.client()
				.viewsOpen(r -> r.token(app.config().getSingleTeamBotToken())
					.triggerId(triggerId)
					.view(modals.status(locale, null, defaults.of(member).visibility())));
			if (response.isOk()) {
				return Optional.empty();
			}
			error = response.getError();
		}
		catch (IOException | SlackApiException e) {
			error = e.getClass().getSimpleName();
		}
		log.warn("Could not open the status-update modal: {}", error);
		return Optional.of(ChatMessage.text(texts.t("status.openFailed", locale)));
	}
}
