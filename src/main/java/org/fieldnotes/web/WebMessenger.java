package org.fieldnotes.web;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Image;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.chat.PlatformMessenger;
import org.fieldnotes.chat.SentMessage;
import org.springframework.stereotype.Component;

/**
 * The web chat's side of the chat port: a direct message is kept in the member's conversation and shown on their
 * open pages at once; its "channel" is the member id and its "ts" the kept message's id. Notes, the Home and forms
 * are shown to that member only.
 */
@Component
class WebMessenger implements PlatformMessenger {

	private final WebConversations conversations;

	WebMessenger(WebConversations conversations) {
		this.conversations = conversations;
	}

	@Override
	public String platform() {
		return WebMemberReferences.PLATFORM;
	}

	/** The web chat is ours: no platform limits to space messages out for. */
	@Override
	public boolean paced() {
		return false;
	}

	@Override
	public SentMessage sendDirect(ChatAccount to, ChatMessage message) {
		return new SentMessage(to, to.memberId(), conversations.fromFieldnotes(to.memberId(), message));
	}

	@Override
	public void update(SentMessage message, ChatMessage replacement) {
		if (!conversations.replace(member(message), message.ts(), replacement)) {
			throw new DeliveryFailed("message_not_found", null);
		}
	}

	@Override
	public void shareImage(SentMessage where, Image image) {
		conversations.file(member(where), image.png(), image.filename(), image.title(), image.altText(),
				image.contentType());
	}

	@Override
	public void shareFile(SentMessage where, byte[] bytes, String filename, String title, String mimeType) {
		conversations.file(member(where), bytes, filename, title, null, mimeType);
	}

	@Override
	public void confirmSaved(MessageRef message) {
		conversations.markSaved(message.channel(), message.ts());
	}

	@Override
	public void sendEphemeral(String conversation, ChatAccount to, ChatMessage message) {
		conversations.note(to.memberId(), message);
	}

	@Override
	public void showHome(ChatAccount to, HomeScreen home) {
		conversations.home(to.memberId(), home);
	}

	@Override
	public void openForm(ChatAccount to, String trigger, Form form) {
		conversations.open(to.memberId(), form);
	}

	/**
	 * The web chat is always there, yet it is no connected chat platform in the port's sense: {@code connected()}
	 * says whether an outside platform (Slack) is configured, which the demo's default and {@code my-data} go by.
	 */
	@Override
	public boolean connected() {
		return false;
	}

	private static String member(SentMessage message) {
		return message.account() != null ? message.account().memberId() : message.channel();
	}
}
