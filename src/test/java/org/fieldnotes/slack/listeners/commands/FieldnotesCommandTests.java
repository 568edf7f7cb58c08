package org.fieldnotes.slack.listeners.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code /fieldnotes …} over /slack/events, signed as Slack signs it: every answer is the ephemeral JSON ack
 * itself (only the person who typed the command sees it), in their language.
 */
class FieldnotesCommandTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String ADMIN = "UADMIN1";

	/** Runs the command and checks the answer is an ephemeral Block Kit ack. */
	private JsonNode command(String userId, String text) {
		HttpResponse<String> response = slashCommand(userId, text);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		JsonNode ack = json(response.body());
		assertThat(ack.get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(ack.get("blocks").isArray()).isTrue();
		assertThat(ack.get("blocks")).isNotEmpty();
		assertThat(ack.get("text").asString()).isNotBlank();
		return ack;
	}

	private long storedEntries() {
		return mongo.getCollection("logbook_entries").countDocuments();
	}

	private String status(String placementId) {
		return json(get("/api/v1/placements/" + placementId).body()).get("status").asString();
	}

	private String enrolInSwedish(String participantId) {
		String body = placementJson(participantId, "2026-11-02", "2027-04-30")
			.replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		HttpResponse<String> response = postJson("/api/v1/placements", body);
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(json(response.body()).get("participant").get("locale").asString()).isEqualTo("sv");
		return json(response.body()).get("id").asString();
	}

	/** The texts of a command's answer blocks. */
	private static String answerTexts(JsonNode ack) {
		return texts(ack.get("blocks"));
	}

	@Test
	void helpForAParticipantListsTheirCommandsOnly() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String help = answerTexts(command(ADA, "help"));

		assertThat(help).contains("Fieldnotes — your placement logbook")
			.contains("/fieldnotes log &lt;text&gt;")
			.contains("/fieldnotes me")
			.contains("/fieldnotes help")
			.contains("You can also just send me a direct message")
			.doesNotContain("/fieldnotes list")
			.doesNotContain("/fieldnotes pause")
			.doesNotContain("/fieldnotes resume");
	}

	@Test
	void helpForAnAdminAlsoListsTheAdminCommands() {
		String help = answerTexts(command(ADMIN, "help"));

		assertThat(help).contains("/fieldnotes log")
			.contains("/fieldnotes me")
			.contains("/fieldnotes list")
			.contains("/fieldnotes pause @person")
			.contains("/fieldnotes resume @person");
	}

	@Test
	void noTextIsHelp() {
		JsonNode ack = command(ADA, "");

		assertThat(ack.get("text").asString()).isEqualTo("Fieldnotes commands");
		assertThat(answerTexts(ack)).contains("Fieldnotes — your placement logbook").doesNotContain("I don't know");
	}

	@Test
	void anUnknownSubcommandIsHelpWithAnExplanation() {
		String answer = answerTexts(command(ADA, "frobnicate now"));

		assertThat(answer).contains("I don't know the command \"frobnicate\"")
			.contains("Fieldnotes — your placement logbook")
			.contains("/fieldnotes me");
	}

	@Test
	void subcommandsAreCaseInsensitive() {
		assertThat(answerTexts(command(ADA, "HELP"))).contains("Fieldnotes — your placement logbook")
			.doesNotContain("I don't know");
	}

	@Test
	void logStoresAFreeFormEntry() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = answerTexts(command(ADA, "log Met the test-rig team"));

		assertThat(answer).contains("Saved to your logbook");
		JsonNode entries = json(get("/api/v1/placements/" + placementId + "/entries").body());
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("text").asString()).isEqualTo("Met the test-rig team");
		assertThat(entries.get(0).get("source").asString()).isEqualTo("FREE_FORM");
		assertThat(entries.get(0).get("authorSlackUserId").asString()).isEqualTo(ADA);
		assertThat(entries.get(0).get("promptOccurrenceId").isNull()).isTrue();
		assertThat(Instant.parse(entries.get(0).get("createdAt").asString())).isEqualTo(DEFAULT_NOW);
		// answered in the ack only: nothing posted, no reaction
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
	}

	@Test
	void logStoresTheTextAsTypedNotAsSlackEscapedIt() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		// Slack delivers command text with &, < and > escaped
		command(ADA, "log Fish &amp; chips with R&amp;D &lt;3 -&gt; <@UMAJA|maja> liked it");

		JsonNode entries = json(get("/api/v1/placements/" + placementId + "/entries").body());
		assertThat(entries.get(0).get("text").asString()).isEqualTo("Fish & chips with R&D <3 -> @UMAJA liked it");
	}

	@Test
	void logWithoutTextAnswersWithTheUsageAndStoresNothing() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = answerTexts(command(ADA, "log   "));

		assertThat(answer).contains("Write something after \"log\".").contains("Usage: /fieldnotes log &lt;text&gt;");
		assertThat(storedEntries()).isZero();
	}

	@Test
	void logFromSomeoneNotEnrolledStoresNothing() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = answerTexts(command("USTRANGER", "log Let me in"));

		assertThat(answer).contains("You're not enrolled in a placement yet");
		assertThat(storedEntries()).isZero();
	}

	@Test
	void meShowsThePlacementTheNextPromptAndThisWeeksEntries() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		// one entry last week (Friday 27 November), two this week (from Monday 30 November)
		clock.set(Instant.parse("2026-11-27T12:00:00Z"));
		command(ADA, "log Last week");
		clock.set(Instant.parse("2026-11-29T22:59:00Z")); // Sunday 23:59 in Stockholm: still last week
		command(ADA, "log Sunday night");
		clock.set(Instant.parse("2026-11-29T23:01:00Z")); // Monday 00:01 in Stockholm
		command(ADA, "log Monday, just after midnight");
		clock.set(DEFAULT_NOW);
		command(ADA, "log This week");

		JsonNode ack = command(ADA, "me");
		String me = answerTexts(ack);

		assertThat(ack.get("text").asString()).isEqualTo("Your placement");
		assertThat(me).contains("Your placement")
			.contains("Scania · KTP 2026 · 2 Nov 2026 – 30 Apr 2027 · week 5 of 26")
			.contains("Maja Berg (manager) · Anders Holm (academic coach) · Beata Ek (business coach)")
			.contains("Next prompt: Friday 4 Dec 14:00 (Weekly status)")
			.contains("Entries this week: 2");
	}

	@Test
	void meForSomeoneWhoOnlyFollowsPlacements() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String me = answerTexts(command("UMAJA", "me"));

		assertThat(me).contains("You follow 1 placement:")
			.contains("Ada Lindqvist")
			.contains("Scania · KTP 2026 · 2 Nov 2026 – 30 Apr 2027");
	}

	@Test
	void meForAStranger() {
		assertThat(answerTexts(command("USTRANGER", "me"))).contains("You're not enrolled in a placement yet");
	}

	@Test
	void listByANonAdminIsPolitelyRefused() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = answerTexts(command(ADA, "list"));

		assertThat(answer).contains("Sorry, only programme coordinators (admins) can do that.")
			.doesNotContain("Ada Lindqvist");
	}

	@Test
	void listByTheAdminListsThePlacements() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		String other = placementJson("UBO", "2026-09-07", "2027-02-26").replace("Ada Lindqvist", "Bo Ek")
			.replace("Scania", "Volvo");
		assertThat(postJson("/api/v1/placements", other).statusCode()).isEqualTo(201);

		String list = answerTexts(command(ADMIN, "list"));

		assertThat(list).contains("Placements (2)")
			.contains("*Ada Lindqvist*  Scania · KTP 2026 · 2 Nov 2026 – 30 Apr 2027 · active")
			.contains("*Bo Ek*  Volvo · KTP 2026 · 7 Sep 2026 – 26 Feb 2027 · active");
	}

	@Test
	void listByTheAdminWithNoPlacements() {
		assertThat(answerTexts(command(ADMIN, "list"))).contains("Placements (0)").contains("No placements yet.");
	}

	@Test
	void pauseAndResumeByTheAdmin() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		// Slack writes a mention in command text as <@U…|name>
		String paused = answerTexts(command(ADMIN, "pause <@UADA|ada>"));

		assertThat(paused).contains("Paused the placement of Ada Lindqvist at Scania.");
		assertThat(status(placementId)).isEqualTo("PAUSED");
		assertThat(answerTexts(command(ADA, "me"))).contains("Your prompts are paused.").doesNotContain("Next prompt");

		String resumed = answerTexts(command(ADMIN, "resume <@UADA>"));

		assertThat(resumed).contains("Resumed the placement of Ada Lindqvist at Scania.");
		assertThat(status(placementId)).isEqualTo("ACTIVE");
		assertThat(answerTexts(command(ADA, "me"))).contains("Next prompt: Friday 4 Dec 14:00");
	}

	@Test
	void pauseByANonAdminIsRefused() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(answerTexts(command("UMAJA", "pause <@UADA|ada>"))).contains("only programme coordinators (admins)");
		assertThat(status(placementId)).isEqualTo("ACTIVE");
	}

	@Test
	void pauseWithoutAMentionAnswersWithTheUsage() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = answerTexts(command(ADMIN, "pause ada"));

		assertThat(answer).contains("Mention the person, e.g. @ada.").contains("Usage: /fieldnotes pause @person");
		assertThat(status(placementId)).isEqualTo("ACTIVE");
	}

	@Test
	void pauseOfSomeoneNotEnrolled() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = answerTexts(command(ADMIN, "pause <@USTRANGER|stranger>"));

		assertThat(answer).contains("That person has no current placement.");
		assertThat(status(placementId)).isEqualTo("ACTIVE");
	}

	@Test
	void aSwedishParticipantIsAnsweredInSwedish() {
		enrolInSwedish(ADA);

		String me = answerTexts(command(ADA, "me"));
		String help = answerTexts(command(ADA, "help"));

		assertThat(me).contains("Din placering")
			.contains("vecka 5 av 26")
			.contains("Maja Berg (chef)")
			.contains("Nästa fråga: fredag 4 dec")
			.contains("(Veckans läge)")
			.contains("Anteckningar den här veckan: 0")
			.doesNotContain("Your placement");
		assertThat(help).contains("Fieldnotes — loggboken för din placering")
			.contains("skriv en anteckning i din loggbok")
			.doesNotContain("your placement logbook");
		assertThat(answerTexts(command(ADA, "log Träffade testriggteamet"))).contains("Sparat i din loggbok");
		assertThat(answerTexts(command(ADA, "nånting"))).contains("Jag känner inte till kommandot \"nånting\"");
	}
}
