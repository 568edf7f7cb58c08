package org.fieldnotes.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * The bot's own tokens and the Bot Connector, against WireMock as the login host and the connector: the token is
 * fetched once and kept until shortly before it expires, a refused token is replaced once, the connector's refusals
 * mean what they should for another try, and nothing (not the token, not a request) goes to a service URL outside
 * the allow-list.
 */
class BotConnectorTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
	private static final String CONVERSATION = "a:1x2y3z";
	/** Another server, which no setting allows: an attacker's service URL. */
	private static final WireMockServer ELSEWHERE = new WireMockServer(options().dynamicPort());

	static {
		ELSEWHERE.start();
	}

	private final MutableClock clock = new MutableClock(NOW);
	private TeamsTokens tokens;
	private BotConnector connector;

	@BeforeEach
	void setUp() {
		TeamsStub.reset();
		ELSEWHERE.resetAll();
		ELSEWHERE.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"stolen\"}")));
		TeamsSettings settings = new TeamsSettings(TeamsStub.APP_ID, TeamsStub.APP_PASSWORD, TeamsStub.TENANT,
				TeamsStub.metadataUrl(), TeamsStub.loginUrl(), TeamsStub.ISSUER, List.of(TeamsStub.base()), false,
				1024);
		HttpClient http = HttpClient.newHttpClient();
		tokens = new TeamsTokens(settings, http, clock);
		connector = new BotConnector(new ServiceUrls(settings.serviceHosts()), tokens, http, clock);
	}

	@AfterAll
	static void stop() {
		ELSEWHERE.stop();
	}

	@Test
	void theTokenIsFetchedOnceWithTheClientCredentialsAndSentWithEveryCall() {
		send();
		send();

		List<LoggedRequest> tokenRequests = TeamsStub.requests(TeamsStub.TOKEN_PATH);
		assertThat(tokenRequests).singleElement().satisfies(r -> {
			assertThat(r.getBodyAsString()).contains("grant_type=client_credentials", "client_id=" + TeamsStub.APP_ID,
					"client_secret=" + TeamsStub.APP_PASSWORD, "scope=https%3A%2F%2Fapi.botframework.com%2F.default");
		});
		assertThat(sends()).hasSize(2)
			.allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer bot-token-1"));
	}

	@Test
	void theTokenIsRefreshedFiveMinutesBeforeItExpires() {
		send();
		clock.advance(Duration.ofMinutes(54).plusSeconds(59));
		send();
		assertThat(TeamsStub.requests(TeamsStub.TOKEN_PATH)).hasSize(1);

		TeamsStub.token("bot-token-2", 3600);
		clock.advance(Duration.ofSeconds(1));
		send();

		assertThat(TeamsStub.requests(TeamsStub.TOKEN_PATH)).hasSize(2);
		assertThat(sends().get(0).getHeader("Authorization")).as("the latest send").isEqualTo("Bearer bot-token-2");
	}

	@Test
	void aTokenTheConnectorRefusesIsReplacedOnceAndTheCallTriedAgain() {
		TeamsStub.server().stubFor(post(urlPathMatching("/connector/v3/conversations/[^/]+/activities"))
			.inScenario("401").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("refused")
			.willReturn(aResponse().withStatus(401)));
		TeamsStub.server().stubFor(post(urlPathMatching("/connector/v3/conversations/[^/]+/activities"))
			.inScenario("401").whenScenarioStateIs("refused")
			.willReturn(okJson("{\"id\":\"1700000000009\"}").withStatus(201)));
		TeamsStub.server().stubFor(post(urlEqualTo(TeamsStub.TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
			.willReturn(okJson("{\"expires_in\":3600,\"access_token\":\"bot-token-1\"}")));
		TeamsStub.server().stubFor(post(urlEqualTo(TeamsStub.TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("second")
			.willReturn(okJson("{\"expires_in\":3600,\"access_token\":\"bot-token-2\"}")));

		String id = send();

		assertThat(id).isEqualTo("1700000000009");
		assertThat(TeamsStub.requests(TeamsStub.TOKEN_PATH)).hasSize(2);
		assertThat(sends()).extracting(r -> r.getHeader("Authorization"))
			.as("newest first").containsExactly("Bearer bot-token-2", "Bearer bot-token-1");
	}

	@Test
	void aSecond401IsPermanent() {
		TeamsStub.server().stubFor(post(urlPathMatching("/connector/v3/conversations/[^/]+/activities"))
			.willReturn(aResponse().withStatus(401)));

		assertThatThrownBy(this::send).isInstanceOfSatisfying(DeliveryFailed.class, f -> {
			assertThat(f.kind()).isEqualTo(DeliveryFailed.Kind.PERMANENT);
			assertThat(f.reason()).isEqualTo("http_401");
		});
		assertThat(sends()).as("one try and one with a fresh token").hasSize(2);
		assertThat(TeamsStub.requests(TeamsStub.TOKEN_PATH)).hasSize(2);
	}

	@Test
	void aRateLimitSaysHowLongToWait() {
		refuse(aResponse().withStatus(429).withHeader("Retry-After", "7"));

		assertThatThrownBy(this::send).isInstanceOfSatisfying(DeliveryFailed.class, f -> {
			assertThat(f.kind()).isEqualTo(DeliveryFailed.Kind.RATE_LIMITED);
			assertThat(f.retryAfter()).contains(Duration.ofSeconds(7));
			assertThat(f.mayHaveArrived()).isFalse();
		});
	}

	@Test
	void aRetryAfterDateIsReadAgainstTheClock() {
		DeliveryFailed failure = connector.failure(429, "Wed, 02 Dec 2026 10:00:30 GMT", "");

		assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
		assertThat(connector.failure(429, "soon", "").retryAfter()).contains(Duration.ofSeconds(1));
	}

	@Test
	void aRedirectIsNotFollowed() {
		refuse(aResponse().withStatus(307).withHeader("Location", "http://localhost:" + ELSEWHERE.port() + "/steal"));

		assertThatThrownBy(this::send).isInstanceOfSatisfying(DeliveryFailed.class,
				f -> assertThat(f.reason()).isEqualTo("http_307"));
		assertThat(ELSEWHERE.getAllServeEvents()).as("the token did not follow the redirect").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 412, 502, 503, 504 })
	void serverTroubleIsTransient(int status) {
		refuse(aResponse().withStatus(status));

		assertThatThrownBy(this::send).isInstanceOfSatisfying(DeliveryFailed.class, f -> {
			assertThat(f.kind()).isEqualTo(DeliveryFailed.Kind.TRANSIENT);
			assertThat(f.retryable()).isTrue();
			assertThat(f.mayHaveArrived()).as("a gateway's 502/504 may come after the connector took it")
				.isEqualTo(status == 502 || status == 504);
		});
	}

	@Test
	void messageWritesBlockedMeansTheRecipientIsGone() {
		refuse(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"Forbidden\",\"message\":\"User blocked the conversation with the bot.\"},"
					+ "\"subCode\":\"MessageWritesBlocked\"}"));

		assertThatThrownBy(this::send).isInstanceOfSatisfying(DeliveryFailed.class, f -> {
			assertThat(f.kind()).isEqualTo(DeliveryFailed.Kind.RECIPIENT_GONE);
			assertThat(f.reason()).isEqualTo("message_writes_blocked");
		});
	}

	@Test
	void anotherRefusalIsPermanentAndNamedByItsCode() {
		refuse(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"Conversation not found.\"}}"));

		assertThatThrownBy(this::send).isInstanceOfSatisfying(DeliveryFailed.class, f -> {
			assertThat(f.kind()).isEqualTo(DeliveryFailed.Kind.PERMANENT);
			assertThat(f.reason()).isEqualTo("ConversationNotFound");
		});
	}

	@Test
	void aServiceUrlOutsideTheAllowListIsNeverCalledAndTheTokenNeverLeaves() {
		String attacker = "http://localhost:" + ELSEWHERE.port() + "/teams/";

		assertThatThrownBy(() -> connector.send(attacker, CONVERSATION, TeamsCards.activity(ChatMessage.text("Hi"))))
			.isInstanceOfSatisfying(DeliveryFailed.class, f -> {
				assertThat(f.reason()).isEqualTo(BotConnector.NOT_ALLOWED);
				assertThat(f.retryable()).isFalse();
			});
		assertThatThrownBy(() -> connector.update("https://smba.trafficmanager.net.attacker.example/x/", CONVERSATION,
				"1", TeamsCards.activity(ChatMessage.text("Hi")))).isInstanceOf(DeliveryFailed.class);
		assertThatThrownBy(() -> connector.send("https://user@" + TeamsStub.base().substring(7) + "/connector/",
				CONVERSATION, TeamsCards.activity(ChatMessage.text("Hi")))).isInstanceOf(DeliveryFailed.class);

		assertThat(ELSEWHERE.getAllServeEvents()).as("the attacker's server saw nothing").isEmpty();
		assertThat(TeamsStub.requests(TeamsStub.TOKEN_PATH)).as("no token was even fetched").isEmpty();
		assertThat(TeamsStub.server().getAllServeEvents()).isEmpty();
	}

	@Test
	void aPersonsWordsInACardAreText() {
		String words = "**bold** <at>Boss</at> [x](http://evil) _it_ # heading\n- item";
		ChatMessage message = ChatMessage.builder("Your reflection").heading("Saved **for real**")
			.quote("You wrote", words).paragraph(ChatMessage.Span.bold("[y](http://evil2)")).build();

		connector.send(TeamsStub.serviceUrl(), CONVERSATION, TeamsCards.activity(message));

		JsonNode card = TeamsStub.activitiesSent().get(0).get("attachments").get(0).get("content");
		assertThat(card.get("version").asString()).isEqualTo("1.5");
		List<String> runs = textRuns(card);
		assertThat(runs).contains(words, "Saved **for real**", "[y](http://evil2)");
		assertThat(card.toString()).as("no element that reads markdown").doesNotContain("\"TextBlock\"");
	}

	private String send() {
		return connector.send(TeamsStub.serviceUrl(), CONVERSATION, TeamsCards.activity(ChatMessage.text("Hello")));
	}

	private static void refuse(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		TeamsStub.server().stubFor(post(urlPathMatching("/connector/v3/conversations/[^/]+/activities")).willReturn(answer));
	}

	/** The requests to the connector's activities, newest first. */
	private static List<LoggedRequest> sends() {
		return TeamsStub.requests("/connector/v3/conversations/[^/]+/activities");
	}

	static List<String> textRuns(JsonNode node) {
		List<String> runs = new java.util.ArrayList<>();
		collect(node, runs);
		return runs;
	}

	private static void collect(JsonNode node, List<String> runs) {
		if (node.isObject() && "TextRun".equals(node.path("type").asString(""))) {
			runs.add(node.get("text").asString());
		}
		for (JsonNode child : node) {
			collect(child, runs);
		}
	}
}
