package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.CrashGapTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coach's response is stored, and then the participant is told through the outbox. A crash, or a lost store,
 * between the two loses the notice no more: the response was stored with its notice still to send, and the next
 * start (or the job every few minutes) sends it, once, and records it sent. (The store fails here only at the
 * outbox write, so the coach is told the response was stored; a crash at that moment would answer nothing.)
 */
class ResponseNoticeCrashGapTests extends CrashGapTest {

	private static final String ADA = "UADA";

	@Autowired
	Logbook logbook;

	@Autowired
	Responses responses;

	@Autowired
	ResponseNotices notices;

	@Test
	void anAcknowledgementWhoseNoticeNeverReachedTheOutboxIsToldOnceAtTheNextStart() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		String entryId = logbook.write(slack(ADA), "We shipped the first prototype.", Visibility.PLACEMENT).id();
		AtomicInteger faults = failNextInsertInto("outbox");

		// the store is lost after the response was stored: the coach is told it was (it was)
		assertThat(responses.acknowledge(entryId, slack("UANDERS")).status()).isEqualTo(Responses.Status.STORED);

		assertThat(faults).hasValue(1);
		assertThat(mongo.getCollection("entry_responses").countDocuments()).as("the response is stored").isEqualTo(1);
		assertThat(toldAda("Your academic coach read your entry")).isEmpty();
		restart();
		restart();

		assertThat(toldAda("Your academic coach read your entry")).hasSize(1);
		assertThat(response().getString("notice")).isEqualTo("SENT");
	}

	@Test
	void aReplyWhoseNoticeNeverReachedTheOutboxIsToldOnceByTheNextRunOfTheJob() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		String entryId = logbook.write(slack(ADA), "We shipped the first prototype.", Visibility.PLACEMENT).id();
		AtomicInteger faults = failNextInsertInto("outbox");

		responses.reply(entryId, slack("UANDERS"), "Well done, show me on Monday.", "V1");

		assertThat(faults).hasValue(1);
		assertThat(response().getString("notice")).isEqualTo("PENDING");
		notices.recover();
		notices.recover();
		// the coach submits the same form again: stored once, told once
		responses.reply(entryId, slack("UANDERS"), "Well done, show me on Monday.", "V1");

		List<Map<String, String>> told = toldAda("Your academic coach replied to your entry");
		assertThat(told).hasSize(1);
		assertThat(SlackStub.blockTexts(told.get(0))).contains("Well done, show me on Monday.");
		assertThat(response().getString("notice")).isEqualTo("SENT");
	}

	private List<Map<String, String>> toldAda(String start) {
		return SlackStub.messagesTo(ADA).stream().filter(m -> m.get("text").startsWith(start)).toList();
	}

	private Document response() {
		return mongo.getCollection("entry_responses").find().first();
	}
}
