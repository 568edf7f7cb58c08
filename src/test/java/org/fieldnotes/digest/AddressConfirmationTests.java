package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.bson.Document;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new e-mail address for the digest, typed in with {@code /fieldnotes digest settings}, is used only once its
 * owner confirms it from that inbox: the link goes there alone (GreenMail), is signed, works once and for 24 hours,
 * and only its button (POST) confirms. Until then the digest keeps going where it went, and the person is told so
 * in their language. Anders (academic coach) uses Fieldnotes in Swedish; his Slack profile's address is
 * someone@example.org.
 */
class AddressConfirmationTests extends MailTest {

	private static final Pattern LINK = Pattern.compile("https://fieldnotes\\.example\\.org/confirm/([A-Za-z0-9_.\\-]+)");
	private static final String NEW = "anders.holm@uni.example";

	@DynamicPropertySource
	static void links(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.links.public-url", () -> "https://fieldnotes.example.org");
		registry.add("fieldnotes.links.secret", () -> "q83vEjRWeJq8/hEiM0RVZneImaq7zN3u/wARIjNEVWY=");
	}

	@Autowired
	DigestService digests;

	@Autowired
	DigestPreferences settings;

	@Test
	void aNewAddressIsUsedOnlyAfterItsOwnerConfirmsItFromThatInbox() throws Exception {
		enrol("UADA", "2026-11-02", "2027-04-30");
		directMessage("Ev1", "UADA", "1764669600.000100", "Mapped the supplier chain", null);

		String answer = commandAnswer("UANDERS", "digest settings email " + NEW);

		assertThat(answer).contains("Väntar på att du bekräftar " + NEW
				+ ": öppna länken i mejlet vi skickade dit (den gäller i 24 timmar). Tills dess kommer sammanfattningen "
				+ "som förut, som direktmeddelande i Slack.");
		Document stored = stored("UANDERS");
		assertThat(stored.getString("email")).isNull();
		assertThat(stored.getString("channel")).isNull();
		assertThat(stored.getString("pendingEmail")).isEqualTo(NEW);
		// the link goes out after the command was answered, through the outbox, to the new address only
		assertThat(greenMail.getReceivedMessages()).isEmpty();
		drainOutbox();
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(((InternetAddress) received[0].getAllRecipients()[0]).getAddress()).isEqualTo(NEW);
		assertThat(received[0].getSubject()).isEqualTo("Bekräfta adressen för din sammanfattning från Fieldnotes");
		Map<String, String> mail = MailParts.texts(received[0]);
		assertThat(mail.get("text/plain")).contains("Du har bett Fieldnotes skicka din veckosammanfattning till den här "
				+ "adressen, " + NEW + ".")
			.contains("Bekräfta adressen (länken gäller i 24 timmar): https://fieldnotes.example.org/confirm/");
		String token = token(mail.get("text/plain"));

		// until confirmed, this week's digest still comes as a Slack DM
		clock.advance(Duration.ofHours(2));
		digests.sendAll();
		assertThat(SlackStub.messagesTo("UANDERS")).hasSize(1);
		assertThat(greenMail.getReceivedMessages()).hasSize(1);

		HttpResponse<String> page = page(token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.body()).contains("<html lang=\"sv\"")
			.contains("Ska din veckosammanfattning från Fieldnotes skickas till " + NEW + "?")
			.contains("<form method=\"post\" action=\"\"");
		assertThat(stored("UANDERS").getString("email")).as("opening the page changes nothing").isNull();

		HttpResponse<String> confirmed = post(token);

		assertThat(confirmed.statusCode()).isEqualTo(303);
		assertThat(confirmed.headers().firstValue("Location")).hasValue(token);
		stored = stored("UANDERS");
		assertThat(stored.getString("email")).isEqualTo(NEW);
		assertThat(stored.getString("channel")).isEqualTo("EMAIL");
		assertThat(stored.getString("pendingEmail")).isNull();
		assertThat(stored.getString("pendingNonce")).isNull();
		assertThat(page(token).body()).contains("Adressen är bekräftad").doesNotContain("<form");

		// from next week on the digest goes to the confirmed address, and no longer as a DM
		clock.advance(Duration.ofDays(7));
		digests.sendAll();
		assertThat(greenMail.getReceivedMessages()).hasSize(2);
		assertThat(((InternetAddress) greenMail.getReceivedMessages()[1].getAllRecipients()[0]).getAddress())
			.isEqualTo(NEW);
		assertThat(SlackStub.messagesTo("UANDERS")).hasSize(1);
		assertThat(settings.current(slack("UANDERS")).orElseThrow()).satisfies(current -> {
			assertThat(current.effectiveChannel()).isEqualTo(DigestChannel.EMAIL);
			assertThat(current.email()).isEqualTo(NEW);
			assertThat(current.pendingEmail()).isNull();
		});
	}

