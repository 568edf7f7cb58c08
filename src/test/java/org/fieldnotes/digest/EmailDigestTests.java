package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Digests by e-mail for followers without Slack, against GreenMail as the SMTP server: one multipart/alternative
 * e-mail per recipient and week, in their language, with the participant's words as inert text.
 */
class EmailDigestTests extends MailTest {

	@Autowired
	DigestService digests;

	@Autowired
	Logbook logbook;

	@Test
	void anEmailOnlyCoachGetsOneEmailWithHtmlAndTextInTheirLanguage() throws Exception {
		enrolWithEmailOnlyCoaches();
		logbook.write(slack("UADA"), "Veckans lärdom: ask early");
		clock.advance(Duration.ofDays(1));

		List<DigestRecord> handled = digests.sendAll();

		assertThat(handled).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(DigestStatus.SENT));
		assertThat(SlackStub.calls("chat.postMessage")).extracting(m -> m.get("channel")).containsExactly("UMAJA");
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(2);

		MimeMessage toEva = onlyMailTo("eva.strom@uni.example");
		assertThat(toEva.getSubject()).isEqualTo("Dina placeringar den här veckan — 1 deltagare");
		assertThat(((InternetAddress) toEva.getFrom()[0]).getAddress()).isEqualTo("digests@fieldnotes.example");
		assertThat(((InternetAddress) toEva.getAllRecipients()[0]).getPersonal()).isEqualTo("Eva Ström");
		assertThat(MailParts.structure(toEva)).contains("multipart/alternative text/plain text/html");
		Map<String, String> eva = MailParts.texts(toEva);
		assertThat(eva.get("text/plain")).contains("Dina placeringar den här veckan")
			.contains("Ada Lindqvist — Scania · KTP 2026 · vecka 5 av 26 · du är akademisk handledare")
			.contains("> Veckans lärdom: ask early");
		assertThat(eva.get("text/html")).contains("<html lang=\"sv\"")
			.contains("<h1 style=\"margin:0 0 8px; font-size:22px; line-height:1.3;\">Dina placeringar den här veckan</h1>")
			.contains("<strong>Ada Lindqvist</strong>")
			.containsPattern("<blockquote[^>]*>Veckans lärdom: ask early</blockquote>")
			.contains("Skickat av Fieldnotes")
			.doesNotContain("Your placements");

		MimeMessage toBen = onlyMailTo("ben.ek@biz.example");
		assertThat(toBen.getSubject()).isEqualTo("Your placements this week — 1 participant");
		assertThat(MailParts.texts(toBen).get("text/html")).contains("<html lang=\"en\"")
			.contains("you are the business coach");

		DigestRecord record = record(keyOfAddress("eva.strom@uni.example")).orElseThrow();
		assertThat(record.channel()).isEqualTo("email");
		assertThat(record.ts()).isEqualTo(toEva.getMessageID()).isNotBlank();
		assertThat(record.sentAt()).isEqualTo(clock.instant());
		assertThat(record.failure()).isNull();

