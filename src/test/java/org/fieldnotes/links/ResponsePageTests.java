package org.fieldnotes.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.fieldnotes.digest.DigestService;
import org.fieldnotes.logbook.ResponseKind;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.placement.Role;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-mail side of closing the loop: an e-mail digest links each entry to a signed, expiring page
 * ({@code /r/{token}}) where its recipient acknowledges or replies without an account; the participant is told in
 * Slack. Expired links get 410, forged or damaged ones 403, each a page in the recipient's language.
 */
class ResponsePageTests extends MailTest {

	private static final Pattern LINK = Pattern.compile("https://fieldnotes\\.example\\.org/r/([A-Za-z0-9_.\\-]+)");

	@DynamicPropertySource
	static void links(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.links.public-url", () -> "https://fieldnotes.example.org");
		registry.add("fieldnotes.links.secret", () -> ResponseLinksTests.SECRET);
	}

	@Autowired
	DigestService digests;

	@Autowired
	Responses responses;

	@Autowired
	ResponseLinks links;

	private String entryId;

	@Test
	void theEmailLinksToAPageWhereAcknowledgingTellsTheParticipant() throws Exception {
		String token = tokenFromEvasDigest("<script>alert(1)</script> ${7*7} [[${7*7}]] & more");

		HttpResponse<String> page = page(token, "sv");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(page.body()).contains("<html lang=\"sv\"")
			.contains("Kvittera eller svara")
			.contains("Ada Lindqvist skrev onsdag 2 december 2026:")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} [[${7*7}]] &amp; more")
			.doesNotContain("<script")
			.contains("<form method=\"post\" action=\"\"");
		assertThat(quoted(page.body())).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} [[${7*7}]] &amp; more");
		assertThat(mongo.getCollection("entry_responses").countDocuments()).as("GET changes nothing").isZero();
		HttpResponse<String> unknown = post(token, Map.of("action", "delete"));
		assertThat(unknown.statusCode()).isEqualTo(303);
		assertThat(unknown.headers().firstValue("Location")).hasValue(token);
		assertThat(mongo.getCollection("entry_responses").countDocuments()).as("an unknown action stores nothing").isZero();
		int before = SlackStub.messagesTo("UADA").size();

		HttpResponse<String> posted = post(token, Map.of("action", "acknowledge"));
		post(token, Map.of("action", "acknowledge"));

		assertThat(posted.statusCode()).isEqualTo(303);
		assertThat(posted.headers().firstValue("Location")).hasValue(token + "?done=ACKNOWLEDGED");
		assertThat(responses.to(entryId)).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo(ResponseKind.ACKNOWLEDGED);
			assertThat(r.role()).isEqualTo(Role.ACADEMIC_COACH);
			assertThat(r.responderKey()).isEqualTo(keyOfAddress("eva.strom@uni.example"));
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo("UADA").size() == before + 1);
		assertThat(SlackStub.messagesTo("UADA").get(before).get("text"))
			.isEqualTo("Your academic coach read your entry from Wednesday 2 December.");
		assertThat(page(token + "?done=ACKNOWLEDGED", "en").body())
			.contains("✓ Kvitterat — Ada Lindqvist har fått veta det.")
			.contains("Det du har skickat hittills");
	}

	@Test
	void aReplyFromThePageIsStoredOnceAndReachesTheParticipantEscaped() throws Exception {
		String token = tokenFromEvasDigest("Bench test booked");
		int before = SlackStub.messagesTo("UADA").size();
		String words = "Tack! <!channel> <b>bra</b> ${7*7}";

		HttpResponse<String> empty = post(token, Map.of("action", "reply", "text", "  ", "submission", "n1"));
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("Skriv ett svar innan du skickar.");
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();

		assertThat(post(token, Map.of("action", "reply", "text", words, "submission", "n1")).statusCode()).isEqualTo(303);
		post(token, Map.of("action", "reply", "text", words, "submission", "n1")); // the form sent twice

		assertThat(responses.to(entryId)).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo(ResponseKind.REPLIED);
			assertThat(r.text()).isEqualTo(words);
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> SlackStub.messagesTo("UADA").size() == before + 1);
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UADA").get(before)))
			.contains("_Your academic coach replied to your entry from Wednesday 2 December:_")
			.contains(">Tack! &lt;!channel&gt; &lt;b&gt;bra&lt;/b&gt; ${7*7}")
			.doesNotContain("<!channel>");
		assertThat(page(token + "?done=REPLIED", "en").body())
			.contains("✓ Svaret är skickat — Ada Lindqvist har fått veta det.")
			.contains("Tack! &lt;!channel&gt; &lt;b&gt;bra&lt;/b&gt; ${7*7}");
	}

	@Test
	void aLinkCarriesFiveRepliesInAnyHourAndTheSixthIs429KeptInTheFormInTheRecipientsLanguage() throws Exception {
		String token = tokenFromEvasDigest("Bench test booked");
		for (int i = 1; i <= ReplyLimits.PER_HOUR; i++) {
			assertThat(post(token, Map.of("action", "reply", "text", "Svar " + i, "submission", "n" + i)).statusCode())
				.isEqualTo(303);
		}

		HttpResponse<String> sixth = post(token, Map.of("action", "reply", "text", "Sjätte & sista", "submission", "n6"));

		assertThat(sixth.statusCode()).isEqualTo(429);
		assertThat(sixth.headers().firstValue("Retry-After")).hasValue("3600");
		assertThat(sixth.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(sixth.body()).contains("<html lang=\"sv\"")
			.contains("Den här länken tar emot högst 5 svar i timmen. Ditt svar har inte skickats; det finns kvar nedan. "
					+ "Skicka det igen om 60 minuter.")
			.contains(">Sjätte &amp; sista</textarea>");
		assertThat(responses.to(entryId)).hasSize(ReplyLimits.PER_HOUR);
		// acknowledging is not a reply, and is not limited
		assertThat(post(token, Map.of("action", "acknowledge")).statusCode()).isEqualTo(303);

		// any hour, not a clock hour: half an hour on, the five are still within it
		clock.advance(Duration.ofMinutes(30));
		HttpResponse<String> stillFull = post(token, Map.of("action", "reply", "text", "Sjätte & sista", "submission", "n6"));
		assertThat(stillFull.statusCode()).isEqualTo(429);
		assertThat(stillFull.headers().firstValue("Retry-After")).hasValue("1800");
		assertThat(stillFull.body()).contains("Skicka det igen om 30 minuter.");

		clock.advance(Duration.ofMinutes(30));
		assertThat(post(token, Map.of("action", "reply", "text", "Sjätte & sista", "submission", "n6")).statusCode())
			.isEqualTo(303);
		assertThat(responses.to(entryId)).filteredOn(r -> r.kind() == ResponseKind.REPLIED)
			.hasSize(ReplyLimits.PER_HOUR + 1);
	}

	@Test
	void anExpiredLinkGets410InTheRecipientsLanguageAndStoresNothing() throws Exception {
		String token = tokenFromEvasDigest("Bench test booked");
		clock.advance(Duration.ofDays(14));

		HttpResponse<String> page = page(token, "en");
		HttpResponse<String> posted = post(token, Map.of("action", "acknowledge"));

		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("<html lang=\"sv\"").contains("Länken har gått ut").doesNotContain("<form");
		assertThat(posted.statusCode()).isEqualTo(410);
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
	}

	@Test
	void aTamperedOrForeignLinkGets403AndStoresNothing() throws Exception {
		String token = tokenFromEvasDigest("Bench test booked");
		String[] parts = token.split("\\.");
		String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
		// genuinely signed, but for people who may not respond: a stranger, and the manager (entry is for coaches)
		String stranger = links.token(entryId, "email:mallory@example.org");
		String manager = links.token(entryId, "UMAJA");

		HttpResponse<String> forged = page(tampered, "en");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("<html lang=\"en\"").contains("This link does not work");
		assertThat(page(tampered, "sv-SE,sv;q=0.9").body()).contains("Länken fungerar inte");
		assertThat(post(tampered, Map.of("action", "acknowledge")).statusCode()).isEqualTo(403);
		assertThat(page(stranger, "en").statusCode()).isEqualTo(403);
		assertThat(page(stranger, "en").body()).contains("You cannot respond to this entry");
		assertThat(post(stranger, Map.of("action", "reply", "text", "hi")).statusCode()).isEqualTo(403);
		assertThat(post(manager, Map.of("action", "acknowledge")).statusCode()).isEqualTo(403);
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
	}

	@Test
	void aCoachWhoLeftThePlacementCanNoLongerUseTheLinkInTheirOldDigest() throws Exception {
		String token = tokenFromEvasDigest("Bench test booked");
		assertThat(page(token, "en").statusCode()).isEqualTo(200);
		String placementId = json(get("/api/v1/placements").body()).get(0).get("id").asString();

		HttpResponse<String> changed = send(HttpRequest.newBuilder(uri("/api/v1/placements/" + placementId))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(
					"{\"academicCoach\": {\"name\": \"Anders Holm\", \"slackUserId\": \"UANDERS\"}}"))
			.build());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

		HttpResponse<String> shown = page(token, "en");
		assertThat(shown.statusCode()).isEqualTo(403);
		assertThat(shown.body()).doesNotContain("Bench test booked").contains("You cannot respond to this entry");
		assertThat(post(token, Map.of("action", "acknowledge")).statusCode()).isEqualTo(403);
		assertThat(post(token, Map.of("action", "reply", "text", "Still reading", "submission", "n1")).statusCode())
			.isEqualTo(403);
		assertThat(mongo.getCollection("entry_responses").countDocuments()).isZero();
	}

	// ---------------------------------------------------------------------------------------------- helpers

	/**
	 * Ada's academic coach Eva (Swedish) has only an e-mail address. Ada writes an entry on Wed 2 Dec; a day later
	 * the digests go out. Returns the token of the entry's link in Eva's e-mail.
	 */
	private String tokenFromEvasDigest(String text) throws Exception {
		String body = placementJson("UADA", "2026-11-02", "2027-04-30").replace(
				"\"academicCoach\": {\"name\": \"Anders Holm\", \"slackUserId\": \"UANDERS\", \"timezone\": \"Europe/Stockholm\", \"locale\": \"sv\"}",
				"\"academicCoach\": {\"name\": \"Eva Ström\", \"email\": \"Eva.Strom@uni.example\", \"locale\": \"sv\"}");
		String placementId = json(postJson("/api/v1/placements", body).body()).get("id").asString();
		directMessage("Ev1", "UADA", "1764669600.000100", text, null);
		entryId = json(get("/api/v1/placements/" + placementId + "/entries").body()).get(0).get("id").asString();
		clock.advance(Duration.ofDays(1));
		digests.sendAll();
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		Map<String, String> mail = MailParts.texts(received[0]);
		assertThat(mail.get("text/html")).contains("<a href=\"https://fieldnotes.example.org/r/")
			.contains(">Kvittera eller svara (länken gäller i 14 dagar)</a>");
		Matcher link = LINK.matcher(mail.get("text/plain"));
		assertThat(link.find()).as(mail.get("text/plain")).isTrue();
		assertThat(mail.get("text/plain")).contains("Kvittera eller svara (länken gäller i 14 dagar): " + link.group());
		return link.group(1);
	}

	/** The entry's words as the page quotes them (the HTML between the blockquote tags). */
	private static String quoted(String html) {
		Matcher quote = Pattern.compile("<blockquote id=\"entry\"[^>]*>(.*?)</blockquote>", Pattern.DOTALL).matcher(html);
		assertThat(quote.find()).as(html).isTrue();
		return quote.group(1);
	}

	private HttpResponse<String> page(String tokenAndQuery, String language) {
		return send(HttpRequest.newBuilder(uri("/r/" + tokenAndQuery)).header("Accept-Language", language).GET().build());
	}

	private HttpResponse<String> post(String token, Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return send(HttpRequest.newBuilder(uri("/r/" + token))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}
}
