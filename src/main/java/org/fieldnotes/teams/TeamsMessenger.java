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
 * meanwhile with a link to {@link #invitation say hi to the bot}. The sent message's "channel" is the conversation
 * id and its "ts" the activity id, which {@link #update} replaces in place. The workspace of a Teams account is its tenant; the outbox paces each
 * tenant apart, well within Teams' limits (see docs/teams.md).
 *
 * <p>A form is a card in the person's chat ({@link #openForm}); the Home is the welcome card, updated in place
 * ({@link #showHome}); the saved mark is nothing (bots cannot react in Teams; the "who can see it" card that follows a
 * saved entry says it). A picture is shown inline ({@link TeamsImages}); a file is offered for the person to accept
 * into their OneDrive ({@link TeamsFiles}). A note to one person
 * ({@link #sendEphemeral}) is a message in their 1:1 chat, which is theirs alone.
 */
class TeamsMessenger implements PlatformMessenger {

	private static final Logger log = LoggerFactory.getLogger(TeamsMessenger.class);
	static final String NOT_REACHABLE = "teams_not_installed";
	static final String NOT_CONNECTED = "teams_not_connected";
	/** The welcome card's notification text and fallback. */
	private static final String HOME = "Fieldnotes";

	private final TeamsConversations conversations;
	private final TeamsForms forms;
	private final TeamsFiles files;
	private final BotConnector connector;
	private final String appId;

	/**
	 * @param connector {@literal null} when Teams is off: every send fails as {@code teams_not_connected}
	 * @param appId the bot's app id, for the link to its chat; {@literal null} when Teams is off
	 */
	TeamsMessenger(TeamsConversations conversations, TeamsForms forms, TeamsFiles files, BotConnector connector,
			String appId) {
		this.conversations = conversations;
		this.forms = forms;
		this.files = files;
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

	/** The picture as a message of its own after {@code where}, shown inline ({@link TeamsImages}). */
	@Override
	public void shareImage(SentMessage where, Image image) {
		BotConnector bot = connector();
		TeamsConversation conversation = conversations.byConversation(where.channel())
			.orElseThrow(() -> new DeliveryFailed(NOT_REACHABLE, DeliveryFailed.Kind.NOT_REACHABLE, null));
		bot.send(conversation.serviceUrl(), conversation.conversationId(), TeamsImages.activity(image));
	}

	/**
	 * A file-consent card after {@code where}: the person presses Allow, and the file goes to their OneDrive and is
	 * shown in the chat ({@link TeamsFiles}); until then only its name, size and {@code title} are on the card.
	 */
	@Override
	public void shareFile(SentMessage where, byte[] bytes, String filename, String title, String mimeType) {
		BotConnector bot = connector();
		TeamsConversation conversation = conversations.byConversation(where.channel())
			.orElseThrow(() -> new DeliveryFailed(NOT_REACHABLE, DeliveryFailed.Kind.NOT_REACHABLE, null));
		bot.send(conversation.serviceUrl(), conversation.conversationId(),
				files.offer(where.account(), conversation.conversationId(), bytes, filename, title));
	}

	/**
	 * Nothing: a bot cannot react to a message in Teams. The saved entry is confirmed all the same, by the card that
	 * says who can see it (with its buttons), which follows every saved message on every platform.
	 */
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

	/**
	 * The Home is the welcome card in the person's chat ({@link #sendHome}, on install and when they say "home"):
	 * updated in place, so that it stays as it is now. Before one was sent there is nothing to update, and nothing is
	 * posted: the chat does not fill with Homes.
	 */
	@Override
	public void showHome(ChatAccount to, HomeScreen home) {
		if (connector == null) {
			return;
		}
		conversations.of(to).filter(c -> c.homeActivityId() != null).ifPresent(c -> {
			var activity = TeamsCards.attach(HOME, TeamsCards.homeCard(home, HOME));
			activity.put("id", c.homeActivityId());
			connector.update(c.serviceUrl(), c.conversationId(), c.homeActivityId(), activity);
		});
	}

	/** Posts the Home as a new welcome card in the person's chat, and keeps it as the one to update. */
	void sendHome(ChatAccount to, HomeScreen home) {
		BotConnector bot = connector();
		TeamsConversation conversation = conversations.of(to)
			.orElseThrow(() -> new DeliveryFailed(NOT_REACHABLE, DeliveryFailed.Kind.NOT_REACHABLE, null));
		String activityId = bot.send(conversation.serviceUrl(), conversation.conversationId(),
				TeamsCards.attach(HOME, TeamsCards.homeCard(home, HOME)));
		conversations.home(conversation.conversationId(), activityId);
	}

	/**
	 * A form is a card in the person's chat, with inputs and buttons to send or cancel it (a dialog cannot be opened
	 * from a card's {@code Action.Execute} button, and Teams has no slash command to open one from): {@code trigger}
	 * is not needed. What is typed comes back in an {@code adaptiveCard/action} invoke, answered with the card again
	 * (with a message on each field that needs one) or closed ({@link TeamsChat}).
	 */
	@Override
	public void openForm(ChatAccount to, String trigger, Form form) {
		BotConnector bot = connector();
		TeamsConversation conversation = conversations.of(to)
			.orElseThrow(() -> new DeliveryFailed(NOT_REACHABLE, DeliveryFailed.Kind.NOT_REACHABLE, null));
		String key = forms.open(to, conversation.conversationId(), form);
		try {
			bot.send(conversation.serviceUrl(), conversation.conversationId(), TeamsCards.formActivity(form, key, null));
		}
		catch (RuntimeException e) {
			forms.close(key);
			throw e;
		}
	}

	/** Posts a card as a new message in a conversation Fieldnotes keeps (an answer to a card sent without an invoke). */
	void post(String conversationId, tools.jackson.databind.node.ObjectNode activity) {
		BotConnector bot = connector();
		TeamsConversation conversation = conversations.byConversation(conversationId)
			.orElseThrow(() -> new DeliveryFailed(NOT_REACHABLE, DeliveryFailed.Kind.NOT_REACHABLE, null));
		bot.send(conversation.serviceUrl(), conversation.conversationId(), activity);
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
