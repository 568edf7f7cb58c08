package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.slack;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.digest.attention.Attention;
import org.fieldnotes.digest.attention.Flag;
import org.fieldnotes.logbook.Blocker;
import org.fieldnotes.logbook.BlockerEscalation;
import org.fieldnotes.logbook.BlockerState;
import org.fieldnotes.logbook.Blockers;
import org.fieldnotes.logbook.StatusForms;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Coaches act on blocker items from their digest: on Slack, "✓ Acknowledge blocker" and "Resolved" buttons under
 * each unresolved blocker the reader may see (pressed as Slack sends it, signed), the participant told in their
 * language, anyone who may not read it refused with nothing changed; by e-mail, a signed link to a page whose GET
 * changes nothing and whose POST acts. The "blocker open" flag follows the item (resolved: no flag). A blocker in a
 * private status update reaches no coach or manager on any surface: digest (chat and e-mail), API, escalation, flag.
 */
class BlockerDigestActionsTests extends MailTest {

	private static final String ADA = "UADA";
	private static final Pattern LINK = Pattern.compile("https://fieldnotes\\.example\\.org/b/([A-Za-z0-9_.\\-]+)");
	private static final String PRIVATE_WORDS = "PRIVATE-blocker-never-shown";

	@DynamicPropertySource
	static void links(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.links.public-url", () -> "https://fieldnotes.example.org");
		registry.add("fieldnotes.links.secret", () -> "q83vEjRWeJq8/hEiM0RVZneImaq7zN3u/wARIjNEVWY=");
	}

	@Autowired
	DigestService digests;

	@Autowired
	StatusForms forms;

	@Autowired
	Blockers blockers;

	@Autowired
	BlockerEscalation escalation;

	@Autowired
	Attention attention;

	@Autowired
	PlacementManagement placements;

