package org.fieldnotes.chat;

import java.util.Optional;

/**
 * Delivers messages to people on their chat platform. The bean to inject routes each call by the account's
 * platform ({@link RoutingMessenger}); each adapter provides a {@link PlatformMessenger}.
 */
public interface Messenger {

	/**
	 * Sends a direct message.
	 * @param to the person's account
	 * @return where the message landed, for threading replies back to it
	 * @throws DeliveryFailed when the platform refused or could not be reached
	 */
	SentMessage sendDirect(ChatAccount to, ChatMessage message);

	/**
	 * Replaces a message the bot sent earlier (e.g. a prompt whose buttons no longer apply).
	 * @throws DeliveryFailed when the platform refused or could not be reached
	 */
	void update(SentMessage message, ChatMessage replacement);

	/**
	 * Shares a picture in the conversation of a message the bot sent, in that message's thread (on Slack, a
	 * {@code files.uploadV2} upload with the image's title and alt text).
	 * @param where a message the bot sent, e.g. a digest
	 * @throws DeliveryFailed when the platform refused or could not be reached; {@link DeliveryFailed#reason()} is
	 * its short error code
	 */
	void shareImage(SentMessage where, Image image);

	/**
	 * Shares a file in the conversation of a message the bot sent, after that message (not in its thread): e.g. a
	 * person's data export in their DM (on Slack, a {@code files.uploadV2} upload).
	 * @param where a message the bot sent in the conversation the file belongs in
	 * @param bytes the file's content; must not be {@literal null}
	 * @param filename e.g. {@code fieldnotes-my-data.json}
	 * @param title a short title, already in the reader's language
	 * @param mimeType the media type of {@code bytes}, e.g. {@code application/json}
	 * @throws DeliveryFailed when the platform refused or could not be reached; {@link DeliveryFailed#reason()} is
	 * its short error code
	 */
	void shareFile(SentMessage where, byte[] bytes, String filename, String title, String mimeType);

	/** Marks a received message as saved (a ✅ reaction on Slack); best effort, never throws. */
	void confirmSaved(MessageRef message);

	/**
	 * Shows a message to one person only, in a conversation they are in (an ephemeral message on Slack): nobody
	 * else sees it, and it is not kept. Best effort, never throws.
	 * @param conversation the conversation's id on the platform (e.g. the DM a message was written in)
	 */
	void sendEphemeral(String conversation, ChatAccount to, ChatMessage message);

	/**
	 * Shows a person their Home (on Slack, the App Home tab), in place of what it showed before. Best effort, never
	 * throws.
	 * @param to the person's account
	 */
	void showHome(ChatAccount to, HomeScreen home);

	/**
	 * Opens a form for a person, in answer to something they just did (pressed a button, typed a command).
	 * @param to the account that did it
	 * @param trigger what the platform gave with that action to open a form with (on Slack, its {@code trigger_id},
	 * good for 3 seconds); {@literal null} where the platform needs none
	 * @throws DeliveryFailed when the platform refused (e.g. the trigger expired) or could not be reached;
	 * {@link DeliveryFailed#reason()} is its short error code
	 */
	void openForm(ChatAccount to, String trigger, Form form);

	/** Whether a chat platform is connected at all. */
	boolean connected();

	/**
	 * Whether the platform can write to this account now. Slack and the web chat always can; Teams only once the app
	 * is installed for the person (until then a send fails as {@link DeliveryFailed.Kind#NOT_REACHABLE}, and senders
	 * that can reach the person another way, by e-mail, do so meanwhile).
	 */
	default boolean reachable(ChatAccount to) {
		return true;
	}

	/**
	 * Where a person who is not reachable yet can open their chat with Fieldnotes (on Teams, a link that opens the 1:1
	 * chat with the bot, which installs it for them), to put in what reaches them by e-mail meanwhile; empty when
	 * there is none.
	 */
	default Optional<String> invitation(ChatAccount to) {
		return Optional.empty();
	}
}
