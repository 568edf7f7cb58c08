package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request to /slack/events must carry Slack's signature over its exact body and a fresh timestamp; anything
 * else is refused with 401 before Bolt or a listener sees it. The body is a DM (or a {@code /fieldnotes log}) from
 * an enrolled participant, so a request that slipped through would leave a logbook entry behind.
 */
class SlackSignatureTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String JSON_TYPE = "application/json";
	private static final String FORM_TYPE = "application/x-www-form-urlencoded";

	private String placementId;

	@BeforeEach
	void enrolAda() {
		placementId = enrol(ADA, "2026-11-02", "2027-04-30");
	}

	private static String dm(String eventId, String text) {
		return SlackRequests.directMessage(eventId, ADA, "DUADA", "1764669600.000100", text, null);
	}

	private long now() {
		return clock.instant().getEpochSecond();
	}

	private HttpResponse<String> postWithHeaders(String body, String contentType, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/slack/events"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	private void assertRefused(HttpResponse<String> response, String error) {
		assertThat(response.statusCode()).as("status of a refused request").isEqualTo(401);
		assertThat(json(response.body()).get("error").asString()).isEqualTo(error);
		assertNothingHandled();
	}

	private void assertNothingHandled() {
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).as("entries stored").isZero();
		assertThat(SlackStub.calls("chat.postMessage")).as("messages sent").isEmpty();
		assertThat(SlackStub.calls("reactions.add")).as("reactions added").isEmpty();
	}

	@Test
	void aCorrectlySignedRequestIsHandled() {
		// the control for every refusal below: the same body, signed properly, is stored
		HttpResponse<String> response = slackEvent(dm("Ev1", "Signed properly"), JSON_TYPE);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(get("/api/v1/placements/" + placementId + "/entries").body())).hasSize(1);
	}

	@Test
	void missingTimestampHeaderIsRefused() {
		String body = dm("Ev1", "No timestamp");
		assertRefused(postWithHeaders(body, JSON_TYPE, "X-Slack-Signature",
				SlackRequests.signature(SlackRequests.SIGNING_SECRET, now(), body)), "missing_signature_headers");
	}

	@Test
	void missingSignatureHeaderIsRefused() {
		String body = dm("Ev1", "No signature");
		assertRefused(postWithHeaders(body, JSON_TYPE, "X-Slack-Request-Timestamp", Long.toString(now())),
				"missing_signature_headers");
	}

	@Test
	void missingBothHeadersIsRefused() {
		assertRefused(postWithHeaders(dm("Ev1", "No headers at all"), JSON_TYPE), "missing_signature_headers");
	}

	@Test
	void emptySignatureHeaderIsRefused() {
		assertRefused(slackEventSignedAt(dm("Ev1", "Empty signature"), JSON_TYPE, now(), ""),
				"missing_signature_headers");
	}

	@Test
	void badSignatureIsRefused() {
		assertRefused(slackEventSignedAt(dm("Ev1", "Garbage signature"), JSON_TYPE, now(), "v0=" + "ab".repeat(32)),
				"bad_signature");
	}

	@Test
	void signatureWithAnotherSecretIsRefused() {
		String body = dm("Ev1", "Signed by someone else");
		assertRefused(slackEventSignedAt(body, JSON_TYPE, now(), SlackRequests.signature("another-secret", now(), body)),
				"bad_signature");
	}

	@Test
	void signatureForAnotherBodyIsRefused() {
		String signed = dm("Ev1", "What Slack sent");
		String sent = dm("Ev1", "What an attacker sends instead");
		assertRefused(slackEventSignedAt(sent, JSON_TYPE, now(),
				SlackRequests.signature(SlackRequests.SIGNING_SECRET, now(), signed)), "bad_signature");
	}

	@Test
	void signatureForAnotherTimestampIsRefused() {
		String body = dm("Ev1", "Replayed with a fresh timestamp");
		long signedAt = now() - 600;
		assertRefused(slackEventSignedAt(body, JSON_TYPE, now(),
				SlackRequests.signature(SlackRequests.SIGNING_SECRET, signedAt, body)), "bad_signature");
	}

	@Test
	void uppercaseHexSignatureIsRefused() {
		// Slack sends lower-case hex; the comparison is exact
		String body = dm("Ev1", "Upper case");
		String signature = SlackRequests.signature(SlackRequests.SIGNING_SECRET, now(), body);
		assertRefused(slackEventSignedAt(body, JSON_TYPE, now(), "v0=" + signature.substring(3).toUpperCase()),
				"bad_signature");
	}

	@Test
	void staleTimestampIsRefusedEvenWhenCorrectlySigned() {
		String body = dm("Ev1", "A replay from six minutes ago");
		long sixMinutesAgo = now() - Duration.ofMinutes(6).toSeconds();
		assertRefused(slackEventSignedAt(body, JSON_TYPE, sixMinutesAgo,
				SlackRequests.signature(SlackRequests.SIGNING_SECRET, sixMinutesAgo, body)), "stale_or_future_timestamp");
	}

	@Test
	void futureTimestampIsRefusedEvenWhenCorrectlySigned() {
		String body = dm("Ev1", "Six minutes from now");
		long sixMinutesAhead = now() + Duration.ofMinutes(6).toSeconds();
		assertRefused(slackEventSignedAt(body, JSON_TYPE, sixMinutesAhead,
				SlackRequests.signature(SlackRequests.SIGNING_SECRET, sixMinutesAhead, body)), "stale_or_future_timestamp");
	}

	@Test
	void nonNumericTimestampIsRefused() {
		String body = dm("Ev1", "Timestamp is not a number");
		String timestamp = "yesterday";
		String signature = sign(timestamp, body);
		assertRefused(postWithHeaders(body, JSON_TYPE, "X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature",
				signature), "bad_timestamp");
	}

	@Test
	void sslCheckWithoutSignatureIsRefused() {
		String body = "ssl_check=1&token=x&payload=" + encodedCommandPayload();
		assertRefused(postWithHeaders(body, FORM_TYPE), "missing_signature_headers");
	}

	@Test
	void sslCheckWithBadSignatureIsRefused() {
		String body = "ssl_check=1&" + SlackRequests.slashCommand(ADA, "log sneaked in with an ssl check");
		assertRefused(slackEventSignedAt(body, FORM_TYPE, now(), "v0=" + "00".repeat(32)), "bad_signature");
	}

	@Test
	void slashCommandWithAnotherSecretIsRefused() {
		String body = SlackRequests.slashCommand(ADA, "log forged entry");
		assertRefused(slackEventSignedAt(body, FORM_TYPE, now(), SlackRequests.signature("guess", now(), body)),
				"bad_signature");
	}

	@Test
	void signedSslCheckIsAnswered() {
		HttpResponse<String> response = slackEvent("ssl_check=1&token=x", FORM_TYPE);

		assertThat(response.statusCode()).isEqualTo(200);
		assertNothingHandled();
	}

	@Test
	void requestFourMinutesFiftyNineSecondsOldIsAccepted() {
		String body = dm("Ev1", "Slightly delayed");
		long skewed = now() - Duration.ofMinutes(4).plusSeconds(59).toSeconds();

		HttpResponse<String> response = slackEventSignedAt(body, JSON_TYPE, skewed,
				SlackRequests.signature(SlackRequests.SIGNING_SECRET, skewed, body));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(get("/api/v1/placements/" + placementId + "/entries").body())).hasSize(1);
	}

	@Test
	void requestFourMinutesFiftyNineSecondsAheadIsAccepted() {
		String body = dm("Ev1", "Their clock runs fast");
		long skewed = now() + Duration.ofMinutes(4).plusSeconds(59).toSeconds();

		HttpResponse<String> response = slackEventSignedAt(body, JSON_TYPE, skewed,
				SlackRequests.signature(SlackRequests.SIGNING_SECRET, skewed, body));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(get("/api/v1/placements/" + placementId + "/entries").body())).hasSize(1);
	}

	@Test
	void bodyLargerThanOneMebibyteIsRefusedWith413() {
		String body = dm("Ev1", "x".repeat(1024 * 1024));
		assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1024 * 1024);

		HttpResponse<String> response = slackEvent(body, JSON_TYPE);

		assertThat(response.statusCode()).isEqualTo(413);
		assertNothingHandled();
	}

	@Test
	void chunkedBodyLargerThanOneMebibyteIsRefusedWith413() {
		// no Content-Length: the filter has to count what it reads
		String body = dm("Ev1", "y".repeat(1024 * 1024));
		long timestamp = now();
		HttpRequest request = HttpRequest.newBuilder(uri("/slack/events"))
			.header("Content-Type", JSON_TYPE)
			.header("X-Slack-Request-Timestamp", Long.toString(timestamp))
			.header("X-Slack-Signature", SlackRequests.signature(SlackRequests.SIGNING_SECRET, timestamp, body))
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
			.build();

		HttpResponse<String> response = send(request);

		assertThat(response.statusCode()).isEqualTo(413);
		assertNothingHandled();
	}

	@Test
	void bodyJustUnderTheLimitIsAccepted() {
		String envelope = dm("Ev1", "");
		String body = dm("Ev1", "z".repeat(1024 * 1024 - envelope.length() - 1));
		assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024 * 1024);

		assertThat(slackEvent(body, JSON_TYPE).statusCode()).isEqualTo(200);
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isEqualTo(1);
	}

	private static String sign(String timestamp, String body) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(
					SlackRequests.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "v0=" + java.util.HexFormat.of()
				.formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String encodedCommandPayload() {
		return java.net.URLEncoder.encode("{\"type\":\"block_actions\",\"user\":{\"id\":\"UADA\"}}",
				StandardCharsets.UTF_8);
	}
}
