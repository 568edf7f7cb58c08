package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail server is configured but does not answer: the run goes on (Slack recipients still get theirs) and nothing
 * escapes to the caller; the e-mail digest waits in the outbox and is tried again with backoff, and recorded FAILED
 * with the error's class name once the outbox gives it up.
 */
class EmailDigestSmtpDownTests extends IntegrationTest {

	/** Nothing listens here. */
	private static final int CLOSED_PORT = MailParts.freePort();

	@DynamicPropertySource
	static void smtpDown(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> CLOSED_PORT);
	}

	@Autowired
	DigestService digests;

	@Test
	void anUnreachableMailServerIsRetriedThenRecordedAsFailedAndTheRunGoesOn() {
		HttpResponse<String> enrolled = postJson("/api/v1/placements",
				placementJson("UADA", "2026-11-02", "2027-04-30").replace(
						"\"academicCoach\": {\"name\": \"Anders Holm\", \"slackUserId\": \"UANDERS\", \"timezone\": \"Europe/Stockholm\", \"locale\": \"sv\"}",
						"\"academicCoach\": {\"name\": \"Eva Ström\", \"email\": \"Eva.Strom@uni.example\"}"));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		clock.advance(Duration.ofDays(1));

		List<DigestRecord> handled = digests.sendAll();

		assertThat(handled).hasSize(3);
		assertThat(SlackStub.calls("chat.postMessage")).extracting(m -> m.get("channel"))
			.containsExactlyInAnyOrder("UMAJA", "UBEATA");
		// not given up yet: the outbox tries again
		assertThat(eva().status()).isEqualTo(DigestStatus.CLAIMED);
		Document queued = mongo.getCollection("outbox").find(new Document("key", "digest:" + eva().id())).first();
		assertThat(queued.getString("status")).isEqualTo("PENDING");
		assertThat(queued.getString("failure")).isEqualTo("MailSendException");
		// the week is claimed: another run sends nothing new
		assertThat(digests.sendAll()).isEmpty();

		int attempts = 1;
		while (eva().status() == DigestStatus.CLAIMED && attempts < 20) {
			clock.advance(Duration.ofMinutes(16));
			attempts += drainOutbox();
		}
		DigestRecord eva = eva();
		assertThat(attempts).isEqualTo(10);
		assertThat(eva.status()).isEqualTo(DigestStatus.FAILED);
		assertThat(eva.failure()).isEqualTo("MailSendException");
		assertThat(eva.sentAt()).isNull();
		assertThat(eva.channel()).isNull();
		assertThat(SlackStub.calls("chat.postMessage")).hasSize(2);
	}

	private DigestRecord eva() {
		return mongo.findOne(Query.query(Criteria.where("recipientKey").is(keyOfAddress("eva.strom@uni.example"))),
				DigestRecord.class);
	}
}
