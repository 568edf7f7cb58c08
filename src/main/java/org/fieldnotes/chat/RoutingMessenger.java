package org.fieldnotes.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link Messenger} everyone uses: each call goes to the {@link PlatformMessenger} of the account's platform (a
 * message already sent, to the platform it was sent on). A message to a platform without an adapter fails as
 * {@code <platform>_not_connected}, like one to a platform whose adapter is not connected.
 */
@Component
@Primary
public class RoutingMessenger implements Messenger {

	private final Map<String, PlatformMessenger> byPlatform = new LinkedHashMap<>();

	public RoutingMessenger(List<PlatformMessenger> messengers) {
		for (PlatformMessenger messenger : messengers) {
			if (byPlatform.put(messenger.platform(), messenger) != null) {
				throw new IllegalStateException("Two messengers send on " + messenger.platform());
			}
		}
	}

	/** The adapter of a platform, if one is registered. */
	public Optional<PlatformMessenger> of(String platform) {
		return Optional.ofNullable(byPlatform.get(platform));
	}

	@Override
	public SentMessage sendDirect(ChatAccount to, ChatMessage message) {
		return route(to.platform()).sendDirect(to, message);
	}

	@Override
	public void update(SentMessage message, ChatMessage replacement) {
		route(message.platform()).update(message, replacement);
	}

	@Override
	public void shareImage(SentMessage where, Image image) {
		route(where.platform()).shareImage(where, image);
	}

	@Override
	public void shareFile(SentMessage where, byte[] bytes, String filename, String title, String mimeType) {
		route(where.platform()).shareFile(where, bytes, filename, title, mimeType);
	}

	@Override
	public void confirmSaved(MessageRef message) {
		of(message.platform()).ifPresent(m -> m.confirmSaved(message));
	}

	@Override
	public void sendEphemeral(String conversation, ChatAccount to, ChatMessage message) {
		of(to.platform()).ifPresent(m -> m.sendEphemeral(conversation, to, message));
	}

	/** Best effort, like every platform's: a platform without an adapter shows nothing. */
	@Override
	public void showHome(ChatAccount to, HomeScreen home) {
		of(to.platform()).ifPresent(m -> m.showHome(to, home));
	}

	@Override
	public void openForm(ChatAccount to, String trigger, Form form) {
		route(to.platform()).openForm(to, trigger, form);
	}

	@Override
	public boolean connected() {
		return byPlatform.values().stream().anyMatch(Messenger::connected);
	}

	/** A platform without an adapter is not "not yet reachable": its sends fail as not connected, as before. */
	@Override
	public boolean reachable(ChatAccount to) {
		return of(to.platform()).map(m -> m.reachable(to)).orElse(true);
	}

	@Override
	public Optional<String> invitation(ChatAccount to) {
		return of(to.platform()).flatMap(m -> m.invitation(to));
	}

	private PlatformMessenger route(String platform) {
		PlatformMessenger messenger = platform == null ? null : byPlatform.get(platform);
		if (messenger == null) {
			throw new DeliveryFailed((platform == null ? "chat" : platform) + "_not_connected", null);
		}
		return messenger;
	}
}
