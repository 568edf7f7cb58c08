package org.fieldnotes.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/**
 * Hostile or broken input at the two doors, {@code /slack/events} (correctly signed, so it passes the signature check)
 * and {@code /api/v1}: every request gets a 4xx (a 200 where Slack expects an ack), never a 500, and nothing is
 * logged at ERROR or with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class InboundHardeningTests extends IntegrationTest {

	private static final String JSON = "application/json";
	private static final String FORM = "application/x-www-form-urlencoded";

	private int logFrom;

	@BeforeEach
	void enrolAda(CapturedOutput output) {
		enrol("UADA", "2026-11-02", "2027-04-30");
		logFrom = output.getAll().length();
	}

	static Stream<Arguments> unreadableSlackBodies() {
		return Stream.of(Arguments.of("malformed JSON", "{\"type\": \"event_callback\", \"event\": {", JSON),
				Arguments.of("a JSON array", "[1,2,3]", JSON),
				Arguments.of("an envelope without its event", "{\"type\": \"event_callback\", \"event_id\": \"E1\"}", JSON),
				Arguments.of("a field of the wrong type",
						"{\"type\": \"event_callback\", \"event_id\": \"E2\", \"event\": {\"type\": \"message\", "
								+ "\"channel_type\": \"im\", \"user\": \"UADA\", \"ts\": {}, \"channel\": [1]}}",
						JSON),
				Arguments.of("an unknown envelope type", "{\"type\": \"whatever\"}", JSON),
				Arguments.of("an empty JSON body", "", JSON),
				Arguments.of("payload= that is not JSON", "payload=" + enc("{not-json"), FORM),
				Arguments.of("payload= without a type", "payload=" + enc("{}"), FORM),
				Arguments.of("block actions of the wrong type", "payload=" + enc("{\"type\":\"block_actions\",\"actions\":5}"),
						FORM),
				Arguments.of("block actions without a user", "payload=" + enc("{\"type\":\"block_actions\"}"), FORM),
				Arguments.of("a view submission without a view", "payload=" + enc("{\"type\":\"view_submission\"}"), FORM),
				Arguments.of("a message shortcut without a user", "payload=" + enc("{\"type\":\"message_action\"}"), FORM),
				Arguments.of("broken percent-encoding", "payload=%ZZ%", FORM),
				Arguments.of("a form that is no Slack request", "a=b&&&==", FORM),
				Arguments.of("an empty form", "", FORM),
				Arguments.of("a slash command without its user", "command=%2Ffieldnotes&text=help", FORM),
				Arguments.of("plain text", "hello", "text/plain"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unreadableSlackBodies")
	void aSignedButUnreadableSlackRequestIs400AndLogsNoError(String what, String body, String contentType,
			CapturedOutput output) {
		HttpResponse<String> response = slackEvent(body, contentType);

		assertThat(response.statusCode()).as(what).isEqualTo(400);
		assertNoErrorLogged(output);
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isZero();
	}

	@Test
	void anUnknownEventTypeIsAcknowledgedAndNothingIsStored(CapturedOutput output) {
		HttpResponse<String> response = slackEvent("{\"type\": \"event_callback\", \"event_id\": \"E3\", \"team_id\": \"T1\","
				+ " \"event\": {\"type\": \"reaction_added\", \"user\": \"UADA\", \"reaction\": \"tada\"}}", JSON);

		assertThat(response.statusCode()).isEqualTo(200);
		assertNoErrorLogged(output);
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isZero();
	}

	@Test
	void aSlashCommandWithoutTextOrWithAnUnknownCommandGetsACleanAnswer(CapturedOutput output) {
		// no text: the help; another command name: not ours (404)
		HttpResponse<String> help = slackEvent("command=%2Ffieldnotes&user_id=UADA", FORM);
		assertThat(help.statusCode()).isEqualTo(200);
		assertThat(help.body()).contains("Fieldnotes commands");
		assertThat(slackEvent("command=%2Fother&user_id=UADA&text=x", FORM).statusCode()).isEqualTo(404);
		assertNoErrorLogged(output);
	}

	@Test
	void aHugeDirectMessageUnderTheLimitIsStored(CapturedOutput output) {
		String text = "Long reflection. ".repeat(55_000); // about 935 KB, under the 1 MiB limit
		HttpResponse<String> response = directMessage("EvHuge", "UADA", "1764669600.000900", text, null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isEqualTo(1);
		// a huge body that is not JSON is refused like a small one
		assertThat(slackEvent("{\"a\":\"" + "x".repeat(900_000) + "\"", JSON).statusCode()).isEqualTo(400);
		assertNoErrorLogged(output);
	}

	@Test
	void malformedJsonToTheAdminApiIsAProblemNamingTheBody(CapturedOutput output) {
		HttpResponse<String> response = postJson("/api/v1/placements", "{\"participant\": ");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response.body());
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
		HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/api/v1/programs/KTP"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", JSON)
			.PUT(HttpRequest.BodyPublishers.ofString("{{"))
			.build());
		assertThat(put.statusCode()).isEqualTo(400);
		assertThat(json(put.body()).get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertNoErrorLogged(output);
	}

	@Test
	void anOversizeAdminApiBodyIs413NamingTheBody(CapturedOutput output) {
		String huge = "{\"program\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

		HttpResponse<String> announced = postJson("/api/v1/placements", huge);
		HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/v1/placements"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", JSON)
			.POST(HttpRequest.BodyPublishers.ofInputStream(
					() -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
			.build());

		for (HttpResponse<String> response : java.util.List.of(announced, chunked)) {
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(json(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("body");
		}
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(1);
		// a body just under the limit is read as usual (and refused for what it says, not for its size)
		String under = "{\"program\": \"" + "x".repeat(1024 * 1024 - 100) + "\"}";
		HttpResponse<String> read = postJson("/api/v1/placements", under);
		assertThat(read.statusCode()).isEqualTo(400);
		assertThat(read.body()).contains("program");
		assertNoErrorLogged(output);
	}

	private void assertNoErrorLogged(CapturedOutput output) {
		String log = output.getAll().substring(Math.min(logFrom, output.getAll().length()));
		assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")
				|| line.startsWith("Caused by:"))).as("ERROR lines or stack traces in the log").isEmpty();
		assertThat(log).doesNotContain("Servlet.service()").doesNotContain("Failed to handle a request");
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
