package org.fieldnotes.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.bson.Document;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the portal by a one-time e-mail link: what is mailed to whom, that a link works once, for 15
 * minutes by the clock, and not when altered; that the answer never tells a known address from an unknown one; that
 * POSTs need the CSRF token; the session cookie and the headers; and that the bot's and the API's paths stay
 * outside the session.
 */
class PortalSignInTests extends PortalTest {

	@BeforeEach
	void twoPlacements() {
		placements();
	}

	@Test
	void aStrangerIsSentToSignInAndBackToThePageTheyAskedForAfterSigningIn() {
		PortalClient client = new PortalClient(port);
		assertThat(client.get(PortalController.HOME).statusCode()).isEqualTo(302);
		HttpResponse<String> asked = client.get("/portal/placements/" + p);
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(PortalClient.location(asked)).isEqualTo(SignInController.PAGE);

		askForLink(client, ANDERS);
		HttpResponse<String> signIn = client.signInWith(token(mailsTo(ANDERS).get(0)));

		assertThat(PortalClient.location(signIn)).as("the last page asked for").startsWith("/portal/placements/" + p + "?");
		String timeline = client.page(PortalClient.location(signIn));
		assertThat(timeline).contains("Ada Lindqvist");
	}

	@Test
	void theLinkGoesToTheAddressTypedInThePersonsLanguageAndSignsInOnce() throws Exception {
		PortalClient client = new PortalClient(port);
		HttpResponse<String> answer = askForLink(client, "  " + BEATA.toUpperCase() + " ");

		assertThat(answer.statusCode()).isEqualTo(303);
		assertThat(PortalClient.location(answer)).isEqualTo(SignInController.PAGE + "?sent");
		List<MimeMessage> mails = mailsTo(BEATA);
		assertThat(mails).hasSize(1);
		assertThat(greenMail.getReceivedMessages()).as("to nobody else").hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Din inloggningslänk till Fieldnotes");
		assertThat(MailParts.texts(mails.get(0)).get("text/plain")).contains("Hej Beata Ek").contains("15 minuter");
		String token = token(mails.get(0));

		// the link's page changes nothing (a mail scanner opens it): only its button signs in
		for (int i = 0; i < 2; i++) {
			String page = new PortalClient(port).page(SignInController.LINK + "?token=" + token);
			assertThat(page).contains("Logga in").contains("name=\"token\"").contains("method=\"post\"");
		}
		assertThat(links().find(new Document("usedAt", null)).into(new java.util.ArrayList<>())).hasSize(1);
		HttpResponse<String> signedIn = client.signInWith(token);
		assertThat(PortalClient.location(signedIn)).isEqualTo(PortalController.HOME);
		assertThat(client.page(PortalController.HOME)).contains("Beata Ek").contains("Mina placeringar");

		PortalClient again = new PortalClient(port);
		HttpResponse<String> second = again.signInWith(token);
		assertThat(PortalClient.location(second)).isEqualTo(SignInController.PAGE + "?invalid");
		assertThat(again.get(PortalController.HOME).statusCode()).as("not signed in").isEqualTo(302);
		assertThat(again.page(SignInController.PAGE + "?invalid")).contains("does not work any more");
	}

