package org.fieldnotes.slack.listeners.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /fieldnotes digest settings} as Slack sends it (signed): in one line, with a clear error and the usage line
 * in the person's language for a bad day, time or channel; alone, as a modal whose submission stores the settings.
 * Also an admin's {@code digest preview @person}. This context has no mail server. {@link #DEFAULT_NOW} is
 * Wednesday 2 December 2026.
 */
class DigestSettingsCommandTests extends IntegrationTest {

	private static final String ADA = "UADA";

	private JsonNode command(String userId, String text) {
		HttpResponse<String> response = slashCommand(userId, text);
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response.body());
	}

	private Document stored(String recipientKey) {
		return mongo.getCollection("digest_preferences").find(new Document("_id", keyOf(recipientKey))).first();
	}

	// ------------------------------------------------------------------------------------------- one line

	@Test
	void oneLineSetsDayTimeAndChannelAndSaysWhenTheNextDigestComes() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		JsonNode answer = command("UBEATA", "digest settings friday 16:30 slack");

		assertThat(answer.get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(blocksJson(answer)).contains("Digest settings saved.")
			.contains("Next digest: Fri 4 Dec 16:30 (Europe/Stockholm), as a Slack direct message.")
			.contains("Every Friday at 16:30 (Europe/Stockholm)");
		Document stored = stored("UBEATA");
		assertThat(stored.getString("day")).isEqualTo("FRIDAY");
		assertThat(stored.getString("time")).isEqualTo("16:30");
		assertThat(stored.getString("channel")).isEqualTo("CHAT");
	}

	@Test
	void swedishDayNamesWorkAndTheAnswerIsInSwedish() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = blocksJson(command("UANDERS", "digest settings Tisdag 7.15"));

		assertThat(answer).contains("Inställningarna för veckosammanfattningen är sparade.")
			.contains("Nästa sammanfattning: tis 8 dec. 07:15 (Europe/Stockholm), som direktmeddelande i Slack.");
		assertThat(stored("UANDERS").getString("day")).isEqualTo("TUESDAY");
	}

	@Test
	void emailWithoutAMailServerIsKeptButTheAnswerSaysDigestsComeAsDms() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = blocksJson(command("UMAJA", "digest settings email"));

		// the address is the one in Maja's Slack profile (users.info)
		assertThat(answer).contains("as a Slack direct message: you chose e-mail to someone@example.org, but this "
				+ "Fieldnotes has no mail server yet");
		assertThat(stored("UMAJA").getString("channel")).isEqualTo("EMAIL");
		assertThat(stored("UMAJA").getString("email")).isEqualTo("someone@example.org");
	}

	@Test
	void aNewAddressThatCannotBeConfirmedHereIsRefusedInThePersonsLanguageAndNothingIsSaved() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = blocksJson(command("UANDERS", "digest settings friday email anders@elsewhere.example"));

		// no mail server and no signed links in this context: a typed address could never be confirmed
		assertThat(answer).contains("Fieldnotes kan inte bekräfta en ny e-postadress här, så sammanfattningen kan inte "
				+ "skickas till anders@elsewhere.example.");
		assertThat(mongo.getCollection("digest_preferences").countDocuments()).isZero();
		// the Slack profile's address is known, so it needs no confirmation
		assertThat(blocksJson(command("UANDERS", "digest settings email someone@example.org"))).contains("sparade");
		assertThat(stored("UANDERS").getString("email")).isEqualTo("someone@example.org");
	}

	@Test
	void aBadDayTimeOrChannelIsExplainedWithTheUsageLineAndNothingIsSaved() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(blocksJson(command("UMAJA", "digest settings fiday 16:30"))).contains(
				"⚠ “fiday” is not a weekday (monday … sunday), a time (HH:mm) or a channel (slack, email).")
			.contains("Usage: /fieldnotes digest settings [day] [HH:mm] [slack|email] [e-mail address]");
		assertThat(blocksJson(command("UMAJA", "digest settings friday 25:00"))).contains(
				"⚠ “25:00” is not a time. Write it as HH:mm in your own time zone, e.g. 16:30.")
			.contains("Usage: /fieldnotes digest settings");
		assertThat(blocksJson(command("UMAJA", "digest settings friday pigeon"))).contains("“pigeon” is not a weekday");
		assertThat(blocksJson(command("UMAJA", "digest settings friday monday"))).contains("give each of day, time");
		assertThat(blocksJson(command("UMAJA", "digest settings email maja-at-scania"))).contains("Usage:");
		assertThat(blocksJson(command("UMAJA", "digest settings email maja@scania"))).contains(
				"“maja@scania” is not an e-mail address.");
		assertThat(blocksJson(command("UANDERS", "digest settings fridag"))).contains("”fridag” är varken en veckodag")
			.contains("Användning: /fieldnotes digest settings [dag] [TT:mm]");
		assertThat(mongo.getCollection("digest_preferences").countDocuments()).isZero();
	}

	@Test
	void someoneWithoutADigestIsToldWhy() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(blocksJson(command(ADA, "digest settings friday"))).contains("You have no digest");
		assertThat(mongo.getCollection("digest_preferences").countDocuments()).isZero();
	}

	// ------------------------------------------------------------------------------------------------ modal

	@Test
	void settingsAloneOpensTheFormPrefilledWithWhatIsSet() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		command("UANDERS", "digest settings thursday 09:30");

		HttpResponse<String> response = slashCommand("UANDERS", "digest settings");

		assertThat(response.statusCode()).isEqualTo(200);
		List<Map<String, String>> opened = SlackStub.calls("views.open");
		assertThat(opened).hasSize(1);
		assertThat(opened.get(0).get("trigger_id")).isEqualTo("1.2.3");
		JsonNode view = json(opened.get(0).get("view"));
		assertThat(view.get("callback_id").asString()).isEqualTo("fieldnotes_digest_settings");
		assertThat(view.get("title").get("text").asString()).isEqualTo("Veckosammanfattning");
		assertThat(view.toString()).contains("\"block_id\":\"day\"")
			.contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"Torsdag\",\"emoji\":true},\"value\":\"THURSDAY\"}")
			.contains("\"initial_time\":\"09:30\"")
			.contains("radio_buttons")
			.contains("Tid (din tidszon: Europe/Stockholm)")
			// no mail server: only the Slack DM is offered, and the form says why
			.doesNotContain("\"value\":\"EMAIL\"")
			.contains("E-post är inte inställt");
	}

	@Test
	void settingsAloneFromSomeoneWithoutADigestOpensNothing() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(blocksJson(command(ADA, "digest settings"))).contains("You have no digest");
		assertThat(SlackStub.calls("views.open")).isEmpty();
	}

	@Test
	void theSubmittedFormStoresTheSettingsMovesTheScheduleAndConfirmsInADm() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		HttpResponse<String> response = submit("UBEATA", "FRIDAY", "16:30", "CHAT", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(stored("UBEATA").getString("day")).isEqualTo("FRIDAY");
		assertThat(stored("UBEATA").getString("time")).isEqualTo("16:30");
		await().atMost(Duration.ofSeconds(10)).until(() -> !SlackStub.messagesTo("UBEATA").isEmpty());
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0)))
			.contains("Next digest: Fri 4 Dec 16:30 (Europe/Stockholm), as a Slack direct message.");
	}

	@Test
	void aBadAddressInTheFormIsShownOnItsFieldAndNothingIsStored() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		HttpResponse<String> response = submit("UBEATA", "FRIDAY", "16:30", "EMAIL", "beata-at-scania");

		JsonNode answer = json(response.body());
		assertThat(answer.get("response_action").asString()).isEqualTo("errors");
		assertThat(answer.get("errors").get("address").asString()).contains("is not an e-mail address");
		assertThat(mongo.getCollection("digest_preferences").countDocuments()).isZero();
	}

	// ------------------------------------------------------------------------------------ admin preview

	@Test
	void anAdminPreviewsSomeonesDigestAndTheLookIsAudited() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", "Planned the bench test with the supplier", null);
		clock.advance(Duration.ofMinutes(1));

		JsonNode answer = command("UADMIN1", "digest preview <@UBEATA|beata>");

		assertThat(answer.get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(blocksJson(answer)).contains("Preview of Beata Ek's digest as it would look now")
			.contains("Your placements this week")
			.contains("Planned the bench test with the supplier");
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();
		Document audit = mongo.getCollection("audit").find(new Document("action", "digest-preview")).first();
		assertThat(audit).isNotNull();
		assertThat(audit.getString("actor")).isEqualTo(keyOf("UADMIN1"));
		assertThat(audit.getString("person")).isEqualTo(keyOf("UBEATA"));
		assertThat(audit.getString("outcome")).isEqualTo("done");
	}

	@Test
	void onlyAdminsMayPreviewSomeoneElsesDigest() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(blocksJson(command("UMAJA", "digest preview <@UBEATA|beata>"))).contains("only programme coordinators")
			.doesNotContain("Your placements");
		assertThat(mongo.getCollection("audit").countDocuments(new Document("action", "digest-preview"))).isZero();
	}

	@Test
	void anAdminPreviewingSomeoneWithoutADigestIsToldSo() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(blocksJson(command("UADMIN1", "digest preview <@UADA|ada>"))).contains("@UADA has no digest");
		assertThat(mongo.getCollection("audit").find(new Document("action", "digest-preview")).first()
			.getString("outcome")).isEqualTo("refused");
	}

	// ---------------------------------------------------------------------------------------------- helpers

	private HttpResponse<String> submit(String userId, String day, String time, String channel, String address) {
		Map<String, Map<String, JsonNode>> values = new java.util.LinkedHashMap<>();
		values.put("day", Map.of("value", SlackInteractions.selected("static_select", day)));
		ObjectNode picked = JSON.createObjectNode().put("type", "timepicker").put("selected_time", time);
		values.put("time", Map.of("value", picked));
		values.put("channel", Map.of("value", SlackInteractions.selected("radio_buttons", channel)));
		if (address != null) {
			values.put("address",
					Map.of("value", JSON.createObjectNode().put("type", "email_text_input").put("value", address)));
		}
		return slackEvent(SlackInteractions.viewSubmission(userId, "VDIGEST", "fieldnotes_digest_settings", "", values),
				SlackInteractions.FORM);
	}
}
