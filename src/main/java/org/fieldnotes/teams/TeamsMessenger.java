package org.fieldnotes.teams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Image;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.chat.PlatformMessenger;
import org.fieldnotes.chat.SentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams' side of the chat port. A direct message goes to the person's 1:1 chat with the bot, as an Adaptive Card
 * ({@link TeamsCards}) posted to the conversation kept when they installed the app ({@link TeamsConversations});
 * without one it fails as {@code teams_not_installed} ({@link DeliveryFailed.Kind#NOT_REACHABLE}): Teams lets no bot
 * write to anyone who has not installed it, and {@link #reachable} says so beforehand, so that senders e-mail them
 * meanwhile with a link to {@link #invitation say hi to the bot}. The sent message's "channel" is the conversation id and its "ts" the activity
 * id, which {@link #update} replaces in place. The workspace of a Teams account is its tenant; the outbox paces each
 * tenant apart, well within Teams' limits (see docs/teams.md).
 *
 * <p>Not yet (the adapter's second part): forms ({@code openForm} fails as {@code not_supported_yet}), the Home
 * (nothing is shown), pictures and files ({@code not_supported_yet}), the saved mark (nothing). A note to one person
 * ({@link #sendEphemeral}) is a plain message in their 1:1 chat, which is theirs alone.
 */
class TeamsMessenger implements PlatformMessenger {

	private static final Logger log = LoggerFactory.getLogger(TeamsMessenger.class);
	static final String NOT_REACHABLE = "teams_not_installed";
	static final String NOT_SUPPORTED_YET = "not_supported_yet";
	static final String NOT_CONNECTED = "teams_not_connected";

	private final TeamsConversations conversations;
	private final BotConnector connector;
	private final String appId;

	/**
	 * @param connector {@literal null} when Teams is off: every send fails as {@code teams_not_connected}
	 * @param appId the bot's app id, for the link to its chat; {@literal null} when Teams is off
	 */
	TeamsMessenger(TeamsConversations conversations, BotConnector connector, String appId) {
		this.conversations = conversations;
		this.connector = connector;
		this.appId = TeamsSettings.present(appId) ? appId.strip() : null;
	}

	/**
	 * Whether the app is installed for the person (a conversation reference is kept). With Teams off, every Teams
	 * account counts as reachable, so that sends fail as {@code teams_not_connected}, as they always did: an
	 * administrator's switch, not the person's missing install.
	 */
	@Override
	public boolean reachable(ChatAccount to) {
		return connector == null || conversations.of(to).isPresent();
	}

	/**
	 * Teams' deep link to the 1:1 chat with the bot, {@code https://teams.microsoft.com/l/chat/0/0?users=28:<app id>}:
	 * opening it (where the organisation allows the app) installs it and starts the chat. Empty with Teams off.
	 */
	@Override
	public Optional<String> invitation(ChatAccount to) {
		return connector == null || appId == null ? Optional.empty()
				: Optional.of("https://teams.microsoft.com/l/chat/0/0?users=28:"
						+ URLEncoder.encode(appId, StandardCharsets.UTF_8));
	}

	@Override
	public String platform() {
		return TeamsMemberReferences.PLATFORM;
	}

	@Override
	public SentMessage sendDirect(ChatAccount to, ChatMessage message) {
		BotConnector bot = connector();
		TeamsConversation conversation = conversations.of(to)
			.orElseThrow(() -> new DeliveryFailed(NOT_REACHABLE, DeliveryFailed.Kind.NOT_REACHABLE, null));
		String activityId = bot.send(conversation.serviceUrl(), conversation.conversationId(),
				TeamsCards.activity(message));
		return new SentMessage(to, conversation.conversationId(), activityId);
	}

	/** {@code PUT} the activity with the new card: the message keeps its place (a prompt becomes "✓ saved"). */
	@Override
	public void update(SentMessage message, ChatMessage replacement) {
		BotConnector bot = connector();
		TeamsConversation conversation = conversations.byConversation(message.channel())
			.orElseThrow(() -> new DeliveryFailed(NOT_REACHABLE, DeliveryFailed.Kind.NOT_REACHABLE, null));
		var activity = TeamsCards.activity(replacement);
		activity.put("id", message.ts());
		bot.update(conversation.serviceUrl(), conversation.conversationId(), message.ts(), activity);
	}

	@Override
	public void shareImage(SentMessage where, Image image) {
		throw new DeliveryFailed(NOT_SUPPORTED_YET, DeliveryFailed.Kind.PERMANENT, null);
	}

	@Override
	public void shareFile(SentMessage where, byte[] bytes, String filename, String title, String mimeType) {
		throw new DeliveryFailed(NOT_SUPPORTED_YET, DeliveryFailed.Kind.PERMANENT, null);
	}

	/** Nothing yet: a bot cannot react to a message in Teams. */
	@Override
	public void confirmSaved(MessageRef message) {
	}

	/** A plain message in the person's 1:1 chat with the bot (theirs alone); best effort. */
	@Override
	public void sendEphemeral(String conversation, ChatAccount to, ChatMessage message) {
		if (connector == null) {
			return;
		}
		try {
			TeamsConversation reference = conversations.of(to)
				.or(() -> conversations.byConversation(conversation))
				.orElse(null);
			if (reference == null) {
				log.debug("A note to a Teams user was not shown: not reachable");
				return;
			}
			connector.send(reference.serviceUrl(), reference.conversationId(), TeamsCards.activity(message));
		}
		catch (RuntimeException e) {
			log.warn("Could not show a note to a Teams user: {}",
					e instanceof DeliveryFailed failure ? failure.reason() : e.getClass().getSimpleName());
		}
	}

	/** Nothing yet: the welcome card or personal tab comes with the adapter's second part. */
	@Override
	public void showHome(ChatAccount to, HomeScreen home) {
	}

	/** Not yet: dialogs come with the adapter's second part. */
	@Override
	public void openForm(ChatAccount to, String trigger, Form form) {
		throw new DeliveryFailed(NOT_SUPPORTED_YET, DeliveryFailed.Kind.PERMANENT, null);
	}

	@Override
	public boolean connected() {
		return connector != null;
	}

	private BotConnector connector() {
		if (connector == null) {
			throw new DeliveryFailed(NOT_CONNECTED, DeliveryFailed.Kind.PERMANENT, null);
		}
		return connector;
	}
}