	@Test
	void aLinkPressedInManyBrowsersAtOnceSignsInOnce() {
		askForLink(new PortalClient(port), ANDERS);
		String token = token(mailsTo(ANDERS).get(0));
		int racers = 6;
		List<PortalClient> clients = new java.util.ArrayList<>();
		for (int i = 0; i < racers; i++) {
			PortalClient client = new PortalClient(port);
			client.page(SignInController.LINK + "?token=" + token);
			clients.add(client);
		}
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

		List<String> where = org.fieldnotes.support.Racing.race(racers,
				() -> PortalClient.location(clients.get(next.getAndIncrement()).post(SignInController.LINK, "token", token)));

		assertThat(where).filteredOn(PortalController.HOME::equals).hasSize(1);
		assertThat(where).filteredOn((SignInController.PAGE + "?invalid")::equals).hasSize(racers - 1);
		assertThat(clients.stream().filter(c -> c.get(PortalController.HOME).statusCode() == 200)).hasSize(1);
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNothingIsSentOrStored() {
		PortalClient known = new PortalClient(port);
		HttpResponse<String> knownAnswer = askForLink(known, ANDERS);
		PortalClient unknown = new PortalClient(port);
		HttpResponse<String> unknownAnswer = askForLink(unknown, "nobody@example.org");
		PortalClient nonsense = new PortalClient(port);
		HttpResponse<String> nonsenseAnswer = askForLink(nonsense, "not an address <script>");

		for (HttpResponse<String> answer : List.of(unknownAnswer, nonsenseAnswer)) {
			assertThat(answer.statusCode()).isEqualTo(knownAnswer.statusCode()).isEqualTo(303);
			assertThat(PortalClient.location(answer)).isEqualTo(PortalClient.location(knownAnswer));
			assertThat(answer.body()).isEqualTo(knownAnswer.body());
		}
		assertThat(mailsTo(ANDERS)).hasSize(1);
		assertThat(greenMail.getReceivedMessages()).as("nothing to the unknown address").hasSize(1);
		assertThat(links().countDocuments()).isEqualTo(1);
		assertThat(withoutCsrf(unknown.page(SignInController.PAGE + "?sent")))
			.isEqualTo(withoutCsrf(known.page(SignInController.PAGE + "?sent")))
			.contains("If that address belongs to someone in Fieldnotes");
	}

	@Test
	void anAddressOfSomeoneWhoIsNotAPersonsOrOnlyAnUnconfirmedOneGetsNoLink() {
		// a digest address waiting for its confirmation is nobody's yet
		mongo.getCollection("digest_preferences").insertOne(new Document("_id", personOf("UCARL"))
			.append("pendingEmail", "carl.private@example.org").append("pendingNonce", "n-1"));
		askForLink(new PortalClient(port), "carl.private@example.org");
		// a confirmed one is theirs
		mongo.getCollection("digest_preferences").insertOne(new Document("_id", personOf("UMAJA"))
			.append("email", "maja.home@example.org"));
		askForLink(new PortalClient(port), "Maja.Home@example.org");

		assertThat(mailsTo("carl.private@example.org")).isEmpty();
		assertThat(mailsTo("maja.home@example.org")).hasSize(1);
		assertThat(links().find(new Document("personId", personOf("UMAJA"))).into(new java.util.ArrayList<>())).hasSize(1);
	}

	@Test
	void aLinkExpiresAfterFifteenMinutesByTheClock() {
		PortalClient early = new PortalClient(port);
		askForLink(early, ANDERS);
		String stillGood = token(mailsTo(ANDERS).get(0));
		askForLink(new PortalClient(port), ANDERS);
		String expired = token(mailsTo(ANDERS).get(1));

		clock.advance(Duration.ofMinutes(15).minusSeconds(1));
		assertThat(PortalClient.location(early.signInWith(stillGood))).isEqualTo(PortalController.HOME);
		clock.advance(Duration.ofSeconds(1));
		PortalClient late = new PortalClient(port);
		assertThat(PortalClient.location(late.signInWith(expired))).isEqualTo(SignInController.PAGE + "?invalid");
		assertThat(late.get(PortalController.HOME).statusCode()).isEqualTo(302);
	}

	@Test
	void anAlteredOrForeignTokenIsRefusedAndLeavesTheRealOneWorking() {
		askForLink(new PortalClient(port), ANDERS);
		String token = token(mailsTo(ANDERS).get(0));
		String[] parts = token.split("\\.");
		// another person's id in the claims, the signature kept
		String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
			.replace(personOf("UANDERS"), personOf("UADA"));
		String otherPerson = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
		String badSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);

		for (String forged : List.of(otherPerson, badSignature, "not-a-token", "")) {
			PortalClient client = new PortalClient(port);
			assertThat(PortalClient.location(client.signInWith(forged))).as(forged).isEqualTo(SignInController.PAGE + "?invalid");
			assertThat(client.get(PortalController.HOME).statusCode()).isEqualTo(302);
		}
		assertThat(links().find(new Document("usedAt", null)).into(new java.util.ArrayList<>())).as("still unused")
			.hasSize(1);
		assertThat(PortalClient.location(new PortalClient(port).signInWith(token))).isEqualTo(PortalController.HOME);
	}

	@Test
	void nobodyWithoutAFieldnotesPersonGetsIn() {
		askForLink(new PortalClient(port), CARL);
		String token = token(mailsTo(CARL).get(0));
		mongo.getCollection("people").deleteOne(new Document("_id", personOf("UCARL")));

		PortalClient client = new PortalClient(port);
		assertThat(PortalClient.location(client.signInWith(token))).isEqualTo(SignInController.PAGE + "?invalid");
		assertThat(client.get(PortalController.HOME).statusCode()).isEqualTo(302);
	}

