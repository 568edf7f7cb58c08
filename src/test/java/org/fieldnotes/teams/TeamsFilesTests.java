package org.fieldnotes.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.awaitility.Awaitility;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * A Teams participant's data export: the two files offered on file-consent cards (their name and size, nothing of
 * the file), put in their OneDrive when they allow it, once, from their own chat only; forgotten when they decline;
 * an upload that fails or a place that is not https told in their language. WireMock stands in for the connector
 * and for the OneDrive upload URL Teams gives.
 */
class TeamsFilesTests extends TeamsTest {

	private static final String ADA = TeamsChatTests.ADA;
	private static final String ADA_AAD = TeamsChatTests.ADA_AAD;
	private static final String ANDERS = TeamsChatTests.ANDERS;
	private static final String ANDERS_AAD = TeamsChatTests.ANDERS_AAD;
	private static final String WORDS = "Calibrated the rig with Erik; the supplier's numbers were off by 4 %";
	private static final String UPLOADS = "/onedrive/upload/.*";

	@Autowired
	MessageSource messages;

	@BeforeEach
	void oneDrive() {
		TeamsStub.server().stubFor(put(urlPathMatching("/onedrive/upload/ok.*")).willReturn(aResponse().withStatus(201)));
		TeamsStub.server().stubFor(put(urlPathMatching("/onedrive/upload/broken")).willReturn(aResponse().withStatus(500)));
	}

	@Test
	void myDataOffersTwoFilesAndAnAllowedOneGoesToTheirOneDriveOnceWithNoToken() {
		enrol("en");
		installed(ADA, ADA_AAD);
		said("m-1", WORDS);
		said("m-2", "my-data");

		List<JsonNode> offered = consentCards(2);
		assertThat(offered).extracting(c -> c.get("name").asString())
			.containsExactlyInAnyOrder("fieldnotes-my-data.json", "fieldnotes-my-data.md");
		assertThat(offered.toString()).as("a consent card names the file, nothing of what is in it")
			.doesNotContain("Calibrated").doesNotContain("Erik");
		JsonNode json = byName(offered, ".json");
		int size = json.get("content").get("sizeInBytes").asInt();
		assertThat(size).isPositive();

		HttpResponse<String> answer = activity(consent(ADA, ADA_AAD, "accept", key(json), "/onedrive/upload/ok-1"));
		assertThat(answer.statusCode()).isEqualTo(200);
		awaitTeams();

		assertThat(TeamsStub.requests(UPLOADS)).singleElement().satisfies(upload -> {
			assertThat(upload.getMethod().getName()).isEqualTo("PUT");
			assertThat(upload.getHeader("Content-Range")).isEqualTo("bytes 0-" + (size - 1) + "/" + size);
			assertThat(upload.getBodyAsString()).as("the export, with their words").contains(WORDS);
			assertThat(upload.containsHeader("Authorization")).as("the bot's token goes to no upload URL").isFalse();
		});
		JsonNode info = TeamsStub.activitiesSent().get(TeamsStub.activitiesSent().size() - 1).get("attachments").get(0);
		assertThat(info.get("contentType").asString()).isEqualTo(TeamsFiles.INFO);
		assertThat(info.get("contentUrl").asString()).isEqualTo("https://contoso-my.sharepoint.com/ok-1.json");
		assertThat(info.get("content").get("uniqueId").asString()).isEqualTo("unique-ok-1");

		// the same card's Allow again: nothing more goes anywhere, and she is told the file is no longer on offer
		activity(consent(ADA, ADA_AAD, "accept", key(json), "/onedrive/upload/ok-2"));
		awaitTeams();
		assertThat(TeamsStub.requests(UPLOADS)).hasSize(1);
		assertThat(lastNote()).isEqualTo(t("teams.file.gone", Locale.ENGLISH));
	}

	@Test
	void aDeclinedFileIsForgottenAndNothingIsUploaded() {
		enrol("en");
		installed(ADA, ADA_AAD);
		said("m-2", "my-data");
		JsonNode markdown = byName(consentCards(2), ".md");

		activity(consent(ADA, ADA_AAD, "decline", key(markdown), null));
		awaitTeams();
		assertThat(lastNote()).isEqualTo(t("teams.file.declined", Locale.ENGLISH, "fieldnotes-my-data.md"));

		activity(consent(ADA, ADA_AAD, "accept", key(markdown), "/onedrive/upload/ok-3"));
		awaitTeams();
		assertThat(TeamsStub.requests(UPLOADS)).isEmpty();
		assertThat(lastNote()).isEqualTo(t("teams.file.gone", Locale.ENGLISH));
	}

	@Test
	void aFileOfferedToOnePersonCannotBeTakenFromAnotherChat() {
		enrol("en");
		installed(ANDERS, ANDERS_AAD);
		installed(ADA, ADA_AAD);
		said("m-2", "my-data");
		JsonNode json = byName(consentCards(2), ".json");

		activity(consent(ANDERS, ANDERS_AAD, "accept", key(json), "/onedrive/upload/ok-anders"));
		awaitTeams();
		assertThat(TeamsStub.requests(UPLOADS)).as("nothing went to Anders' OneDrive").isEmpty();

		activity(consent(ADA, ADA_AAD, "accept", key(json), "/onedrive/upload/ok-ada"));
		awaitTeams();
		assertThat(TeamsStub.requests(UPLOADS)).as("still Ada's to take").singleElement()
			.satisfies(r -> assertThat(r.getUrl()).endsWith("/ok-ada"));
	}

