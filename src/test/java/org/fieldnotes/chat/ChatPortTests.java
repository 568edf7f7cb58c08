package org.fieldnotes.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The chat port's registries: what people typed is read by the adapter of its platform (or, where the platform is
 * not said, by whichever adapter recognises it), and every message goes to the messenger of its account's platform.
 * Adding a platform is registering its two beans.
 */
class ChatPortTests {

	/** A platform whose members are written {@code <prefix>-name}. */
	private static MemberReferences platform(String name, String prefix) {
		return new MemberReferences() {

			@Override
			public String platform() {
				return name;
			}

			@Override
			public Optional<ChatAccount> account(String word, String workspace) {
				String id = word.startsWith("@") ? word.substring(1) : word;
				return id.startsWith(prefix + "-") ? Optional.of(new ChatAccount(name, workspace, id)) : Optional.empty();
			}

			@Override
			public List<ChatAccount> mentions(String text, String workspace) {
				List<ChatAccount> found = new ArrayList<>();
				for (String word : text.split("\\s+")) {
					if (word.startsWith("@")) {
						account(word, workspace).ifPresent(found::add);
					}
				}
				return found;
			}

			@Override
			public String written(ChatAccount account) {
				return "@" + account.memberId();
			}

			@Override
			public String describe() {
				return "a " + name + " id";
			}
		};
	}

	/** A messenger that records whom it sent to. */
	private static final class Recording implements PlatformMessenger {

		private final String platform;
		final List<ChatAccount> sentTo = new ArrayList<>();

		Recording(String platform) {
			this.platform = platform;
		}

		@Override
		public String platform() {
			return platform;
		}

		@Override
		public SentMessage sendDirect(ChatAccount to, ChatMessage message) {
			sentTo.add(to);
			return new SentMessage(to, "D-" + to.memberId(), "1");
		}

		@Override
		public void update(SentMessage message, ChatMessage replacement) {
			sentTo.add(message.account());
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
			sentTo.add(to);
		}

		@Override
		public void showHome(ChatAccount to, HomeScreen home) {
			sentTo.add(to);
		}

		@Override
		public void openForm(ChatAccount to, String trigger, Form form) {
			sentTo.add(to);
		}

		@Override
		public boolean connected() {
			return true;
		}
	}

	private final AccountReferences references = new AccountReferences(
			List.of(platform("alpha", "a"), platform("beta", "b")));

	@Test
	void whatIsTypedIsReadByItsPlatformsAdapter() {
		assertThat(references.account("alpha", "@a-ada", "W1")).hasValue(new ChatAccount("alpha", "W1", "a-ada"));
		assertThat(references.account("alpha", "b-bo", "W1")).as("beta's format on alpha").isEmpty();
		assertThat(references.account("gamma", "a-ada", null)).as("no adapter").isEmpty();
		assertThat(references.anyAccount("b-bo")).hasValue(new ChatAccount("beta", null, "b-bo"));
		assertThat(references.anyAccount("ada@example.org")).isEmpty();
		assertThat(references.mentions("beta", "pause @b-bo and @a-ada", "W2"))
			.containsExactly(new ChatAccount("beta", "W2", "b-bo"));
		assertThat(references.written(new ChatAccount("beta", null, "b-bo"))).isEqualTo("@b-bo");
		assertThat(references.written(new ChatAccount("gamma", null, "g1"))).isEqualTo("g1");
		assertThat(references.knows("alpha")).isTrue();
		assertThat(references.knows("gamma")).isFalse();
	}

	@Test
	void eachMessageGoesToTheMessengerOfItsAccountsPlatform() {
		Recording alpha = new Recording("alpha");
		Recording beta = new Recording("beta");
		RoutingMessenger messenger = new RoutingMessenger(List.of(alpha, beta));
		ChatAccount ada = new ChatAccount("alpha", "W1", "a-ada");
		ChatAccount bo = new ChatAccount("beta", null, "b-bo");

		SentMessage sent = messenger.sendDirect(ada, ChatMessage.text("Hello"));
		messenger.sendDirect(bo, ChatMessage.text("Hej"));
		messenger.update(sent, ChatMessage.text("Hello again"));
		messenger.sendEphemeral("D-b-bo", bo, ChatMessage.text("Only you"));
		messenger.showHome(ada, HomeScreen.builder().section("Home").build());
		messenger.openForm(bo, "trigger", Form.builder("form", "A form").build());

		assertThat(alpha.sentTo).containsExactly(ada, ada, ada);
		assertThat(beta.sentTo).containsExactly(bo, bo, bo);
		assertThat(messenger.of("beta")).containsSame(beta);
		assertThat(messenger.connected()).isTrue();
	}

	@Test
	void aPlatformWithoutAnAdapterIsNotConnected() {
		RoutingMessenger messenger = new RoutingMessenger(List.of(new Recording("alpha")));

		DeliveryFailed failed = catchThrowableOfType(DeliveryFailed.class,
				() -> messenger.sendDirect(new ChatAccount("gamma", null, "g1"), ChatMessage.text("Hello")));

		assertThat(failed.reason()).isEqualTo("gamma_not_connected");
		assertThat(failed.retryable()).isFalse();
		assertThat(catchThrowableOfType(DeliveryFailed.class, () -> messenger.openForm(
				new ChatAccount("gamma", null, "g1"), "trigger", Form.builder("form", "A form").build())).reason())
			.isEqualTo("gamma_not_connected");
		// a Home is shown best effort: nowhere to show it is no failure
		messenger.showHome(new ChatAccount("gamma", null, "g1"), HomeScreen.builder().section("Home").build());
		assertThat(new RoutingMessenger(List.of()).connected()).isFalse();
		DirectoryUnavailable unknown = catchThrowableOfType(DirectoryUnavailable.class,
				() -> new RoutingPeopleDirectory(List.of()).lookup(new ChatAccount("gamma", null, "g1")));
		assertThat(unknown.reason()).isEqualTo("gamma_not_connected");
	}

	@Test
	void anAccountIsOneMemberOfOnePlatformWhateverTheWorkspaceAndItsScopeIsItsWorkspace() {
		ChatAccount known = new ChatAccount("slack", "T1", "U1");
		ChatAccount notYet = new ChatAccount("slack", null, "U1");

		assertThat(known.key()).isEqualTo("slack:U1").isEqualTo(notYet.key());
		assertThat(known.sameMember(notYet)).isTrue();
		assertThat(known.sameMember(new ChatAccount("slack", "T2", "U1"))).isFalse();
		assertThat(known.sameMember(new ChatAccount("web", "T1", "U1"))).isFalse();
		assertThat(known.scope()).isEqualTo("slack/T1");
		assertThat(notYet.scope()).isEqualTo("slack");
		assertThat(new ChatAccount("slack", " ", "U1").workspace()).isNull();
	}
}
