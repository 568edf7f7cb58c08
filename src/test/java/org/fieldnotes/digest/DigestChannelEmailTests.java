package org.fieldnotes.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A Slack member who chooses e-mail gets their digest by e-mail (GreenMail as the SMTP server) and no DM; those who
 * did not choose it keep their DM. With a mail server, the settings form offers e-mail. An address from the
 * member's Slack profile is used at once; one typed in only once confirmed from its inbox
 * ({@link AddressConfirmationTests}).
 */
class DigestChannelEmailTests extends MailTest {

	@DynamicPropertySource
	static void links(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.links.public-url", () -> "https://fieldnotes.example.org");
		registry.add("fieldnotes.links.secret", () -> "q83vEjRWeJq8/hEiM0RVZneImaq7zN3u/wARIjNEVWY=");
	}

	@Autowired
	DigestService digests;

	@Test
	void aSlackCoachWhoChoseEmailGetsAnEmailAndNoDm() throws Exception {
		enrol("UADA", "2026-11-02", "2027-04-30");
		directMessage("Ev1", "UADA", "1764669600.000100", "Mapped the supplier chain", null);
		profileEmail("UBEATA", "Beata.Ek@scania.example"); // her Slack profile's: no confirmation needed

		String answer = blocksJson(command("UBEATA", "digest settings friday 16:30 email beata.ek@scania.example"));
		assertThat(answer).contains(
				"Next digest: Fri 4 Dec 16:30 (Europe/Stockholm), by e-mail to beata.ek@scania.example.");
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		assertThat(SlackStub.messagesTo("UBEATA")).isEmpty();
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(((InternetAddress) received[0].getAllRecipients()[0]).getAddress()).isEqualTo("beata.ek@scania.example");
		assertThat(((InternetAddress) received[0].getAllRecipients()[0]).getPersonal()).isEqualTo("Beata Ek");
		assertThat(MailParts.texts(received[0]).get("text/html")).contains("Mapped the supplier chain");
		DigestRecord record = mongo.findOne(Query.query(Criteria.where("recipientKey").is(keyOf("UBEATA"))), DigestRecord.class);
		assertThat(record.status()).isEqualTo(DigestStatus.SENT);
		assertThat(record.channel()).isEqualTo("email");
		assertThat(record.ts()).isEqualTo(received[0].getMessageID());
		assertThat(record.fallback()).isNull();
	}

	@Test
	void withoutAnAddressGivenTheSlackProfileAddressIsUsed() throws Exception {
		enrol("UADA", "2026-11-02", "2027-04-30");
		command("UMAJA", "digest settings e-mail");
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		assertThat(SlackStub.messagesTo("UMAJA")).isEmpty();
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(((InternetAddress) greenMail.getReceivedMessages()[0].getAllRecipients()[0]).getAddress())
			.isEqualTo("someone@example.org");
	}

	@Test
	void choosingSlackAgainBringsTheDmBack() throws Exception {
		enrol("UADA", "2026-11-02", "2027-04-30");
		profileEmail("UMAJA", "maja@scania.example");
		command("UMAJA", "digest settings email maja@scania.example");
		command("UMAJA", "digest settings slack");
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void theFormOffersEmailToTheKnownAddress() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		slashCommand("UBEATA", "digest settings");

		List<Map<String, String>> opened = SlackStub.calls("views.open");
		assertThat(opened).hasSize(1);
		JsonNode view = json(opened.get(0).get("view"));
		assertThat(view.toString()).contains("\"value\":\"EMAIL\"")
			.contains("By e-mail to someone@example.org")
			.doesNotContain("\"block_id\":\"address\"")
			.doesNotContain("E-mail is not set up");
	}

	@Test
	void withNoKnownAddressTheFormAsksForOneAndItsSubmissionStoresIt() throws Exception {
		enrol("UADA", "2026-11-02", "2027-04-30");
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=UBEATA"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"UBEATA\",\"name\":\"beata\",\"real_name\":\"Beata Ek\","
						+ "\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"profile\":{\"real_name\":\"Beata Ek\"}}}")));

		slashCommand("UBEATA", "digest settings");

		JsonNode view = json(SlackStub.calls("views.open").get(0).get("view"));
		assertThat(view.toString()).contains("By e-mail (give your address below)")
			.contains("\"block_id\":\"address\"")
			.contains("email_text_input");

		Map<String, Map<String, JsonNode>> values = new java.util.LinkedHashMap<>();
		values.put("day", Map.of("value", SlackInteractions.selected("static_select", "MONDAY")));
		values.put("time", Map.of("value", JSON.createObjectNode().put("type", "timepicker").put("selected_time", "08:00")));
		values.put("channel", Map.of("value", SlackInteractions.selected("radio_buttons", "EMAIL")));
		values.put("address", Map.of("value", JSON.createObjectNode().put("type", "email_text_input")
			.put("value", "beata@scania.example")));
		assertThat(slackEvent(SlackInteractions.viewSubmission("UBEATA", "VDIGEST", "fieldnotes_digest_settings", "",
				values), SlackInteractions.FORM).body()).isEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> !SlackStub.messagesTo("UBEATA").isEmpty());
		// a typed address: the DM says where to confirm it, and the link goes there
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UBEATA").get(0))).contains(
				"Waiting for you to confirm beata@scania.example: open the link in the e-mail we sent there");
		drainOutbox();
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		Matcher link = Pattern.compile("https://fieldnotes\\.example\\.org(/confirm/[A-Za-z0-9_.\\-]+)")
			.matcher(MailParts.texts(greenMail.getReceivedMessages()[0]).get("text/plain"));
		assertThat(link.find()).isTrue();
		assertThat(send(HttpRequest.newBuilder(uri(link.group(1))).POST(HttpRequest.BodyPublishers.noBody()).build())
			.statusCode()).isEqualTo(303);
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		assertThat(greenMail.getReceivedMessages()).hasSize(2);
		assertThat(((InternetAddress) greenMail.getReceivedMessages()[1].getAllRecipients()[0]).getAddress())
			.isEqualTo("beata@scania.example");
		assertThat(SlackStub.calls("chat.postMessage")).extracting(m -> m.get("channel"))
			.as("the DM confirming the settings, the digests of the others")
			.containsExactlyInAnyOrder("UBEATA", "UMAJA", "UANDERS");
	}

	/** The member's Slack profile (users.info) gives this address. */
	private static void profileEmail(String userId, String address) {
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + userId))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"" + userId + "\",\"name\":\"someone\",\"deleted\":false,"
						+ "\"tz\":\"Europe/Stockholm\",\"profile\":{\"real_name\":\"Some One\",\"email\":\"" + address
						+ "\"}}}")));
	}

	private JsonNode command(String userId, String text) {
		return json(slashCommand(userId, text).body());
	}
}
