package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A reader without chat gets the scheduled meeting's brief by e-mail (GreenMail as the SMTP server), escaped, once;
 * and the retention sweep deletes a placement's meetings with it.
 */
class MeetingBriefEmailTests extends MailTest {

	private static final String WORDS = "Booked the <rig> & the *team*";

	@Autowired
	MeetingBriefs briefs;

	@Test
	void anEmailOnlyBusinessCoachGetsTheBriefByEmailOnce() throws Exception {
		String body = placementJson("UADA", "2026-11-02", "2027-04-30").replace(
				"\"businessCoach\": {\"name\": \"Beata Ek\", \"slackUserId\": \"UBEATA\", \"timezone\": \"Europe/Stockholm\"}",
				"\"businessCoach\": {\"name\": \"Ben Ek\", \"email\": \"ben.ek@biz.example\", \"locale\": \"en\"}");
		HttpResponse<String> enrolled = postJson("/api/v1/placements", body);
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		String placementId = json(enrolled.body()).get("id").asString();
		assertThat(slashCommand("UADA", "log " + WORDS).statusCode()).isEqualTo(200);
		assertThat(postJson("/api/v1/placements/" + placementId + "/meetings", "{\"date\": \"2026-12-10\"}")
			.statusCode()).isEqualTo(201);

		clock.set(Instant.parse("2026-12-08T07:00:00Z"));
		assertThat(briefs.run()).isOne();
		assertThat(briefs.run()).isZero();
		drainOutbox();
		drainOutbox();

		MimeMessage[] mails = greenMail.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(((InternetAddress) mails[0].getAllRecipients()[0]).getAddress()).isEqualTo("ben.ek@biz.example");
		Map<String, String> texts = MailParts.texts(mails[0]);
		assertThat(texts.get("text/plain")).contains("For the steering meeting on 10 Dec 2026").contains(WORDS);
		assertThat(texts.get("text/html")).contains("Booked the &lt;rig&gt; &amp; the *team*")
			.doesNotContain("<rig>");
		// the chat readers by chat
		assertThat(SlackStub.messagesTo("UANDERS")).hasSize(1);
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
	}

	@Test
	void theRetentionSweepDeletesAPlacementsMeetingsWithIt() {
		String placementId = enrol("UADA", "2026-11-02", "2026-12-11");
		assertThat(postJson("/api/v1/placements/" + placementId + "/meetings", "{\"date\": \"2026-12-10\"}")
			.statusCode()).isEqualTo(201);

		clock.set(Instant.parse("2027-12-20T10:00:00Z"));
		HttpResponse<String> swept = postJson("/api/v1/retention:sweep", "");

		assertThat(swept.statusCode()).as(swept.body()).isLessThan(300);
		assertThat(swept.body()).contains("meetings");
		assertThat(mongo.getCollection("meetings").countDocuments()).isZero();
	}
}
