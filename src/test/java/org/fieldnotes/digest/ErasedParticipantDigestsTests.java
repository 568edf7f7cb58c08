package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.personId;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.privacy.Erasure;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Digests still waiting to be sent when a participant is erased: the followers' digests quoting her and the
 * coordinators' cohort digest naming her are withdrawn (given up as {@code erased}, their words dropped, their
 * records failed), and nothing of hers goes out once Slack answers again; a digest already sent keeps its record.
 */
class ErasedParticipantDigestsTests extends IntegrationTest {

	private static final String WORDS = "Ada wrote about the gearbox capybara";

	@Autowired
	DigestService digests;

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	Logbook logbook;

	@Autowired
	Erasure erasure;

	@Autowired
	CohortDigests cohort;

	@Test
	void queuedDigestsThatQuoteOrNameHerAreWithdrawn() {
		String ada = enrol("UADA", "2026-11-02", "2027-04-30");
		String bruno = enrol("UBRUNO", "2026-11-02", "2027-04-30");
		logbook.write(slack("UADA"), WORDS, Visibility.COACHES);
		clock.advance(Duration.ofMinutes(1));
		SlackStub.status("chat.postMessage", 503);
		digests.sendAll();
		scheduler.fire(adminKeyOf("UADMIN1"));
		SlackStub.reset();
		List<Document> queued = pending();
		assertThat(queued).extracting(d -> d.getString("recipient")).contains(keyOf("UANDERS"), keyOf("UMAJA"), keyOf("UADMIN1"));
		assertThat(queued).filteredOn(d -> keyOf("UADMIN1").equals(d.getString("recipient"))).singleElement()
			.satisfies(d -> assertThat(d.toJson()).contains("Ada Lindqvist"));

		Erasure.Erased erased = erasure.erase(DataSubject.asked("UADA", java.util.List.of(), java.util.List.of("slack:" + "UADA"), java.util.List.of()), "UADMIN1");

		assertThat(erased.counts().get("outbox_withdrawn")).isEqualTo(queued.size());
		assertThat(pending()).isEmpty();
		assertThat(mongo.find(Query.query(Criteria.where("status").is("FAILED")), Document.class, "outbox"))
			.hasSize(queued.size())
			.allSatisfy(d -> {
				assertThat(d.getString("failure")).isEqualTo("erased");
				assertThat(d.containsKey("message")).isFalse();
			});
		assertThat(mongo.findAll(DigestRecord.class)).isNotEmpty().allSatisfy(record -> {
			assertThat(record.status()).isEqualTo(DigestStatus.FAILED);
			assertThat(record.failure()).isEqualTo("erased");
			assertThat(record.placementIds()).doesNotContain(ada).contains(bruno);
		});
		clock.advance(Duration.ofHours(1));
		drainOutbox();
		assertThat(SlackStub.calls("chat.postMessage")).isEmpty();
		// admins see why they were given up
		assertThat(json(get("/api/v1/deliveries").body()).get("failed"))
			.hasSize(queued.size())
			.allSatisfy(f -> assertThat(f.get("reason").asString()).isEqualTo("erased"));
		assertThat(cohort.preview(personId(people, "UADMIN1"))).hasValueSatisfying(
				m -> assertThat(m.blocks().toString()).contains("erased").doesNotContain("capybara"));
	}

	private List<Document> pending() {
		return mongo.find(Query.query(Criteria.where("status").is("PENDING")), Document.class, "outbox");
	}
}
