package org.fieldnotes.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fieldnotes.support.Accounts.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.stream.IntStream;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/**
 * Whether a failed {@code chat.postMessage} may have posted the message all the same: the Slack adapter says so
 * ({@link DeliveryFailed#mayHaveArrived()}) when the request went out and no answer came, or Slack's answer leaves it
 * open, and its HTTP client never sends such a request again by itself. WireMock stands in for Slack.
 */
class SlackSendOutcomeTests {

	private static final ChatMessage HELLO = ChatMessage.text("Hello");

	@BeforeEach
	void resetSlack() {
		SlackStub.reset();
	}

	private static SlackMessenger messenger(SlackConfig config) {
		return new SlackMessenger(Slack.getInstance(config, SlackHttp.client(config)).methods("xoxb-test-token"));
	}

	private static SlackConfig config(String apiUrl) {
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(apiUrl);
		config.setPrettyResponseLoggingEnabled(false);
		return config;
	}

	private static void onceThenNormally(ResponseDefinitionBuilder first) {
		SlackStub.server()
			.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("once")
				.whenScenarioStateIs(STARTED)
				.willSetStateTo("done")
				.willReturn(first));
	}

	private static DeliveryFailed failureOf(SlackMessenger messenger, ChatMessage message) {
		return catchThrowableOfType(DeliveryFailed.class, () -> messenger.sendDirect(slack("UADA"), message));
	}

	@Test
	void aConnectionResetAfterTheRequestWentOutIsAnUnknownOutcomeAndTheClientDoesNotSendItAgain() {
		SlackMessenger messenger = messenger(config(SlackStub.apiUrl()));
		// a first message leaves a pooled connection, on which OkHttp would by default repeat a failed POST
		messenger.sendDirect(slack("UADA"), HELLO);
		onceThenNormally(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		DeliveryFailed failure = failureOf(messenger, HELLO);

		assertThat(failure.reason()).isEqualTo("no_answer");
		assertThat(failure.kind()).isEqualTo(DeliveryFailed.Kind.TRANSIENT);
		assertThat(failure.mayHaveArrived()).isTrue();
		assertThat(SlackStub.calls("chat.postMessage")).hasSize(2);
	}

	@Test
	void theSdksOwnHttpClientWouldPostItAgainUnseen() {
		// why SlackHttp exists: the same reset on a pooled connection, with the SDK's client as it comes
		SlackConfig config = config(SlackStub.apiUrl());
		SlackMessenger sdkDefault = new SlackMessenger(Slack.getInstance(config).methods("xoxb-test-token"));
		sdkDefault.sendDirect(slack("UADA"), HELLO);
		onceThenNormally(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		sdkDefault.sendDirect(slack("UADA"), HELLO);

		assertThat(SlackStub.calls("chat.postMessage")).as("the failed POST repeated inside OkHttp").hasSize(3);
	}

	@Test
	void aReadTimeoutIsAnUnknownOutcome() {
		SlackConfig config = config(SlackStub.apiUrl());
		config.setHttpClientReadTimeoutMillis(300);
		onceThenNormally(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withFixedDelay(1500)
			.withBody("{\"ok\":true,\"channel\":\"DUADA\",\"ts\":\"1.2\"}"));

		DeliveryFailed failure = failureOf(messenger(config), HELLO);

		assertThat(failure.reason()).isEqualTo("no_answer");
		assertThat(failure.mayHaveArrived()).isTrue();
		assertThat(SlackStub.calls("chat.postMessage")).hasSize(1);
	}

	@Test
	void aRefusedConnectionIsCertainlyNotSent() {
		DeliveryFailed failure = failureOf(messenger(config("http://127.0.0.1:" + closedPort() + "/api/")), HELLO);

		assertThat(failure.reason()).isEqualTo("unreachable");
		assertThat(failure.kind()).isEqualTo(DeliveryFailed.Kind.TRANSIENT);
		assertThat(failure.mayHaveArrived()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "500, , true", "502, , true", "504, , true", "503, , false", "200, internal_error, true",
			"200, fatal_error, true", "200, service_unavailable, false", "200, request_timeout, false",
			"200, channel_not_found, false", "429, ratelimited, false" })
	void slacksAnswersThatLeaveItOpenAreUnknownOutcomes(int status, String error, boolean mayHaveArrived) {
		ResponseDefinitionBuilder answer = aResponse().withStatus(status);
		if (error != null) {
			answer.withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"" + error + "\"}");
		}
		onceThenNormally(answer);

		DeliveryFailed failure = failureOf(messenger(config(SlackStub.apiUrl())), HELLO);

		assertThat(failure.mayHaveArrived()).as("%d %s", status, error).isEqualTo(mayHaveArrived);
	}

	@Test
	void aMessageCutOffAfterItsFirstPartMayHaveArrived() {
		var builder = ChatMessage.builder("Sixty paragraphs");
		IntStream.range(0, 60).forEach(i -> builder.paragraph("Paragraph " + i));
		onceThenNormally(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true,\"channel\":\"DUADA\",\"ts\":\"1.2\"}"));
		SlackStub.server()
			.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("once")
				.whenScenarioStateIs("done")
				.willReturn(aResponse().withStatus(503)));

		DeliveryFailed failure = failureOf(messenger(config(SlackStub.apiUrl())), builder.build());

		// a 503 alone means "not posted", but the first part was
		assertThat(failure.reason()).isEqualTo("http_503");
		assertThat(failure.mayHaveArrived()).isTrue();
		assertThat(SlackStub.calls("chat.postMessage")).hasSize(2);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
