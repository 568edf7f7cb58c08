package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The admin REST API over HTTP: the bearer token in front of every endpoint, enrolment with its defaults and its
 * field-by-field 400s (after which nothing is stored), reading placements back, 404s and the 409 of a paused
 * placement. Every error is an RFC 9457 problem detail.
 */
class AdminApiTests extends IntegrationTest {

	private static final String PROBLEM_JSON = "application/problem+json";
	private static final String PLACEMENTS = "/api/v1/placements";
	private static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";

	@Autowired
	PlacementManagement placements;

	// ---------------------------------------------------------------------------------------------- authentication

	/** Every endpoint of the API, with the id of a real placement where the path needs one. */
	static Stream<Arguments> endpointsAndBadCredentials() {
		List<Arguments> cases = new ArrayList<>();
		String[][] endpoints = { { "POST", PLACEMENTS }, { "GET", PLACEMENTS }, { "GET", PLACEMENTS + "/{id}" },
				{ "GET", PLACEMENTS + "/{id}/entries" }, { "POST", PLACEMENTS + "/{id}/send-prompt" },
				{ "POST", "/api/v1/digests/send" }, { "PATCH", PLACEMENTS + "/{id}" } };
		String[] authorizations = { null, "Bearer wrong-token", "Bearer " + ADMIN_TOKEN + "x", "Bearer ",
				"Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_TOKEN).getBytes()),
				ADMIN_TOKEN };
		for (String[] endpoint : endpoints) {
			for (String authorization : authorizations) {
				cases.add(Arguments.of(endpoint[0], endpoint[1], authorization));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} with Authorization: {2}")
	@MethodSource("endpointsAndBadCredentials")
	void everyEndpointRefusesAMissingOrWrongToken(String method, String path, String authorization) {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		long placementsBefore = mongo.getCollection("placements").countDocuments();

		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path.replace("{id}", id)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (method.equals("POST")) {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(path.equals(PLACEMENTS)
						? placementJson("UBO", "2026-11-02", "2027-04-30") : ""));
		}
		if (method.equals("PATCH")) {
			request.header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"hostOrganisation\": \"Volvo\"}"));
		}
		HttpResponse<String> response = send(request.build());

		assertProblem(response, 401);
		assertThat(json(response.body()).get("title").asString()).isEqualTo("Unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				value -> assertThat(value).startsWith("Bearer"));
		// and nothing happened behind the refusal
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(placementsBefore);
		assertThat(mongo.getCollection("placements").countDocuments(new org.bson.Document("hostOrganisation", "Volvo")))
			.isZero();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
	}