	@Test
	void anUploadThatFailsAndAPlaceThatIsNotHttpsAreToldInTheirLanguage() {
		enrol("sv");
		installed(ADA, ADA_AAD);
		said("m-2", "my-data");
		List<JsonNode> offered = consentCards(2);

		activity(consent(ADA, ADA_AAD, "accept", key(byName(offered, ".json")), "/onedrive/upload/broken"));
		awaitTeams();
		assertThat(TeamsStub.requests(UPLOADS)).hasSize(1);
		assertThat(lastNote()).isEqualTo(t("teams.file.failed", Locale.forLanguageTag("sv"), "fieldnotes-my-data.json",
				"teams_upload_failed_500"));

		activity(consentTo(ADA, ADA_AAD, key(byName(offered, ".md")), "http://files.example.org/upload/1"));
		awaitTeams();
		assertThat(lastNote()).isEqualTo(t("teams.file.failed", Locale.forLanguageTag("sv"), "fieldnotes-my-data.md",
				"teams_upload_url_refused"));
		assertThat(TeamsStub.requests(UPLOADS)).hasSize(1);
	}

	// ------------------------------------------------------------------------------------------------- helpers

	/** Waits for {@code count} file-consent cards in the chat (the export is composed in the background). */
	private static List<JsonNode> consentCards(int count) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> consents().size() >= count);
		List<JsonNode> cards = consents();
		assertThat(cards).hasSize(count);
		return cards;
	}

	private static List<JsonNode> consents() {
		return TeamsStub.activitiesSent().stream()
			.map(a -> a.path("attachments").path(0))
			.filter(a -> TeamsFiles.CONSENT.equals(a.path("contentType").asString("")))
			.toList();
	}

	private static JsonNode byName(List<JsonNode> cards, String ending) {
		return cards.stream().filter(c -> c.get("name").asString().endsWith(ending)).findFirst().orElseThrow();
	}

	private static String key(JsonNode consentCard) {
		JsonNode content = consentCard.get("content");
		assertThat(content.get("declineContext")).isEqualTo(content.get("acceptContext"));
		return content.get("acceptContext").get(TeamsFiles.KEY).asString();
	}

	/** The invoke Teams sends when the person presses Allow or Decline; the upload URL on the stand-in. */
	private static String consent(String user, String aad, String action, String key, String uploadPath) {
		String upload = uploadPath == null ? null : TeamsStub.base() + uploadPath;
		return action.equals("accept") ? consentTo(user, aad, key, upload)
				: TeamsStub.activity("invoke", user, aad, "\"id\":\"inv-" + java.util.UUID.randomUUID()
						+ "\",\"name\":\"fileConsent/invoke\",\"value\":{\"type\":\"fileUpload\",\"action\":\"decline\","
						+ "\"context\":{\"" + TeamsFiles.KEY + "\":" + TeamsStub.quoted(key) + "}}");
	}

	private static String consentTo(String user, String aad, String key, String uploadUrl) {
		String name = uploadUrl.substring(uploadUrl.lastIndexOf('/') + 1);
		return TeamsStub.activity("invoke", user, aad, "\"id\":\"inv-" + java.util.UUID.randomUUID()
				+ "\",\"name\":\"fileConsent/invoke\",\"value\":{\"type\":\"fileUpload\",\"action\":\"accept\","
				+ "\"context\":{\"" + TeamsFiles.KEY + "\":" + TeamsStub.quoted(key) + "},\"uploadInfo\":{"
				+ "\"contentUrl\":\"https://contoso-my.sharepoint.com/" + name + ".json\",\"name\":\"" + name
				+ ".json\",\"uploadUrl\":" + TeamsStub.quoted(uploadUrl) + ",\"uniqueId\":\"unique-" + name
				+ "\",\"fileType\":\"json\"}}");
	}

	private void said(String id, String text) {
		assertThat(activity(TeamsStub.message(ADA, ADA_AAD, id, text, null)).statusCode()).isEqualTo(200);
		awaitTeams();
	}

	private void installed(String user, String aad) {
		assertThat(activity(TeamsStub.install(user, aad)).statusCode()).isEqualTo(200);
		awaitTeams();
		TeamsStub.server().resetRequests();
	}

	private String lastNote() {
		List<ChatMessage> notes = sent().ephemeralsTo(ada());
		assertThat(notes).isNotEmpty();
		return notes.get(notes.size() - 1).summary();
	}

	private static ChatAccount ada() {
		return TeamsMemberReferences.member(TeamsStub.TENANT, ADA_AAD);
	}

	/** Ada on Teams (by Entra object id), her coaches on Slack, her academic coach Anders also on Teams. */
	private void enrol(String locale) {
		HttpResponse<String> response = postJson("/api/v1/placements", """
				{"participant": {"name": "Ada Lindqvist", "timezone": "Europe/Stockholm", "locale": "%s",
				   "accounts": [{"platform": "teams", "workspace": "%s", "memberId": "%s"}]},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "timezone": "Europe/Stockholm",
				   "accounts": [{"platform": "teams", "workspace": "%s", "memberId": "%s"}]},
				 "businessCoach": {"name": "Beata Ek", "slackUserId": "UBEATA", "timezone": "Europe/Stockholm"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(locale, TeamsStub.TENANT, ADA_AAD, TeamsStub.TENANT, ANDERS_AAD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
