package org.fieldnotes.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * The optional install through Microsoft Graph ({@code TEAMS_GRAPH_INSTALL=true}), WireMock standing in for Graph and
 * the login host: an enrolled Teams person without the app gets it installed with an app-only Graph token; 409 (it
 * already was) is fine; 403 (no consent) is logged once, the admins are told once, nothing more is tried, and the
 * person stays not reachable (so e-mail reaches them, see {@link TeamsReachTests}).
 */
@TestPropertySource(properties = { "fieldnotes.teams.graph.install=true",
		"fieldnotes.teams.graph.catalog-app-id=" + TeamsGraphInstallTests.CATALOG_APP_ID })
@ExtendWith(OutputCaptureExtension.class)
class TeamsGraphInstallTests extends TeamsTest {

	static final String CATALOG_APP_ID = "e3b1c2d4-0a1b-4c5d-8e9f-a0b1c2d3e4f5";
	private static final String AAD = "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15";
	private static final String INSTALLED_APPS = "/graph/v1.0/users/" + AAD + "/teamwork/installedApps";

	@DynamicPropertySource
	static void graph(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.teams.graph.url", () -> TeamsStub.base() + "/graph");
	}

	@Autowired
	TeamsGraphInstalls installs;

	@Autowired
	org.fieldnotes.placement.PlacementManagement placements;

	@BeforeEach
	void graphTokens() {
		installs.forget();
		// the bot's app asks the same login host for a Graph token: another scope, another token
		TeamsStub.server().stubFor(post(urlEqualTo(TeamsStub.TOKEN_PATH)).atPriority(1)
			.withRequestBody(containing("scope=" + URLEncoder.encode(TeamsStub.base() + "/graph/.default",
					StandardCharsets.UTF_8)))
			.willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"graph-token\"}")));
	}

	@Test
	void enrollingSomeoneOnTeamsInstallsTheAppForThemThroughGraphOnce() {
		graphAnswers(201);

		String placementId = enrol();

		await().atMost(Duration.ofSeconds(10)).until(() -> !graphRequests().isEmpty());
		LoggedRequest request = graphRequests().get(0);
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer graph-token");
		JsonNode body = json(request.getBodyAsString());
		assertThat(body.get("teamsApp@odata.bind").asString())
			.isEqualTo(TeamsStub.base() + "/graph/v1.0/appCatalogs/teamsApps/" + CATALOG_APP_ID);
		assertThat(TeamsStub.requests(TeamsStub.TOKEN_PATH)).singleElement()
			.satisfies(t -> assertThat(t.getBodyAsString()).contains("client_credentials"));

		// the placement changes again (paused, resumed): the install is not tried again
		placements.pause(placementId);
		placements.resume(placementId);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> graphRequests().size() == 1);
	}

	@Test
	void alreadyInstalledIsFine(CapturedOutput output) {
		graphAnswers(409);

		assertThat(installs.install(account())).isEqualTo(TeamsGraphInstalls.Outcome.ALREADY_INSTALLED);
		assertThat(sent().messagesTo(admin())).as("nobody is told").isEmpty();
		assertThat(output.getOut()).doesNotContain("Microsoft Graph refused");
	}

	@Test
	void withoutConsentItIsLoggedOnceTheAdminsAreToldOnceAndNothingMoreIsTried(CapturedOutput output) {
		graphAnswers(403);
		enrol();
		await().atMost(Duration.ofSeconds(10)).until(() -> !graphRequests().isEmpty());
		await().atMost(Duration.ofSeconds(10)).until(() -> !sent().messagesTo(admin()).isEmpty());

		assertThat(installs.install(account())).as("no more tries this run")
			.isEqualTo(TeamsGraphInstalls.Outcome.NOT_TRIED);
		assertThat(graphRequests()).hasSize(1);
		List<ChatMessage> told = sent().messagesTo(admin());
		assertThat(told).singleElement()
			.satisfies(m -> assertThat(m.summary()).contains("TeamsAppInstallation.ReadWriteForUser.All")
				.contains("e-mail"));
		assertThat(output.getOut().split("Microsoft Graph refused", -1)).as("logged once").hasSize(2);
		JsonNode placement = json(get("/api/v1/placements").body()).get(0);
		assertThat(placement.get("participant").get("accounts").get(0).get("reachable").asBoolean())
			.as("still not reachable: e-mail reaches them").isFalse();
	}

	@Test
	void aTeamsUserIdIsNotSentToGraph() {
		graphAnswers(201);

		assertThat(installs.install(TeamsMemberReferences.member(TeamsStub.TENANT, "29:1SomeTeamsUserId")))
			.isEqualTo(TeamsGraphInstalls.Outcome.NOT_TRIED);
		assertThat(TeamsStub.requests("/graph/.*")).isEmpty();
	}

	private static void graphAnswers(int status) {
		TeamsStub.server().stubFor(post(urlEqualTo(INSTALLED_APPS))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	private static List<LoggedRequest> graphRequests() {
		return TeamsStub.requests(INSTALLED_APPS);
	}

	private static ChatAccount account() {
		return TeamsMemberReferences.member(TeamsStub.TENANT, AAD);
	}

	private static ChatAccount admin() {
		return new ChatAccount("slack", null, "UADMIN1");
	}

	private String enrol() {
		HttpResponse<String> response = postJson("/api/v1/placements", """
				{"participant": {"name": "Ada Lindqvist", "timezone": "Europe/Stockholm", "email": "ada@student.example",
				   "accounts": [{"platform": "teams", "workspace": "%s", "memberId": "%s"}]},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(TeamsStub.TENANT, AAD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}
}