	@Test
	void slackButtonsUnderTheBlockerAcknowledgeAndResolveItAndTheParticipantIsTold() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "No access to the <test rig> & co", "visibility", "coaches"));
		String id = blockers.of(placementId).get(0).id();
		clock.advance(Duration.ofDays(1));
		digests.sendAll();

		Map<String, String> beatas = SlackStub.messagesTo("UBEATA").get(0);
		assertThat(SlackStub.blockTexts(beatas)).contains("Blocker · open for 1 day (since 2 Dec) · for the participant")
			.contains("No access to the &lt;test rig&gt; &amp; co");
		assertThat(buttons(beatas, id)).containsExactly("blocker_acknowledge", "blocker_resolve");
		assertThat(buttons(SlackStub.messagesTo("UANDERS").get(0), id)).containsExactly("blocker_acknowledge",
				"blocker_resolve");
		// the manager: the blocker is for the coaches: its age as a fact, never its words or its buttons
		Map<String, String> majas = SlackStub.messagesTo("UMAJA").get(0);
		assertThat(SlackStub.blockTexts(majas)).contains("blocker open 1 day").doesNotContain("test rig");
		assertThat(buttons(majas, id)).isEmpty();
		int told = SlackStub.messagesTo(ADA).size();

		assertThat(press("UMAJA", "blocker_resolve", id).statusCode()).isEqualTo(200);
		assertThat(press("UBEATA", "blocker_acknowledge", id).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 2);
		assertThat(SlackStub.calls("chat.postEphemeral")).extracting(m -> m.get("text")).containsExactlyInAnyOrder(
				"You can act only on blockers of placements you follow, and only on those shared with you.",
				"✓ Blocker acknowledged — Ada has been told.");
		assertThat(blockers.find(id).orElseThrow().state()).isEqualTo(BlockerState.ACKNOWLEDGED);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == told + 1);
		assertThat(SlackStub.messagesTo(ADA).get(told).get("text"))
			.isEqualTo("Your business coach acknowledged your blocker from Wednesday 2 December:");

		press("UANDERS", "blocker_resolve", id);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 3);
		assertThat(SlackStub.calls("chat.postEphemeral").get(2).get("text"))
			.isEqualTo("✓ Hindret löst — Ada har fått veta det.");
		Blocker resolved = blockers.find(id).orElseThrow();
		assertThat(resolved.state()).isEqualTo(BlockerState.RESOLVED);
		assertThat(resolved.resolvedBy()).isEqualTo(personOf("UANDERS"));
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo(ADA).size() == told + 2);
		assertThat(SlackStub.messagesTo(ADA).get(told + 1).get("text"))
			.isEqualTo("Your academic coach marked your blocker from Wednesday 2 December resolved:");
	}

	@Test
	void theBlockerFlagFollowsTheItemAndAResolvedOneLeavesTheDigest() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Brackets late", "visibility", "coaches"));
		String id = blockers.of(placementId).get(0).id();
		clock.advance(Duration.ofDays(16));
		// a later update without a blocker resolves nothing: the item stays open, and flagged
		forms.submit(slack(ADA), status("k2", null, "visibility", "coaches"));

		assertThat(attention.flagsFor(placements.get(placementId))).extracting(Flag::kind)
			.contains(Flag.Kind.LONG_BLOCKER);
		digests.sendAll();
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0))).contains("a blocker open for 16 days")
			.contains("Brackets late");

		org.fieldnotes.access.AccessPolicy access = accessPolicy();
		blockers.act(id, Blockers.Action.RESOLVE, access.member(slack("UBEATA")),
				org.fieldnotes.access.Operation.BLOCKER_RESOLVE_BUTTON);

		assertThat(attention.flagsFor(placements.get(placementId))).extracting(Flag::kind)
			.doesNotContain(Flag.Kind.LONG_BLOCKER);
		SlackStub.reset();
		clock.advance(Duration.ofDays(7));
		digests.sendAll();
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0))).contains("*Blockers*  no open blockers")
			.doesNotContain("Brackets late").doesNotContain("a blocker open");
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UMAJA").get(0))).contains("no open blockers");
	}

	@Test
	void theEmailLinksToAPageWhoseGetChangesNothingAndWhosePostActs() throws Exception {
		String placementId = json(postJson("/api/v1/placements", evaAsAcademicCoach()).body()).get("id").asString();
		forms.submit(slack(ADA), status("k1", "<script>alert(1)</script> ${7*7} rig", "visibility", "coaches"));
		String id = blockers.of(placementId).get(0).id();
		clock.advance(Duration.ofDays(1));
		digests.sendAll();
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		Map<String, String> mail = MailParts.texts(received[0]);
		assertThat(mail.get("text/html")).contains(">Bekräfta eller lös hindret (länken gäller i 14 dagar)</a>");
		Matcher link = LINK.matcher(mail.get("text/plain"));
		assertThat(link.find()).as(mail.get("text/plain")).isTrue();
		String token = link.group(1);

		HttpResponse<String> page = page(token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.body()).contains("<html lang=\"sv\"").contains("Ett hinder för Ada Lindqvist")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} rig").doesNotContain("<script")
			.contains("value=\"acknowledge\"").contains("value=\"resolve\"");
		page(token);
		assertThat(blockers.find(id).orElseThrow().state()).as("GET changes nothing").isEqualTo(BlockerState.OPEN);
		assertThat(post(token, "delete").statusCode()).as("an unknown action does nothing").isEqualTo(303);
		assertThat(blockers.find(id).orElseThrow().state()).isEqualTo(BlockerState.OPEN);

		HttpResponse<String> acknowledged = post(token, "acknowledge");
		assertThat(acknowledged.statusCode()).isEqualTo(303);
		assertThat(acknowledged.headers().firstValue("Location")).hasValue(token + "?done=ACKNOWLEDGE");
		Blocker blocker = blockers.find(id).orElseThrow();
		assertThat(blocker.state()).isEqualTo(BlockerState.ACKNOWLEDGED);
		assertThat(blocker.acknowledgedBy()).isEqualTo(keyOfAddress("eva.strom@uni.example"));
		assertThat(page(token + "?done=ACKNOWLEDGE").body()).contains("✓ Bekräftat — Ada Lindqvist har fått veta det.")
			.doesNotContain("value=\"acknowledge\"").contains("value=\"resolve\"");
		assertThat(post(token, "resolve").statusCode()).isEqualTo(303);
		assertThat(blockers.find(id).orElseThrow().state()).isEqualTo(BlockerState.RESOLVED);

		// no longer shared with the link's recipient, then erased: refused, in their language
		mongo.getCollection("blockers").updateOne(new org.bson.Document("_id", id),
				new org.bson.Document("$set", new org.bson.Document("visibility", "PRIVATE")));
		HttpResponse<String> refused = page(token);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("rig");
		assertThat(post(token, "resolve").statusCode()).isEqualTo(403);
		mongo.getCollection("blockers").deleteMany(new org.bson.Document());
		assertThat(page(token).statusCode()).isEqualTo(410);

		// forged, another page's token, expired
		assertThat(page(token.substring(0, token.length() - 2) + "xx").statusCode()).isEqualTo(403);
		assertThat(post(token.substring(0, token.length() - 2) + "xx", "resolve").statusCode()).isEqualTo(403);
		clock.advance(Duration.ofDays(15));
		HttpResponse<String> expired = page(token);
		assertThat(expired.statusCode()).isEqualTo(410);
		// the blocker is gone, so the link names nobody who follows it: the browser's language
		assertThat(expired.body()).contains("<html lang=\"en\"").contains("14 days");
	}

	@Test
	void aBlockerInAPrivateStatusUpdateReachesNoCoachOrManagerOnAnySurface() throws Exception {
		String placementId = json(postJson("/api/v1/placements", evaAsAcademicCoach()).body()).get("id").asString();
		forms.submit(slack(ADA), status("k1", PRIVATE_WORDS, "visibility", "private"));
		String id = blockers.of(placementId).get(0).id();
		clock.advance(Duration.ofDays(20));

		digests.sendAll();
		assertThat(escalation.run()).isZero();
		drainOutbox();

		for (String follower : List.of("UBEATA", "UMAJA")) {
			assertThat(SlackStub.messagesTo(follower)).as(follower).isNotEmpty()
				.allSatisfy(m -> assertThat(SlackStub.blockTexts(m) + m.get("text")).doesNotContain(PRIVATE_WORDS)
					.doesNotContain(id).doesNotContain("blocker open 20"));
		}
		for (MimeMessage mail : greenMail.getReceivedMessages()) {
			assertThat(MailParts.texts(mail).values()).allSatisfy(t -> assertThat(t).doesNotContain(PRIVATE_WORDS)
				.doesNotContain("/b/"));
		}
		assertThat(greenMail.getReceivedMessages()).isNotEmpty();
		assertThat(get("/api/v1/placements/" + placementId + "/blockers").body()).isEqualTo("[]");
		assertThat(attention.flagsFor(placements.get(placementId))).extracting(Flag::kind)
			.doesNotContain(Flag.Kind.LONG_BLOCKER);
		assertThat(press("UBEATA", "blocker_acknowledge", id).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.calls("chat.postEphemeral").size() == 1);
		assertThat(SlackStub.calls("chat.postEphemeral").get(0).get("text")).startsWith("You can act only on blockers");
		assertThat(blockers.find(id).orElseThrow().state()).isEqualTo(BlockerState.OPEN);
		// the participant still has it, in their status form
		assertThat(forms.open(slack(ADA)).form().field("blockers_resolved").orElseThrow().options())
			.singleElement().satisfies(o -> assertThat(o.label()).isEqualTo(PRIVATE_WORDS));
	}

	@Test
	void aBusinessCoachWithoutChatGetsTheEscalationByEmailOnce() throws Exception {
		String placementId = json(postJson("/api/v1/placements", placementJson(ADA, "2026-11-02", "2027-04-30").replace(
				"\"businessCoach\": {\"name\": \"Beata Ek\", \"slackUserId\": \"UBEATA\", \"timezone\": \"Europe/Stockholm\"}",
				"\"businessCoach\": {\"name\": \"Beata Ek\", \"email\": \"beata@host.example\"}")).body())
			.get("id").asString();
		forms.submit(slack(ADA), status("k1", "Waiting for the <rig> key", "visibility", "coaches"));
		clock.advance(Duration.ofDays(14));

		assertThat(escalation.run()).isEqualTo(1);
		assertThat(escalation.run()).isZero();
		drainOutbox();

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).contains("beata@host.example");
		Map<String, String> mail = MailParts.texts(received[0]);
		assertThat(mail.get("text/plain")).contains("Escalated: a blocker of Ada Lindqvist")
			.contains("Waiting for the <rig> key");
		assertThat(mail.get("text/html")).contains("Waiting for the &lt;rig&gt; key");
		assertThat(blockers.of(placementId).get(0).escalatedAt()).isNotNull();
	}

	@Test
	void theAdminApiListsTheBlockersAnAdminMayReadWithTheirStateAndAge() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Shared with coaches", "visibility", "coaches"));
		forms.submit(slack(ADA), status("k2", "Confidential one", "visibility", "confidential"));
		clock.advance(Duration.ofDays(4));

		JsonNode listed = json(get("/api/v1/placements/" + placementId + "/blockers").body());

		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("text").asString()).isEqualTo("Shared with coaches");
		assertThat(listed.get(0).get("state").asString()).isEqualTo("open");
		assertThat(listed.get(0).get("owner").asString()).isEqualTo("participant");
		assertThat(listed.get(0).get("ageDays").asLong()).isEqualTo(4);
		assertThat(listed.get(0).get("authorPersonId").asString()).isEqualTo(personOf(ADA));
		assertThat(get("/api/v1/placements/no-such/blockers").statusCode()).isEqualTo(404);
	}

	@Autowired
	org.fieldnotes.access.AccessPolicy accessPolicyBean;

	private org.fieldnotes.access.AccessPolicy accessPolicy() {
		return accessPolicyBean;
	}

	private static String evaAsAcademicCoach() {
		return placementJson(ADA, "2026-11-02", "2027-04-30").replace(
				"\"academicCoach\": {\"name\": \"Anders Holm\", \"slackUserId\": \"UANDERS\", \"timezone\": \"Europe/Stockholm\", \"locale\": \"sv\"}",
				"\"academicCoach\": {\"name\": \"Eva Ström\", \"email\": \"Eva.Strom@uni.example\", \"locale\": \"sv\"}");
	}

	/** The action ids of the buttons whose value is this blocker, in a digest message. */
	private static List<String> buttons(Map<String, String> message, String blockerId) {
		List<String> found = new ArrayList<>();
		for (JsonNode block : JSON.readTree(message.get("blocks"))) {
			if ("actions".equals(block.get("type").asString())) {
				for (JsonNode element : block.get("elements")) {
					if (blockerId.equals(element.get("value").asString())) {
						found.add(element.get("action_id").asString());
					}
				}
			}
		}
		return found;
	}

	private HttpResponse<String> press(String userId, String actionId, String blockerId) {
		return slackEvent(SlackInteractions.buttonPress(userId, actionId, blockerId, "D" + userId,
				"1764756000.000200"), SlackInteractions.FORM);
	}

	private HttpResponse<String> page(String tokenAndQuery) {
		return send(HttpRequest.newBuilder(uri("/b/" + tokenAndQuery)).header("Accept-Language", "en").GET().build());
	}

	private HttpResponse<String> post(String token, String action) {
		return send(HttpRequest.newBuilder(uri("/b/" + token))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("action=" + URLEncoder.encode(action, StandardCharsets.UTF_8)))
			.build());
	}

	/** An amber status update with these blockers (or none), and one more field. */
	private static FormSubmission status(String key, String blockers, String field, String value) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("status", List.of("AMBER"));
		values.put("progress", List.of("Bench test planned"));
		values.put("blockers", blockers == null ? List.of() : List.of(blockers));
		values.put("mood", List.of("3"));
		values.put(field, List.of(value));
		return new FormSubmission("status_update", "", key, values);
	}
}