	@Test
	void aPersonsSignInLinksAreInTheirExportAndGoWithTheirErasure() {
		askForLink(new PortalClient(port), CARL);
		String token = token(mailsTo(CARL).get(0));
		assertThat(get("/api/v1/people/UCARL/export").body()).contains(SignInLink.COLLECTION)
			.contains(personOf("UCARL")).doesNotContain(token);

		HttpResponse<String> erased = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/people/UCARL"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build());
		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
		assertThat(erased.body()).contains("\"" + SignInLink.COLLECTION + "\":1");
		assertThat(links().countDocuments()).isZero();
		assertThat(PortalClient.location(new PortalClient(port).signInWith(token))).isEqualTo(SignInController.PAGE + "?invalid");
	}

	@Test
	void linksAreLimitedPerPersonAndTheAnswerStaysTheSame() {
		for (int i = 0; i < SignInAddresses.PER_HOUR + 2; i++) {
			HttpResponse<String> answer = askForLink(new PortalClient(port), ANDERS);
			assertThat(PortalClient.location(answer)).isEqualTo(SignInController.PAGE + "?sent");
		}
		assertThat(mailsTo(ANDERS)).hasSize(SignInAddresses.PER_HOUR);
		clock.advance(Duration.ofHours(1).plusSeconds(1));
		askForLink(new PortalClient(port), ANDERS);
		assertThat(mailsTo(ANDERS)).as("an hour later, one more").hasSize(SignInAddresses.PER_HOUR + 1);
		assertThat(links().countDocuments()).as("the old ones swept").isEqualTo(1);
	}

	@Test
	void everyPostNeedsTheCsrfToken() {
		PortalClient client = new PortalClient(port);
		client.page(SignInController.PAGE);
		assertThat(client.postRaw(SignInController.PAGE, "address", ANDERS).statusCode()).isEqualTo(403);
		assertThat(mailsTo(ANDERS)).isEmpty();

		askForLink(client, ANDERS);
		String token = token(mailsTo(ANDERS).get(0));
		client.page(SignInController.LINK + "?token=" + token);
		assertThat(client.postRaw(SignInController.LINK, "token", token).statusCode()).isEqualTo(403);
		assertThat(links().find(new Document("usedAt", null)).into(new java.util.ArrayList<>())).hasSize(1);

		assertThat(PortalClient.location(client.signInWith(token))).isEqualTo(PortalController.HOME);
		assertThat(client.postRaw("/portal/sign-out").statusCode()).isEqualTo(403);
		assertThat(client.get(PortalController.HOME).statusCode()).as("still signed in").isEqualTo(200);
		HttpResponse<String> out = client.post("/portal/sign-out");
		assertThat(PortalClient.location(out)).isEqualTo(SignInController.PAGE + "?signed-out");
		assertThat(client.get(PortalController.HOME).statusCode()).as("signed out").isEqualTo(302);
	}

	@Test
	void theSessionCookieAndTheHeadersAreStrictAndTheNewSessionReplacesTheOld() {
		PortalClient client = new PortalClient(port);
		HttpResponse<String> page = client.get(SignInController.PAGE);
		String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
			.findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
		String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).isEqualTo(new PortalClient(port).get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
		assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(page.body()).doesNotContain("<script").doesNotContain("style=");

		String before = client.cookie("JSESSIONID");
		askForLink(client, ANDERS);
		client.signInWith(token(mailsTo(ANDERS).get(0)));
		assertThat(client.cookie("JSESSIONID")).as("a new session id on sign-in").isNotEqualTo(before);
	}

	@Test
	void theBotsAndTheApisPathsStayOutsideTheSession() {
		HttpResponse<String> slack = directMessage("EvPORTAL", "UNOBODY", "1764669600.000100", "hello", null);
		assertThat(slack.statusCode()).isEqualTo(200);
		assertThat(slack.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(slack.headers().firstValue("Content-Security-Policy")).isEmpty();
		HttpResponse<String> api = get("/api/v1/placements");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(api.headers().firstValue("Location")).isEmpty();
		HttpResponse<String> noToken = new PortalClient(port).get("/api/v1/placements");
		assertThat(noToken.statusCode()).as("the API's own refusal, not a redirect to sign in").isEqualTo(401);
		assertThat(noToken.headers().firstValue("Location")).isEmpty();
		assertThat(noToken.headers().firstValue("Set-Cookie")).isEmpty();
		HttpResponse<String> teams = send(java.net.http.HttpRequest.newBuilder(uri("/teams/messages"))
			.header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
		assertThat(teams.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(teams.headers().firstValue("Location")).isEmpty();
	}

	private static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

	private com.mongodb.client.MongoCollection<Document> links() {
		return mongo.getCollection(SignInLink.COLLECTION);
	}
}