	@Test
	void theTokenIsAcceptedWhateverTheCaseOfTheScheme() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(PLACEMENTS))
			.header("Authorization", "bearer " + ADMIN_TOKEN)
			.GET()
			.build());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void healthNeedsNoToken() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	// ------------------------------------------------------------------------------------------------- enrolment

	@Test
	void enrolmentAnswers201WithTheLocationAndTheWholePlacement() {
		HttpResponse<String> response = postJson(PLACEMENTS, """
				{"participant": {"name": "Ada Lindqvist", "slackUserId": "UADA", "email": "ada@example.org",
				                 "timezone": "Europe/Stockholm", "locale": "sv"},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "slackUserId": "UANDERS", "timezone": "Europe/Stockholm", "locale": "sv"},
				 "businessCoach": {"name": "Beata Ek", "slackUserId": "UBEATA", "email": "beata@scania.example",
				                   "timezone": "Europe/London"},
				 "schedule": {"dayOfWeek": "tuesday", "time": "09:30"}}
				""");

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		JsonNode placement = json(response.body());
		String id = placement.get("id").asString();
		assertThat(id).isNotBlank();
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/api/v1/placements/" + id));

		assertPerson(placement.get("participant"), "Ada Lindqvist", "UADA", "ada@example.org", "Europe/Stockholm", "sv");
		assertThat(placement.get("program").asString()).isEqualTo("KTP 2026");
		assertThat(placement.get("hostOrganisation").asString()).isEqualTo("Scania");
		assertThat(placement.get("startDate").asString()).isEqualTo("2026-11-02");
		assertThat(placement.get("endDate").asString()).isEqualTo("2027-04-30");
		assertPerson(placement.get("manager"), "Maja Berg", "UMAJA", null, "Europe/Stockholm", "en");
		assertPerson(placement.get("academicCoach"), "Anders Holm", "UANDERS", null, "Europe/Stockholm", "sv");
		assertPerson(placement.get("businessCoach"), "Beata Ek", "UBEATA", "beata@scania.example", "Europe/London", "en");
		assertThat(placement.get("schedule").get("dayOfWeek").asString()).isEqualTo("TUESDAY");
		assertThat(placement.get("schedule").get("time").asString()).isEqualTo("09:30");
		assertThat(placement.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(placement.get("createdAt").asString()).isEqualTo(DEFAULT_NOW.toString());

		// the Location leads to the same placement
		String location = response.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> fetched = get(location.substring(location.indexOf("/api/")));
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(json(fetched.body())).isEqualTo(placement);
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(1);
	}

	@Test
	void theHelperPlacementIsPromptedOnFridaysAt14() {
		HttpResponse<String> response = postJson(PLACEMENTS, placementJson("UADA", "2026-11-02", "2027-04-30"));

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode schedule = json(response.body()).get("schedule");
		assertThat(schedule.get("dayOfWeek").asString()).isEqualTo("FRIDAY");
		assertThat(schedule.get("time").asString()).isEqualTo("14:00");
	}

	@Test
	void scheduleLocaleAndCoachesHaveDefaults() {
		HttpResponse<String> response = postJson(PLACEMENTS, """
				{"participant": {"name": "Bo Ng", "slackUserId": "UBO", "timezone": "America/New_York"},
				 "program": "KTP 2026", "hostOrganisation": "Volvo",
				 "startDate": "2026-11-02", "endDate": "2027-01-29",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA"}}
				""");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode placement = json(response.body());
		assertThat(placement.get("schedule").get("dayOfWeek").asString()).isEqualTo("FRIDAY");
		assertThat(placement.get("schedule").get("time").asString()).isEqualTo("14:00");
		assertPerson(placement.get("participant"), "Bo Ng", "UBO", null, "America/New_York", "en");
		// a follower without a time zone lives in the participant's
		assertPerson(placement.get("manager"), "Maja Berg", "UMAJA", null, "America/New_York", "en");
		assertThat(placement.has("academicCoach")).isTrue();
		assertThat(placement.get("academicCoach").isNull()).isTrue();
		assertThat(placement.get("businessCoach").isNull()).isTrue();
	}

	@Test
	void aScheduleWithOnlyADayKeepsTheDefaultTime() {
		HttpResponse<String> response = postJson(PLACEMENTS, placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"schedule\": {\"dayOfWeek\": \"FRIDAY\", \"time\": \"14:00\"}", "\"schedule\": {\"dayOfWeek\": \"MONDAY\"}"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode schedule = json(response.body()).get("schedule");
		assertThat(schedule.get("dayOfWeek").asString()).isEqualTo("MONDAY");
		assertThat(schedule.get("time").asString()).isEqualTo("14:00");
	}

	// ---------------------------------------------------------------------------------------------------- reading

	@Test
	void listsEveryPlacementAndShowsOne() {
		assertThat(json(get(PLACEMENTS).body())).isEmpty();
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		HttpResponse<String> created = postJson(PLACEMENTS, placementJson("UBO", "2026-11-09", "2027-05-07")
			.replace("Ada Lindqvist", "Bo Ng")
			.replace("KTP 2026", "ATP 2026"));
		String bo = json(created.body()).get("id").asString();

		HttpResponse<String> list = get(PLACEMENTS);

		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode all = json(list.body());
		assertThat(all).hasSize(2);
		// by programme, then participant
		assertThat(all.get(0).get("id").asString()).isEqualTo(bo);
		assertThat(all.get(0).get("participant").get("name").asString()).isEqualTo("Bo Ng");
		assertThat(all.get(1).get("id").asString()).isEqualTo(ada);
		assertThat(all.get(0)).isEqualTo(json(created.body()));

		HttpResponse<String> one = get(PLACEMENTS + "/" + ada);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(json(one.body())).isEqualTo(all.get(1));
		assertThat(json(one.body()).get("startDate").asString()).isEqualTo("2026-11-02");
		assertThat(json(one.body()).get("participant").get("slackUserId").asString()).isEqualTo("UADA");
	}

	@Test
	void entriesOfAPlacementWithoutEntriesAreAnEmptyList() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> response = get(PLACEMENTS + "/" + id + "/entries");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response.body())).isEmpty();
	}

	@Test
	void anUnknownIdIs404() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		for (HttpResponse<String> response : List.of(get(PLACEMENTS + "/" + UNKNOWN_ID),
				get(PLACEMENTS + "/" + UNKNOWN_ID + "/entries"),
				postJson(PLACEMENTS + "/" + UNKNOWN_ID + "/send-prompt", ""))) {
			assertProblem(response, 404);
			assertThat(json(response.body()).get("detail").asString()).contains(UNKNOWN_ID);
		}
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
		assertThat(mongo.getCollection("prompt_occurrences").countDocuments()).isZero();
	}

	@Test
	void sendPromptOnAPausedPlacementIs409() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		placements.pause(id);

		HttpResponse<String> response = postJson(PLACEMENTS + "/" + id + "/send-prompt", "");

		assertProblem(response, 409);
		assertThat(json(response.body()).get("detail").asString()).contains("paused");
		assertThat(SlackStub.messagesTo("UADA")).isEmpty();
		assertThat(mongo.getCollection("prompt_occurrences").countDocuments()).isZero();
		assertThat(json(get(PLACEMENTS + "/" + id).body()).get("status").asString()).isEqualTo("PAUSED");
	}

	@Test
	void sendPromptOnAnActivePlacementIs202() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> response = postJson(PLACEMENTS + "/" + id + "/send-prompt", "");

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(json(response.body()).get("status").asString()).isEqualTo("SENT");
		assertThat(SlackStub.messagesTo("UADA")).hasSize(1);
	}

	// --------------------------------------------------------------------------------------------- invalid bodies

	static Stream<Arguments> invalidBodies() {
		String valid = placementJson("UADA", "2026-11-02", "2027-04-30");
		return Stream.of(
				Arguments.of("missing participant", withoutMember(valid, "participant"), "participant"),
				Arguments.of("participant without slackUserId", valid.replace("\"slackUserId\": \"UADA\", ", ""),
						"participant.slackUserId"),
				Arguments.of("participant with a malformed slackUserId", valid.replace("\"UADA\"", "\"ada\""),
						"participant.slackUserId"),
				Arguments.of("unknown time zone", valid.replaceFirst("Europe/Stockholm", "Europe/Gothenburg"),
						"participant.timezone"),
				Arguments.of("participant without a time zone",
						valid.replaceFirst(", \"timezone\": \"Europe/Stockholm\"", ""), "participant.timezone"),
				Arguments.of("locale fr", valid.replace("\"locale\": \"en\"", "\"locale\": \"fr\""),
						"participant.locale"),
				Arguments.of("end before start", placementJson("UADA", "2026-11-02", "2026-11-01"), "endDate"),
				Arguments.of("bad date format", placementJson("UADA", "02/11/2026", "2027-04-30"), "startDate"),
				Arguments.of("impossible date", placementJson("UADA", "2026-11-02", "2027-02-30"), "endDate"),
				Arguments.of("missing program", valid.replace("\"program\": \"KTP 2026\",", ""), "program"),
				Arguments.of("missing manager", withoutMember(valid, "manager"), "manager"),
				Arguments.of("coach with neither slackUserId nor email",
						valid.replace("\"slackUserId\": \"UANDERS\", ", ""), "academicCoach"),
				Arguments.of("bad email", valid.replace("\"slackUserId\": \"UANDERS\"", "\"email\": \"anders-at-uni\""),
						"academicCoach.email"),
				Arguments.of("bad dayOfWeek", valid.replace("\"FRIDAY\"", "\"FRIYAY\""), "schedule.dayOfWeek"),
				Arguments.of("bad time", valid.replace("\"14:00\"", "\"2pm\""), "schedule.time"),
				Arguments.of("malformed JSON", "{\"participant\": {\"name\": \"Ada\",", "body"),
				Arguments.of("malformed JSON in a nested object",
						"{\"participant\": {\"name\": \"Ada\", \"slackUserId\": UADA}}", "body"),
				Arguments.of("not JSON at all", "participant=Ada", "body"),
				Arguments.of("a JSON array", "[]", "body"),
				Arguments.of("a number where an object is expected",
						valid.replaceFirst("\"participant\": \\{[^}]*}", "\"participant\": 42"), "participant"),
				Arguments.of("a number where the schedule is expected",
						valid.replaceFirst("\"schedule\": \\{[^}]*}", "\"schedule\": 5"), "schedule"),
				Arguments.of("an object where text is expected",
						valid.replace("\"program\": \"KTP 2026\"", "\"program\": {\"name\": \"KTP\"}"), "program"),
				Arguments.of("an empty body", "", "body"));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("invalidBodies")
	void anInvalidBodyIs400NamingTheFieldAndStoresNothing(String why, String body, String field) {
		HttpResponse<String> response = postJson(PLACEMENTS, body);

		assertProblem(response, 400);
		JsonNode problem = json(response.body());
		assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("errors").isArray()).as(response.body()).isTrue();
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList()).as(response.body())
			.contains(field);
		assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()).toList())
			.allSatisfy(message -> assertThat(message).isNotBlank());
		// nothing was stored, nothing was scheduled to be sent
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
		assertThat(json(get(PLACEMENTS).body())).isEmpty();
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
	}

	@Test
	void aWrongTypeSaysWhatWasExpected() {
		String valid = placementJson("UADA", "2026-11-02", "2027-04-30");

		HttpResponse<String> number = postJson(PLACEMENTS,
				valid.replaceFirst("\"participant\": \\{[^}]*}", "\"participant\": 42"));
		HttpResponse<String> object = postJson(PLACEMENTS,
				valid.replace("\"program\": \"KTP 2026\"", "\"program\": {\"name\": \"KTP\"}"));
		HttpResponse<String> truncated = postJson(PLACEMENTS, "{\"participant\": {\"name\": \"Ada\",");

		assertProblem(number, 400);
		assertThat(json(number.body()).get("detail").asString()).contains("participant").contains("an object");
		assertProblem(object, 400);
		assertThat(json(object.body()).get("detail").asString()).contains("program").contains("text");
		assertProblem(truncated, 400);
		assertThat(json(truncated.body()).get("detail").asString()).isEqualTo("The body is not valid JSON.");
	}

	@Test
	void everyWrongFieldIsNamedAtOnce() {
		HttpResponse<String> response = postJson(PLACEMENTS, """
				{"participant": {"name": "Ada", "timezone": "Mars/Olympus", "locale": "fr"},
				 "program": "", "hostOrganisation": "Scania",
				 "startDate": "2026-13-01", "endDate": "2027-04-30",
				 "academicCoach": {"name": "Anders"},
				 "schedule": {"dayOfWeek": "Caturday", "time": "25:00"}}
				""");

		assertProblem(response, 400);
		assertThat(json(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.contains("participant.slackUserId", "participant.timezone", "participant.locale", "program", "startDate",
					"manager", "academicCoach", "schedule.dayOfWeek", "schedule.time");
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
	}

	// -------------------------------------------------------------------------------------------------- helpers

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith(PROBLEM_JSON));
		JsonNode problem = json(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
	}

	private static void assertPerson(JsonNode person, String name, String slackUserId, String email, String timezone,
			String locale) {
		assertThat(person.get("name").asString()).isEqualTo(name);
		assertThat(person.get("slackUserId").asString()).isEqualTo(slackUserId);
		assertThat(person.has("email")).as("email is always present").isTrue();
		if (email == null) {
			assertThat(person.get("email").isNull()).isTrue();
		}
		else {
			assertThat(person.get("email").asString()).isEqualTo(email);
		}
		assertThat(person.get("timezone").asString()).isEqualTo(timezone);
		assertThat(person.get("locale").asString()).isEqualTo(locale);
	}

	/** The JSON with one top-level member (an object value on one line) removed. */
	private static String withoutMember(String json, String member) {
		String removed = json.replaceFirst("\"" + member + "\": \\{[^}]*},\\s*", "");
		assertThat(removed).as("removed " + member).isNotEqualTo(json);
		return removed;
	}
}
