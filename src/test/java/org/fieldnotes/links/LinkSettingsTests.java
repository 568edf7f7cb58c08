package org.fieldnotes.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code FIELDNOTES_LINK_SECRET} must carry at least 256 bits: hex, or base64 (standard or URL-safe, padding
 * optional), decoding to at least 32 bytes, which are the HS256 key. Anything weaker stops start-up with a message
 * that names the variable and how to make one, and never repeats the value.
 */
class LinkSettingsTests {

	private static final byte[] RANDOM = bytes(32);

	@Test
	void base64AndHexOf32BytesAreTheKeyItself() {
		assertThat(settings(Base64.getEncoder().encodeToString(RANDOM)).key()).hasValue(RANDOM);
		assertThat(settings(Base64.getUrlEncoder().withoutPadding().encodeToString(RANDOM)).key()).hasValue(RANDOM);
		assertThat(settings(" " + HexFormat.of().formatHex(RANDOM) + "\n").key()).hasValue(RANDOM);
		assertThat(settings(HexFormat.of().withUpperCase().formatHex(bytes(48))).key()).hasValue(bytes(48));
		assertThat(settings("").key()).isEmpty();
		assertThat(settings(null).key()).isEmpty();
	}

	@Test
	void aSecretOfFewerThan256BitsOrNeitherHexNorBase64StopsStartUp() {
		String[] weak = { "abc", "test-link-secret", Base64.getEncoder().encodeToString(bytes(31)),
				HexFormat.of().formatHex(bytes(31)), "correct horse battery staple, but long enough to pass 32?",
				"ünïcödé-ünïcödé-ünïcödé-ünïcödé-ünïcödé" };
		for (String secret : weak) {
			assertThatIllegalArgumentException().as(secret).isThrownBy(() -> settings(secret))
				.withMessageStartingWith("FIELDNOTES_LINK_SECRET ")
				.withMessageContaining("at least 256 bits")
				.withMessageContaining("openssl rand -base64 32")
				.withMessageNotContaining(secret);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Base64.getEncoder().encodeToString(bytes(31))))
			.withMessageContaining("decodes to 31 bytes");
	}

	@Test
	void theApplicationRefusesToStartWithAWeakSecret() {
		new ApplicationContextRunner().withUserConfiguration(WithLinkSettings.class)
			.withPropertyValues("fieldnotes.links.secret=abc")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(rootMessage(context.getStartupFailure())).startsWith("FIELDNOTES_LINK_SECRET ")
					.contains("openssl rand -base64 32");
			});
		new ApplicationContextRunner().withUserConfiguration(WithLinkSettings.class)
			.withPropertyValues("fieldnotes.links.secret=" + Base64.getEncoder().encodeToString(RANDOM))
			.run(context -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LinkSettings.class)
	static class WithLinkSettings {
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	private static LinkSettings settings(String secret) {
		return new LinkSettings(secret, "https://fieldnotes.example.org", null);
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		IntStream.range(0, length).forEach(i -> bytes[i] = (byte) (i * 37 + 11));
		return bytes;
	}
}
