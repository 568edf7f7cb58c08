package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.prompting.PromptFirings;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The follow-up answer (the "effects", written some months after the end) reaches the coaches and the manager who
 * may read it, in the digest of the week it was written in, although the placement's own digests stopped a week
 * after its end. Ada's placement ends on Friday 11 December 2026; the follow-up goes on Friday 12 March 2027 at
 * 14:00 Stockholm (its trigger fired as Quartz would) and she answers it in her DM an hour later, through a signed Slack event; the digest goes on
 * Monday 15 March. The academic coach Anders reads Swedish, the others English.
 */
class FollowUpDigestTests extends MailTest {

	private static final String ADA = "UADA";
	/** Fixed words with what a chat or mail renderer must escape, and what a template engine would evaluate. */
	private static final String ANSWER = "Our team now runs <!channel> design reviews ${7*7} every month & <b>I lead</b>";
	private static final Instant FOLLOW_UP_SENT = Instant.parse("2027-03-12T13:00:00Z");
	private static final Instant DIGEST_MONDAY = Instant.parse("2027-03-15T07:00:00Z");

	@Autowired
	ApplicationContext context;

	@Test
	void coachesVisibilityReachesBothCoachesInTheirLanguageAndNotTheManager() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		answerTheFollowUp(placementId, "coaches");

		assertThat(sendDigests()).isEqualTo(2);

