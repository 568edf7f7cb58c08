package org.fieldnotes.slack;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Image;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.chat.PlatformMessenger;
import org.fieldnotes.chat.SentMessage;

/**
 * The messenger when no Slack token is configured: every send fails as {@code slack_not_connected}, so prompts and
 * digests are recorded as not delivered instead of pretending.
 */
class DisconnectedMessenger implements PlatformMessenger {

	@Override
	public String platform() {
		return SlackMemberReferences.PLATFORM;
	}

	@Override
	public SentMessage sendDirect(ChatAccount to, ChatMessage message) {
		throw new DeliveryFailed("slack_not_connected", null);
	}

	@Override
	public void update(SentMessage message, ChatMessage replacement) {
		throw new DeliveryFailed("slack_not_connected", null);
	}

	@Override
	public void shareImage(SentMessage where, Image image) {
		throw new DeliveryFailed("slack_not_connected", null);
	}

	@Override
	public void shareFile(SentMessage where, byte[] bytes, String filename, String title, String mimeType) {
		throw new DeliveryFailed("slack_not_connected", null);
	}

	@Override
	public void confirmSaved(MessageRef message) {
	}

	@Override
	public void sendEphemeral(String conversation, ChatAccount to, ChatMessage message) {
	}

	@Override
	public void showHome(ChatAccount to, HomeScreen home) {
	}

	@Override
	public void openForm(ChatAccount to, String trigger, Form form) {
		throw new DeliveryFailed("slack_not_connected", null);
	}

	@Override
	public boolean connected() {
		return false;
	}
}
