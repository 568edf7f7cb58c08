package org.fieldnotes.teams;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.placement.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * A person's answer to a file-consent card ({@code fileConsent/invoke}): accepted, the file goes to the upload URL
 * Teams gave (their OneDrive) and a file card shows it in the chat; declined, it is forgotten. Teams is answered at
 * once; the upload runs after the answer. Every outcome is told to the person in their language, and nothing of the
 * file is logged.
 */
@Component
class TeamsFileConsents {

	private static final Logger log = LoggerFactory.getLogger(TeamsFileConsents.class);

	private final TeamsFiles files;
	private final TeamsMessenger teams;
	private final TeamsConfiguration.TeamsAfterAnswer later;
	private final Messenger messenger;
	private final MessageSource messages;
	private final Languages languages;

	TeamsFileConsents(TeamsFiles files, TeamsMessenger teams, TeamsConfiguration.TeamsAfterAnswer later,
			Messenger messenger, MessageSource messages, Languages languages) {
		this.files = files;
		this.teams = teams;
		this.later = later;
		this.messenger = messenger;
		this.messages = messages;
		this.languages = languages;
	}

	TeamsReply answer(ChatAccount member, TeamsActivity activity) {
		JsonNode value = activity.value();
		String conversation = activity.conversation().id();
		Locale locale = languages.of(member);
		Optional<TeamsFiles.Offered> offered = files.take(conversation, text(value.path("context"), TeamsFiles.KEY));
		if (offered.isEmpty()) {
			later.run(() -> note(member, conversation, t("teams.file.gone", locale)));
			return TeamsReply.ok();
		}
		TeamsFiles.Offered file = offered.get();
		if (!"accept".equals(text(value, "action"))) {
			later.run(() -> note(member, conversation, t("teams.file.declined", locale, file.filename())));
			return TeamsReply.ok();
		}
		JsonNode upload = value.path("uploadInfo");
		later.run(() -> {
			try {
				files.upload(file, text(upload, "uploadUrl"));
				teams.post(conversation, TeamsFiles.infoCard(text(upload, "contentUrl"),
						Optional.ofNullable(text(upload, "name")).orElse(file.filename()), text(upload, "uniqueId"),
						text(upload, "fileType")));
			}
			catch (DeliveryFailed e) {
				log.warn("A file offered in Teams was not put in the person's OneDrive: {}", e.reason());
				note(member, conversation, t("teams.file.failed", locale, file.filename(), e.reason()));
			}
			catch (RuntimeException e) {
				log.warn("A file offered in Teams was not put in the person's OneDrive: {}",
						e.getClass().getSimpleName());
				note(member, conversation, t("teams.file.failed", locale, file.filename(), "error"));
			}
		});
		return TeamsReply.ok();
	}

	private void note(ChatAccount member, String conversation, String text) {
		messenger.sendEphemeral(conversation, member, ChatMessage.text(text));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
