package org.fieldnotes.digest.summary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional summary endpoint: what it is sent (the given entries, the model, the key), and that a slow, failing
 * or nonsensical answer gives the extractive summary instead.
 */
class ChatCompletionsSummarizerTests {

	private static final String PATH = "/v1/chat/completions";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
	private static final List<String> ENTRIES = List.of("Planning the bench test with the supplier.",
			"Learning how design reviews are run.\nThe supplier joined, too.");

	private final ExtractiveSummarizer extractive = new ExtractiveSummarizer(SummaryMessages.bundle());

	@BeforeAll
	static void start() {
		SERVER.start();
	}

	@AfterAll
	static void stop() {
		SERVER.stop();
	}

	@BeforeEach
	void reset() {
		SERVER.resetAll();
	}

	@Test
	void theEndpointGetsTheModelTheKeyAndExactlyTheGivenEntries() {
		answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
				{"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":"  A week of bench tests and\\n design reviews.  "}}]}
				"""));

		assertThat(summarizer(Duration.ofSeconds(5), "sk-test").summarize(ENTRIES, Locale.ENGLISH))
			.hasValue("A week of bench tests and design reviews.");

		SERVER.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", equalTo("application/json")));
		JsonNode body = JSON.readTree(onlyRequest().getBodyAsString());
		assertThat(fieldNames(body)).containsExactly("model", "messages");
		assertThat(body.get("model").asString()).isEqualTo("gpt-test");
		assertThat(body.get("messages")).hasSize(2);
		JsonNode system = body.get("messages").get(0);
		assertThat(system.get("role").asString()).isEqualTo("system");
		assertThat(system.get("content").asString()).contains("in English").doesNotContain("supplier");
		JsonNode user = body.get("messages").get(1);
		assertThat(user.get("role").asString()).isEqualTo("user");
		assertThat(user.get("content").asString()).isEqualTo(String.join(ChatCompletionsSummarizer.SEPARATOR, ENTRIES));
	}

	@Test
	void noKeyNoAuthorizationAndTheInstructionIsInTheRecipientsLanguage() {
		answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody("{\"choices\":[{\"message\":{\"content\":\"En vecka med provbänk.\"}}]}"));

		assertThat(summarizer(Duration.ofSeconds(5), "").summarize(ENTRIES, Locale.forLanguageTag("sv")))
			.hasValue("En vecka med provbänk.");

		assertThat(onlyRequest().containsHeader("Authorization")).isFalse();
		assertThat(JSON.readTree(onlyRequest().getBodyAsString()).get("messages").get(0).get("content").asString())
			.contains("på svenska");
	}

	@Test
	void anAnswerSlowerThanTheTimeoutGivesTheExtractiveSummary() {
		answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody("{\"choices\":[{\"message\":{\"content\":\"Too late.\"}}]}")
			.withFixedDelay(3_000));

		long start = System.nanoTime();
		assertThat(summarizer(Duration.ofMillis(300), "sk-test").summarize(ENTRIES, Locale.ENGLISH))
			.isEqualTo(extractive.summarize(ENTRIES, Locale.ENGLISH));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
	}

	@Test
	void aServerErrorGivesTheExtractiveSummary() {
		answer(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}"));

		assertThat(summarizer(Duration.ofSeconds(5), "sk-test").summarize(ENTRIES, Locale.ENGLISH))
			.isEqualTo(extractive.summarize(ENTRIES, Locale.ENGLISH));
	}

	@Test
	void malformedJsonGivesTheExtractiveSummaryAndTheWarningNamesOnlyTheFailure() {
		answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody("{\"choices\": [ {\"message\": Planning the bench test"));
		Logger logger = (Logger) LoggerFactory.getLogger(ChatCompletionsSummarizer.class);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		logger.addAppender(logged);
		try {
			assertThat(summarizer(Duration.ofSeconds(5), "sk-test").summarize(ENTRIES, Locale.ENGLISH))
				.isEqualTo(extractive.summarize(ENTRIES, Locale.ENGLISH));
		}
		finally {
			logger.detachAppender(logged);
		}

		assertThat(logged.list).singleElement().satisfies(event -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).doesNotContain("bench").doesNotContain("supplier");
			assertThat(event.getThrowableProxy()).isNull();
		});
	}

	@Test
	void anEmptyAnswerGivesTheExtractiveSummary() {
		answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody("{\"choices\":[{\"message\":{\"content\":\"  \"}}]}"));

		assertThat(summarizer(Duration.ofSeconds(5), "sk-test").summarize(ENTRIES, Locale.ENGLISH))
			.isEqualTo(extractive.summarize(ENTRIES, Locale.ENGLISH));
	}

	@Test
	void aWeekWithoutEntriesAsksNothing() {
		assertThat(summarizer(Duration.ofSeconds(5), "sk-test").summarize(List.of(), Locale.ENGLISH)).isEmpty();
		assertThat(SERVER.getAllServeEvents()).isEmpty();
	}

	private ChatCompletionsSummarizer summarizer(Duration timeout, String key) {
		return new ChatCompletionsSummarizer(
				new SummarySettings("http://localhost:" + SERVER.port() + PATH, "gpt-test", key, timeout), extractive,
				SummaryMessages.bundle());
	}

	private static void answer(ResponseDefinitionBuilder response) {
		SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(response));
	}

	private static LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlEqualTo(PATH)));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}
}