		// a second send the same week sends nothing
		assertThat(digests.sendAll()).isEmpty();
		HttpResponse<String> viaApi = postJson("/api/v1/digests/send", "");
		assertThat(json(viaApi.body()).get("handled").asInt()).isZero();
		assertThat(greenMail.getReceivedMessages()).hasSize(2);
	}

	@Test
	void theParticipantsWordsArriveAsTextNeverAsMarkupOrExpressions() throws Exception {
		enrolWithEmailOnlyCoaches();
		logbook.write(slack("UADA"), "<script>alert(1)</script> ${7*7} [[${7*7}]] <!channel> *bold* & 'quotes'\nsecond line");
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		Map<String, String> eva = MailParts.texts(onlyMailTo("eva.strom@uni.example"));
		String html = eva.get("text/html");
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script")
			.contains("${7*7}")
			.contains("[[${7*7}]]")
			.doesNotContain("49")
			.contains("&lt;!channel&gt;")
			.contains("*bold* &amp; &#39;quotes&#39;")
			.contains("second line");
		assertThat(eva.get("text/plain")).contains("> <script>alert(1)</script> ${7*7} [[${7*7}]] <!channel> *bold*")
			.contains("> second line")
			.doesNotContain("49");
	}

	@Test
	void theMoodChartIsInlineReferredToByContentIdWithItsAltTextAndInTheTextPartAsWords() throws Exception {
		enrolWithEmailOnlyCoaches();
		String placementId = mongo.findAll(org.bson.Document.class, "placements").get(0).getString("_id");
		statusUpdate(placementId, "2026-11-13T11:00:00Z", OverallStatus.GREEN, 4, Visibility.COACHES);
		statusUpdate(placementId, "2026-11-20T11:00:00Z", OverallStatus.AMBER, 3, Visibility.PRIVATE);
		statusUpdate(placementId, "2026-11-27T11:00:00Z", OverallStatus.RED, 2, Visibility.CONFIDENTIAL);
		statusUpdate(placementId, "2026-11-30T11:00:00Z", OverallStatus.AMBER, 3, Visibility.PLACEMENT);

		digests.sendAll();

		// Eva, academic coach, in Swedish: the confidential update too, never the private one
		MimeMessage toEva = onlyMailTo("eva.strom@uni.example");
		String evaAlt = "Ada Lindqvist, humör under 4 veckor (vecka 2–5): 4, 2, 3 (sjunkande). Status: grön, röd, orange.";
		assertThat(MailParts.structure(toEva))
			.contains("multipart/related multipart/alternative text/plain text/html image/png");
		List<Part> images = MailParts.binaries(toEva);
		assertThat(images).hasSize(1);
		Part chart = images.get(0);
		assertThat(chart.isMimeType("image/png")).isTrue();
		assertThat(chart.getDisposition()).isEqualTo(Part.INLINE);
		assertThat(((MimeBodyPart) chart).getContentID()).isEqualTo("<image-1@fieldnotes>");
		BufferedImage png = ImageIO.read(chart.getInputStream());
		assertThat(png.getWidth()).isEqualTo(800);
		assertThat(png.getHeight()).isEqualTo(400);
		Map<String, String> eva = MailParts.texts(toEva);
		assertThat(eva.get("text/html")).contains("<img src=\"cid:image-1@fieldnotes\" alt=\"" + evaAlt + "\""
				+ " title=\"Ada Lindqvist — humör och status\" width=\"800\" height=\"400\"");
		assertThat(eva.get("text/plain").replace("\r\n", "\n")).contains("Ada Lindqvist — humör och status\n" + evaAlt)
			.doesNotContain("cid:");

		// Ben, business coach, in English: neither the private nor the confidential update
		MimeMessage toBen = onlyMailTo("ben.ek@biz.example");
		String benAlt = "Ada Lindqvist, mood over 4 weeks (weeks 2–5): 4, 3 (falling). Status: green, amber.";
		assertThat(MailParts.texts(toBen).get("text/html")).contains("alt=\"" + benAlt + "\"");
		assertThat(MailParts.texts(toBen).get("text/plain")).contains(benAlt);
		assertThat(MailParts.binaries(toBen)).hasSize(1);
	}

	@Test
	void withFewerThanTwoReadableStatusUpdatesTheEmailHasNoChart() throws Exception {
		enrolWithEmailOnlyCoaches();
		String placementId = mongo.findAll(org.bson.Document.class, "placements").get(0).getString("_id");
		statusUpdate(placementId, "2026-11-13T11:00:00Z", OverallStatus.GREEN, 4, Visibility.COACHES);
		statusUpdate(placementId, "2026-11-20T11:00:00Z", OverallStatus.AMBER, 3, Visibility.CONFIDENTIAL);

		digests.sendAll();

		MimeMessage toBen = onlyMailTo("ben.ek@biz.example");
		assertThat(MailParts.binaries(toBen)).isEmpty();
		assertThat(MailParts.texts(toBen).get("text/html")).doesNotContain("<img");
		assertThat(MailParts.binaries(onlyMailTo("eva.strom@uni.example"))).hasSize(1);
	}

	// ---------------------------------------------------------------------------------------------- helpers

	private void statusUpdate(String placementId, String at, OverallStatus status, int mood, Visibility visibility) {
		long n = mongo.getCollection("status_updates").countDocuments();
		mongo.insert(new StatusUpdate("su-" + n, placementId, "UADA", status, "progress " + n, null, mood, null,
				"email-chart-" + n, Instant.parse(at), visibility));
	}

	/** Academic coach Eva (Swedish) and business coach Ben (English) have only an e-mail address. */
	private void enrolWithEmailOnlyCoaches() {
		String body = placementJson("UADA", "2026-11-02", "2027-04-30").replace(
				"\"academicCoach\": {\"name\": \"Anders Holm\", \"slackUserId\": \"UANDERS\", \"timezone\": \"Europe/Stockholm\", \"locale\": \"sv\"}",
				"\"academicCoach\": {\"name\": \"Eva Ström\", \"email\": \"Eva.Strom@uni.example\", \"locale\": \"sv\"}")
			.replace("\"businessCoach\": {\"name\": \"Beata Ek\", \"slackUserId\": \"UBEATA\", \"timezone\": \"Europe/Stockholm\"}",
					"\"businessCoach\": {\"name\": \"Ben Ek\", \"email\": \"ben.ek@biz.example\", \"locale\": \"en\"}");
		HttpResponse<String> response = postJson("/api/v1/placements", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private static MimeMessage onlyMailTo(String address) throws Exception {
		List<MimeMessage> mails = new java.util.ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			if (((InternetAddress) message.getAllRecipients()[0]).getAddress().equalsIgnoreCase(address)) {
				mails.add(message);
			}
		}
		assertThat(mails).as("e-mails to %s", address).hasSize(1);
		return mails.get(0);
	}

	private Optional<DigestRecord> record(String recipientKey) {
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("recipientKey").is(recipientKey)),
				DigestRecord.class));
	}
}
