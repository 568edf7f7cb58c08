package org.fieldnotes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fieldnotes.digest.DigestService;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A business coach replaced through {@code PATCH /api/v1/placements/{id}} loses access at once, on every surface a
 * coach reads a placement through: their digest preview and their next weekly digest, a digest sent again
 * ({@code digest last}), the Acknowledge button under an entry of an old digest, their App Home and
 * {@code /fieldnotes me}. The coach who takes their place reads what that role may read, earlier entries included.
 * Ada wrote an entry (shared with the coaches, the default) on Wednesday 2 December; week 49's digests went out on
 * Thursday 3 December; Beata is replaced by Bo on Friday 4 December.
 */
class LeavingCoachAccessTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String WORDS = "Mapped the supplier network";

	@Autowired
	DigestService digests;

	private String placementId;
	private String entryId;

	@BeforeEach
	void beataReadAdasEntryThenIsReplacedByBo() {
		placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		directMessage("Ev1", ADA, "1764669600.000100", WORDS, null);
		entryId = mongo.getCollection("logbook_entries").find().first().getString("_id");
		clock.advance(Duration.ofDays(1));
		digests.sendAll();
		drainOutbox();
		assertThat(sent().messagesTo(slack("UBEATA"))).anySatisfy(m -> assertThat(words(m)).contains(WORDS));
		assertThat(preview("UBEATA")).contains(WORDS);
		clock.advance(Duration.ofDays(1));

		HttpResponse<String> changed = send(HttpRequest.newBuilder(uri("/api/v1/placements/" + placementId))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(
					"{\"businessCoach\": {\"name\": \"Bo Ek\", \"slackUserId\": \"UBO\"}}"))
			.build());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		drainOutbox();
		sent().reset();
		SlackStub.reset();
	}

	@Test
	void theOldCoachsDigestPreviewAndNextDigestLeaveThePlacementOutAndTheNewCoachsShowIt() {
		assertThat(preview("UBEATA")).doesNotContain(WORDS).doesNotContain("Ada Lindqvist");
		assertThat(preview("UBO")).contains(WORDS).contains("Ada Lindqvist");

		// the next week's digests, with a new entry
		directMessage("Ev2", ADA, "1764928800.000100", "Ran the first design review", null);
		clock.advance(Duration.ofDays(6));
		digests.sendAll();
		drainOutbox();

		assertThat(sent().messagesTo(slack("UBEATA"))).noneSatisfy(m -> assertThat(words(m)).contains("design review"));
		assertThat(sent().messagesTo(slack("UBO"))).anySatisfy(m -> assertThat(words(m)).contains("design review"));
	}

	@Test
	void aDigestSentAgainNoLongerShowsThePlacementToTheOldCoach() {
		String answer = texts(json(slashCommand("UBEATA", "digest last").body()));

		assertThat(answer).doesNotContain(WORDS);
		assertThat(sent().messagesTo(slack("UBEATA"))).noneSatisfy(m -> assertThat(words(m)).contains(WORDS));
	}

	@Test
	void theOldCoachCanNoLongerAcknowledgeAnEntryFromAnOldDigestButTheNewOneCan() {
		press("UBEATA", entryId);
		await().atMost(Duration.ofSeconds(5)).until(() -> !ephemeralsTo("UBEATA").isEmpty());
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();

		press("UBO", entryId);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> mongo.getCollection("entry_responses").countDocuments() == 1);
		assertThat(mongo.getCollection("entry_responses").find().first().getString("role"))
			.isEqualTo("BUSINESS_COACH");
	}

	@Test
	void theOldCoachCanNoLongerReplyToAnEntryButTheNewOneCan(@Autowired org.fieldnotes.logbook.ReplyForms replies) {
		// the Reply button under the entry in Beata's old digest: Slack answers the submission with the field's error
		HttpResponse<String> refused = slackEvent(SlackInteractions.viewSubmission("UBEATA", "V900", "entry_reply",
				entryId, Map.of("reply", Map.of("text", SlackInteractions.text("Still here")))),
				SlackInteractions.FORM);
		assertThat(refused.body()).contains("\"response_action\":\"errors\"").contains("reply");
		// the same form handler serves web chat and Teams: the form does not open there either
		assertThat(replies.open(entryId, slack("UBEATA")).opens()).isFalse();
		assertThat(replies.open(entryId, slack("UBO")).opens()).isTrue();
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();

		slackEvent(SlackInteractions.viewSubmission("UBO", "V901", "entry_reply", entryId,
				Map.of("reply", Map.of("text", SlackInteractions.text("Welcome aboard")))),
				SlackInteractions.FORM);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> mongo.getCollection("entry_responses").countDocuments() == 1);
		assertThat(mongo.getCollection("entry_responses").find().first().getString("role"))
			.isEqualTo("BUSINESS_COACH");
	}

	@Test
	void theOldCoachsHomeAndMeNoLongerListThePlacement() {
		slackEvent(SlackInteractions.appHomeOpened("EvHomeB", "UBEATA"), "application/json");
		slackEvent(SlackInteractions.appHomeOpened("EvHomeO", "UBO"), "application/json");
		await().atMost(Duration.ofSeconds(10)).until(() -> sent().homeOf(slack("UBEATA")).isPresent()
				&& sent().homeOf(slack("UBO")).isPresent());

		assertThat(words(sent().homeOf(slack("UBEATA")).orElseThrow())).doesNotContain("Ada Lindqvist");
		assertThat(words(sent().homeOf(slack("UBO")).orElseThrow())).contains("Ada Lindqvist");
		assertThat(commandAnswer("UBEATA", "me")).doesNotContain("Ada Lindqvist");
		assertThat(commandAnswer("UBO", "me")).contains("Ada Lindqvist");
	}

	private String preview(String userId) {
		return texts(json(slashCommand(userId, "digest preview").body()));
	}

	private void press(String userId, String entry) {
		assertThat(slackEvent(SlackInteractions.buttonPress(userId, "entry_acknowledge", entry, "D" + userId,
				"1764756000.000200"), SlackInteractions.FORM).statusCode()).isEqualTo(200);
	}

	private static List<Map<String, String>> ephemeralsTo(String userId) {
		return SlackStub.calls("chat.postEphemeral").stream().filter(m -> userId.equals(m.get("user"))).toList();
	}
}
