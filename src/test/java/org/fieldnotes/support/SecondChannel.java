package org.fieldnotes.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Image;
import org.fieldnotes.chat.MemberReferences;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.chat.PlatformMessenger;
import org.fieldnotes.chat.SentMessage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A second chat platform for tests, {@code second} (the real {@code web} channel is an adapter of the application
 * now, so this stand-in has a name of its own), registered the way a real adapter is: its member references
 * ({@code w-…}, mentioned as {@code @w-…}) and a messenger that records what it is given. Nothing else is needed for
 * messages to its accounts to be routed to it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SecondChannel {

	public static final String PLATFORM = "second";

	/** What the second platform's messenger was asked to send, in order. */
	public record Sent(ChatAccount to, ChatMessage message) {
	}

	private static final List<Sent> SENT = Collections.synchronizedList(new ArrayList<>());

	public static List<Sent> sent() {
		synchronized (SENT) {
			return List.copyOf(SENT);
		}
	}

	public static void reset() {
		SENT.clear();
	}

	@Bean
	MemberReferences secondMemberReferences() {
		return new MemberReferences() {

			private final Pattern id = Pattern.compile("@?(w-[a-z0-9-]+)");

			@Override
			public String platform() {
				return PLATFORM;
			}

			@Override
			public Optional<ChatAccount> account(String word, String workspace) {
				Matcher matcher = id.matcher(word);
				return matcher.matches() ? Optional.of(new ChatAccount(PLATFORM, workspace, matcher.group(1)))
						: Optional.empty();
			}

			@Override
			public List<ChatAccount> mentions(String text, String workspace) {
				List<ChatAccount> found = new ArrayList<>();
				Matcher matcher = Pattern.compile("@(w-[a-z0-9-]+)").matcher(text);
				while (matcher.find()) {
					found.add(new ChatAccount(PLATFORM, workspace, matcher.group(1)));
				}
				return found;
			}

			@Override
			public String written(ChatAccount account) {
				return "@" + account.memberId();
			}

			@Override
			public String describe() {
				return "a web chat id (w-…)";
			}
		};
	}

	@Bean
	PlatformMessenger secondMessenger() {
		return new PlatformMessenger() {

			@Override
			public String platform() {
				return PLATFORM;
			}

			@Override
			public SentMessage sendDirect(ChatAccount to, ChatMessage message) {
				SENT.add(new Sent(to, message));
				return new SentMessage(to, "web-" + to.memberId(), UUID.randomUUID().toString());
			}

			@Override
			public void update(SentMessage message, ChatMessage replacement) {
			}

			@Override
			public void shareImage(SentMessage where, Image image) {
			}

			@Override
			public void shareFile(SentMessage where, byte[] bytes, String filename, String title, String mimeType) {
			}

			@Override
			public void confirmSaved(MessageRef message) {
			}

			@Override
			public void sendEphemeral(String conversation, ChatAccount to, ChatMessage message) {
				SENT.add(new Sent(to, message));
			}

			@Override
			public void showHome(ChatAccount to, HomeScreen home) {
			}

			@Override
			public void openForm(ChatAccount to, String trigger, Form form) {
			}

			@Override
			public boolean connected() {
				return true;
			}
		};
	}
}