		String anders = onlyDigestTo("UANDERS");
		assertThat(anders).contains("Uppföljning: placeringen avslutades 11 dec. 2026, och Ada Lindqvist har svarat")
			.contains("Our team now runs &lt;!channel&gt; design reviews ${7*7} every month &amp; &lt;b&gt;I lead&lt;/b&gt;")
			.doesNotContain("<!channel>")
			.doesNotContain("49");
		String beata = onlyDigestTo("UBEATA");
		assertThat(beata).contains("Follow-up: the placement ended on 11 Dec 2026, and Ada Lindqvist has answered")
			.contains("Our team now runs &lt;!channel&gt; design reviews");
		assertThat(SlackStub.messagesTo("UMAJA")).as("the manager may not read what is shared with the coaches")
			.isEmpty();
	}

	@Test
	void placementVisibilityReachesTheManagerToo() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		answerTheFollowUp(placementId, "placement");

		assertThat(sendDigests()).isEqualTo(3);

		assertThat(onlyDigestTo("UMAJA")).contains("Follow-up: the placement ended on 11 Dec 2026")
			.contains("Ada Lindqvist shared an entry with you")
			.contains("Our team now runs &lt;!channel&gt; design reviews");
		assertThat(onlyDigestTo("UANDERS")).contains("Our team now runs");
		assertThat(onlyDigestTo("UBEATA")).contains("Our team now runs");
	}

	@Test
	void aConfidentialAnswerReachesOnlyTheAcademicCoachAndNotTheCoordinatorsPreview() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		answerTheFollowUp(placementId, "confidential");

		String preview = commandAnswer("UADMIN1", "digest preview <@UANDERS|anders>");
		assertThat(preview).doesNotContain("Our team now runs").doesNotContain("Uppföljning").doesNotContain("Follow-up");

		assertThat(sendDigests()).isEqualTo(1);
		assertThat(onlyDigestTo("UANDERS")).contains("Our team now runs").contains("Konfidentiellt");
		assertThat(SlackStub.messagesTo("UBEATA")).isEmpty();
		assertThat(SlackStub.messagesTo("UMAJA")).isEmpty();
	}

	@Test
	void theCoordinatorsPreviewShowsWhatIsSharedWithTheCoaches() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		answerTheFollowUp(placementId, "coaches");

		assertThat(commandAnswer("UADMIN1", "digest preview <@UBEATA|beata>")).contains("Our team now runs")
			.contains("Follow-up: the placement ended on 11 Dec 2026");
	}

	@Test
	void aPrivateAnswerReachesNobody() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		answerTheFollowUp(placementId, "private");

		assertThat(sendDigests()).isZero();
		for (String reader : new String[] { "UANDERS", "UBEATA", "UMAJA" }) {
			assertThat(SlackStub.messagesTo(reader)).as(reader).isEmpty();
		}
		assertThat(commandAnswer("UADMIN1", "digest preview <@UANDERS|anders>")).doesNotContain("Our team now runs");
	}

	@Test
	void aCoachWhoLeftBeforeTheFollowUpGetsNothingAndTheNewOneGetsIt() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		clock.set(Instant.parse("2027-01-10T10:00:00Z"));
		HttpResponse<String> changed = send(HttpRequest.newBuilder(uri("/api/v1/placements/" + placementId))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("""
					{"businessCoach": {"name": "Bo Ek", "slackUserId": "UBO", "timezone": "Europe/Stockholm"}}"""))
			.build());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		// the change's notices to the coaches, left and joined, go out
		drainOutbox();
		answerTheFollowUp(placementId, "coaches");
		SlackStub.reset();

		assertThat(sendDigests()).isEqualTo(2);
		assertThat(SlackStub.messagesTo("UBEATA")).as("the coach who left").isEmpty();
		assertThat(onlyDigestTo("UBO")).contains("Our team now runs");
	}

	@Test
	void theWeeksBeforeAndAfterTheAnswerHaveNoDigestForTheEndedPlacement() {
		String placementId = enrol(ADA, "2026-11-02", "2026-12-11");
		clock.set(Instant.parse("2027-03-08T07:00:00Z"));
		assertThat(sendDigests()).as("before the follow-up").isZero();

		answerTheFollowUp(placementId, "coaches");
		clock.set(Instant.parse("2027-03-22T07:00:00Z"));
		assertThat(sendDigests()).as("the week after the answer's").isZero();
	}

	@Test
	void anEmailOnlyCoachGetsTheAnswerByEmailEscaped() throws Exception {
		String body = placementJson(ADA, "2026-11-02", "2026-12-11").replace(
				"\"businessCoach\": {\"name\": \"Beata Ek\", \"slackUserId\": \"UBEATA\", \"timezone\": \"Europe/Stockholm\"}",
				"\"businessCoach\": {\"name\": \"Ben Ek\", \"email\": \"ben.ek@biz.example\", \"locale\": \"en\"}");
		HttpResponse<String> enrolled = postJson("/api/v1/placements", body);
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		answerTheFollowUp(json(enrolled.body()).get("id").asString(), "coaches");

		assertThat(sendDigests()).isEqualTo(2);

		MimeMessage[] mails = greenMail.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(((InternetAddress) mails[0].getAllRecipients()[0]).getAddress()).isEqualTo("ben.ek@biz.example");
		Map<String, String> texts = MailParts.texts(mails[0]);
		assertThat(texts.get("text/plain")).contains("Follow-up: the placement ended on 11 Dec 2026")
			.contains(ANSWER);
		assertThat(texts.get("text/html")).contains("Our team now runs &lt;!channel&gt; design reviews ${7*7} every "
				+ "month &amp; &lt;b&gt;I lead&lt;/b&gt;")
			.doesNotContain("<b>I lead");
	}

	/**
	 * Ada chooses the visibility, the end-of-placement note and the follow-up prompt go out on their days, and Ada
	 * answers it in her DM; the clock is left at the digest's Monday.
	 */
	private void answerTheFollowUp(String placementId, String visibility) {
		assertThat(slashCommand(ADA, "visibility " + visibility).statusCode()).isEqualTo(200);
		// the end-of-placement note on the Monday after the end, then the follow-up on its day
		clock.set(Instant.parse("2026-12-14T13:00:00Z"));
		PromptFirings.fire(context, placementId);
		clock.set(FOLLOW_UP_SENT);
		PromptFirings.fire(context, placementId);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo(ADA).get(SlackStub.messagesTo(ADA).size() - 1)))
			.contains("Follow-up");
		// the follow-up survey that goes with the prompt is queued: delivered now, so the digest runs below count
		// only digests
		drainOutbox();
		clock.set(FOLLOW_UP_SENT.plusSeconds(3600));
		assertThat(directMessage("EvF1", ADA, "1804856400.000100", ANSWER, null).statusCode()).isEqualTo(200);
		awaitAfterAckWork();
		// stored as the answer to the follow-up (read from the store: the admin API shows no private or
		// confidential entry)
		Document entry = mongo.getCollection("logbook_entries").find().first();
		assertThat(entry.getString("text")).isEqualTo(ANSWER);
		assertThat(entry.getString("source")).isEqualTo("PROMPT_REPLY");
		assertThat(mongo.getCollection("prompt_occurrences")
			.find(new Document("_id", entry.getString("occurrenceId")))
			.first()
			.getString("promptId")).startsWith("follow-up");
		clock.set(DIGEST_MONDAY);
	}

	/** Runs the admin's "send the digests now" and delivers what it queued; returns how many digests went. */
	private int sendDigests() {
		HttpResponse<String> run = postJson("/api/v1/digests/send", "");
		assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
		int handled = json(run.body()).get("handled").asInt();
		assertThat(drainOutbox()).isEqualTo(handled);
		return handled;
	}

	private static String onlyDigestTo(String member) {
		assertThat(SlackStub.messagesTo(member)).as("digests to %s", member).hasSize(1);
		return SlackStub.blockTexts(SlackStub.messagesTo(member).get(0));
	}
}