	@Test
	void aLinkWorksOnceAndANewerRequestReplacesAnOlderOne() throws Exception {
		enrol("UADA", "2026-11-02", "2027-04-30");
		commandAnswer("UANDERS", "digest settings email first@uni.example");
		commandAnswer("UANDERS", "digest settings email " + NEW);
		drainOutbox();
		String first = token(mailTo("first@uni.example"));
		String second = token(mailTo(NEW));

		assertThat(page(first).statusCode()).isEqualTo(410);
		assertThat(page(first).body()).contains("Länken gäller inte längre");
		assertThat(post(first).statusCode()).isEqualTo(410);
		assertThat(stored("UANDERS").getString("email")).isNull();

		assertThat(post(second).statusCode()).isEqualTo(303);
		assertThat(stored("UANDERS").getString("email")).isEqualTo(NEW);
		// used: the same link again changes nothing, and once the settings moved on it is refused
		commandAnswer("UANDERS", "digest settings slack");
		commandAnswer("UANDERS", "digest settings email"); // back to e-mail, to the confirmed address
		assertThat(post(second).statusCode()).isEqualTo(303);
		assertThat(stored("UANDERS").getString("email")).isEqualTo(NEW);
		commandAnswer("UANDERS", "digest settings email someone@example.org"); // the Slack profile's: no link
		assertThat(stored("UANDERS").getString("email")).isEqualTo("someone@example.org");
		assertThat(post(second).statusCode()).isEqualTo(410);
		assertThat(stored("UANDERS").getString("email")).isEqualTo("someone@example.org");
		drainOutbox();
		assertThat(greenMail.getReceivedMessages()).as("a known address needs no confirmation").hasSize(2);
	}

	@Test
	void anExpiredOrForgedLinkConfirmsNothing() throws Exception {
		enrol("UADA", "2026-11-02", "2027-04-30");
		commandAnswer("UANDERS", "digest settings email " + NEW);
		drainOutbox();
		String token = token(MailParts.texts(greenMail.getReceivedMessages()[0]).get("text/plain"));
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);

		assertThat(page(forged).statusCode()).isEqualTo(403);
		assertThat(post(forged).statusCode()).isEqualTo(403);
		clock.advance(Duration.ofHours(24));
		HttpResponse<String> expired = page(token);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("Länken har gått ut")
			.contains("/fieldnotes digest settings email " + NEW);
		assertThat(post(token).statusCode()).isEqualTo(410);
		assertThat(stored("UANDERS").getString("email")).isNull();
		assertThat(settings.current(slack("UANDERS")).orElseThrow().pendingEmail()).as("no longer said to be waiting").isNull();
		assertThat(commandAnswer("UANDERS", "digest settings friday")).doesNotContain("Väntar på");
	}

	// ---------------------------------------------------------------------------------------------- helpers

	private Document stored(String recipientKey) {
		return mongo.getCollection("digest_preferences").find(new Document("_id", keyOf(recipientKey))).first();
	}

	private static String mailTo(String address) throws Exception {
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			if (((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(address)) {
				return MailParts.texts(message).get("text/plain");
			}
		}
		throw new AssertionError("No e-mail to " + address);
	}

	private static String token(String text) {
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as(text).isTrue();
		return link.group(1);
	}

	private HttpResponse<String> page(String token) {
		return send(HttpRequest.newBuilder(uri("/confirm/" + token)).header("Accept-Language", "en").GET().build());
	}

	private HttpResponse<String> post(String token) {
		return send(HttpRequest.newBuilder(uri("/confirm/" + token))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(""))
			.build());
	}

	@Test
	void erasingThePersonWithdrawsAConfirmationStillWaitingToGo() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		commandAnswer("UANDERS", "digest settings email " + NEW);
		assertThat(mongo.getCollection("outbox").countDocuments(new Document("key", new Document("$regex", "^address-confirm:"))))
			.isEqualTo(1);

		HttpResponse<String> erased = send(HttpRequest.newBuilder(uri("/api/v1/people/UANDERS"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.DELETE()
			.build());
		assertThat(erased.statusCode()).isEqualTo(200);
		assertThat(json(erased.body()).get("erased").get("outbox_withdrawn").asLong()).isEqualTo(1);

		drainOutbox();
		assertThat(greenMail.getReceivedMessages()).as("the link never goes out").isEmpty();
		Document withdrawn = mongo.getCollection("outbox")
			.find(new Document("key", new Document("$regex", "^address-confirm:")))
			.first();
		assertThat(withdrawn.getString("status")).isEqualTo("FAILED");
		assertThat(withdrawn.getString("failure")).isEqualTo("erased");
		assertThat(withdrawn.containsKey("message")).as("its words are gone").isFalse();
		assertThat(mongo.getCollection("digest_preferences").countDocuments()).isZero();
	}
}
