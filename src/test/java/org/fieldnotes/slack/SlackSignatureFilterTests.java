package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.fieldnotes.support.SlackRequests;
import org.junit.jupiter.api.Test;

/**
 * {@link SlackSignatureFilter#problem} on its own: the reason a request is refused, or {@literal null}. Signatures
 * are made by {@link SlackRequests}, which is written independently of the filter.
 */
class SlackSignatureFilterTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
	private static final long NOW_SECONDS = NOW.getEpochSecond();
	private static final String BODY = "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"text\":\"hi\"}}";

	private final SlackSignatureFilter filter = new SlackSignatureFilter(SlackRequests.SIGNING_SECRET, 1024 * 1024,
			Clock.fixed(NOW, ZoneOffset.UTC));

	private static String signed(long timestamp, String body) {
		return SlackRequests.signature(SlackRequests.SIGNING_SECRET, timestamp, body);
	}

	private String problem(String timestamp, String signature, String body) {
		return filter.problem(timestamp, signature, body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aCorrectSignatureHasNoProblem() {
		assertThat(problem(Long.toString(NOW_SECONDS), signed(NOW_SECONDS, BODY), BODY)).isNull();
	}

	@Test
	void signsAsSlackDoes() {
		assertThat(filter.sign(Long.toString(NOW_SECONDS), BODY.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(signed(NOW_SECONDS, BODY));
	}

	@Test
	void missingHeaders() {
		String now = Long.toString(NOW_SECONDS);
		assertThat(problem(null, signed(NOW_SECONDS, BODY), BODY)).isEqualTo("missing_signature_headers");
		assertThat(problem(now, null, BODY)).isEqualTo("missing_signature_headers");
		assertThat(problem(null, null, BODY)).isEqualTo("missing_signature_headers");
		assertThat(problem(" ", signed(NOW_SECONDS, BODY), BODY)).isEqualTo("missing_signature_headers");
		assertThat(problem(now, "", BODY)).isEqualTo("missing_signature_headers");
	}

	@Test
	void badSignature() {
		String now = Long.toString(NOW_SECONDS);
		assertThat(problem(now, "v0=" + "ab".repeat(32), BODY)).isEqualTo("bad_signature");
		assertThat(problem(now, "v0=short", BODY)).isEqualTo("bad_signature");
		assertThat(problem(now, signed(NOW_SECONDS, BODY).replace("v0=", "v1="), BODY)).isEqualTo("bad_signature");
	}

	@Test
	void signatureWithAnotherSecret() {
		assertThat(problem(Long.toString(NOW_SECONDS), SlackRequests.signature("another-secret", NOW_SECONDS, BODY), BODY))
			.isEqualTo("bad_signature");
	}

	@Test
	void signatureForAnotherBody() {
		assertThat(problem(Long.toString(NOW_SECONDS), signed(NOW_SECONDS, BODY), BODY + " ")).isEqualTo("bad_signature");
		assertThat(problem(Long.toString(NOW_SECONDS), signed(NOW_SECONDS, BODY), "")).isEqualTo("bad_signature");
	}

	@Test
	void signatureForAnotherTimestamp() {
		assertThat(problem(Long.toString(NOW_SECONDS), signed(NOW_SECONDS - 1, BODY), BODY)).isEqualTo("bad_signature");
	}

	@Test
	void staleAndFutureTimestamps() {
		long stale = NOW_SECONDS - 6 * 60;
		long future = NOW_SECONDS + 6 * 60;
		assertThat(problem(Long.toString(stale), signed(stale, BODY), BODY)).isEqualTo("stale_or_future_timestamp");
		assertThat(problem(Long.toString(future), signed(future, BODY), BODY)).isEqualTo("stale_or_future_timestamp");
		long justOver = NOW_SECONDS - 301;
		assertThat(problem(Long.toString(justOver), signed(justOver, BODY), BODY)).isEqualTo("stale_or_future_timestamp");
	}

	@Test
	void skewUpToFiveMinutesIsAccepted() {
		for (long skew : new long[] { -299, 299, -300, 300 }) {
			long timestamp = NOW_SECONDS + skew;
			assertThat(problem(Long.toString(timestamp), signed(timestamp, BODY), BODY)).as("skew %d s", skew).isNull();
		}
	}

	@Test
	void nonNumericTimestamp() {
		assertThat(problem("yesterday", signed(NOW_SECONDS, BODY), BODY)).isEqualTo("bad_timestamp");
		assertThat(problem("1.5e9", signed(NOW_SECONDS, BODY), BODY)).isEqualTo("bad_timestamp");
		assertThat(problem("99999999999999999999", signed(NOW_SECONDS, BODY), BODY)).isEqualTo("bad_timestamp");
	}

	@Test
	void timestampsFarOutOfRangeAreStaleNotAcceptedByOverflow() {
		// now - t overflows for timestamps near Long.MIN_VALUE; such a request must still count as stale
		long wrapsToMinValue = NOW_SECONDS + Long.MIN_VALUE;
		assertThat(problem(Long.toString(wrapsToMinValue), signed(wrapsToMinValue, BODY), BODY))
			.isEqualTo("stale_or_future_timestamp");
		long minimum = Long.MIN_VALUE;
		assertThat(problem(Long.toString(minimum), signed(minimum, BODY), BODY)).isEqualTo("stale_or_future_timestamp");
		long maximum = Long.MAX_VALUE;
		assertThat(problem(Long.toString(maximum), signed(maximum, BODY), BODY)).isEqualTo("stale_or_future_timestamp");
	}

	@Test
	void sslCheckWithoutOrWithBadSignature() {
		String sslCheck = "ssl_check=1&token=x&payload=%7B%7D";
		assertThat(problem(null, null, sslCheck)).isEqualTo("missing_signature_headers");
		assertThat(problem(Long.toString(NOW_SECONDS), "v0=" + "00".repeat(32), sslCheck)).isEqualTo("bad_signature");
		String command = "ssl_check=1&" + SlackRequests.slashCommand("UADA", "log hi");
		assertThat(problem(Long.toString(NOW_SECONDS), signed(NOW_SECONDS, "ssl_check=1"), command))
			.isEqualTo("bad_signature");
	}
}
