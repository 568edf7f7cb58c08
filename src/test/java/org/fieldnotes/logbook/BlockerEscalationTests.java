package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.logbook.BlockerItemsTests.status;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placements;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Escalation: a blocker still unresolved (open, or acknowledged but not resolved) when its programme's threshold has
 * passed since it was opened goes to the business coach and the manager, once: not a minute before the threshold,
 * never twice across runs, instances racing or a restart (a claim left pending by a crash is queued then, once),
 * never for a resolved or a private blocker; the manager of a blocker shared with the coaches only gets its facts,
 * not its words. The threshold is {@code FIELDNOTES_BLOCKER_ESCALATE_AFTER} (14 days) unless the programme set its
 * own through {@code PUT /api/v1/programs/{program}/blockers}; a Quartz job runs it.
 */
class BlockerEscalationTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String WORDS = "No access to the test rig <!channel>";

	@Autowired
	StatusForms forms;

	@Autowired
	Blockers blockers;

	@Autowired
	BlockerEscalation escalation;

	@Autowired
	AccessPolicy access;

	@Autowired
	Scheduler quartz;

	@Autowired
	Placements placementStore;

	@Autowired
	Outbox outbox;

	@Autowired
	org.fieldnotes.placement.PlacementManagement placementManagement;

	@Autowired
	MessageSource messages;

	@Autowired
	Languages languages;

	@Test
	void anUnresolvedBlockerIsEscalatedToTheBusinessCoachAndTheManagerOnceAtTheThreshold() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), withVisibility(status("k1", WORDS, "BUSINESS_COACH", List.of()), "placement"));
		Instant opened = clock.instant();
		String id = blockers.of(placementId).get(0).id();
		blockers.act(id, Blockers.Action.ACKNOWLEDGE, access.member(slack("UANDERS")),
				Operation.BLOCKER_ACKNOWLEDGE_BUTTON);

		clock.set(opened.plus(Duration.ofDays(14)).minusSeconds(60));
		assertThat(escalation.run()).as("a minute before the threshold").isZero();
		assertThat(escalations()).isEmpty();

		clock.set(opened.plus(Duration.ofDays(14)));
		assertThat(escalation.run()).isEqualTo(1);
		clock.advance(Duration.ofHours(1));
		assertThat(escalation.run()).as("the next run").isZero();
		drainOutbox();

		assertThat(escalationsTo("UBEATA")).singleElement().satisfies(m -> assertThat(words(m))
			.contains("Escalated: a blocker of Ada Lindqvist (KTP 2026, Scania) has been unresolved for 14 days (since 2 Dec)")
			.contains("It is for the business coach.").contains(WORDS));
		assertThat(escalationsTo("UMAJA")).singleElement().satisfies(m -> assertThat(words(m)).contains(WORDS));
		assertThat(escalationsTo("UANDERS")).isEmpty();
		assertThat(escalationsTo(ADA)).isEmpty();
		Blocker escalated = blockers.find(id).orElseThrow();
		assertThat(escalated.escalatedAt()).isEqualTo(opened.plus(Duration.ofDays(14)));
		assertThat(escalated.escalation()).isEqualTo("QUEUED");
		assertThat(escalated.state()).as("escalating changes no state").isEqualTo(BlockerState.ACKNOWLEDGED);
	}

	@Test
	void theManagerOfABlockerSharedWithTheCoachesOnlyGetsItsFactsNotItsWords() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", WORDS, null, List.of()));
		clock.advance(Duration.ofDays(15));

		escalation.run();
		drainOutbox();

		assertThat(escalationsTo("UBEATA")).singleElement().satisfies(m -> assertThat(words(m)).contains(WORDS));
		assertThat(escalationsTo("UMAJA")).singleElement().satisfies(m -> assertThat(words(m))
			.contains("has been unresolved for 15 days")
			.contains("Its words are not shared with you")
			.doesNotContain("test rig"));
	}

	@Test
	void resolvedAndPrivateBlockersAreNeverEscalated() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Resolved in time", null, List.of()));
		forms.submit(slack(ADA), withVisibility(status("k2", "Private worry", null, List.of()), "private"));
		blockers.act(blockers.of(placementId).stream().filter(b -> b.text().equals("Resolved in time")).findFirst()
			.orElseThrow().id(), Blockers.Action.RESOLVE, access.member(slack("UBEATA")),
				Operation.BLOCKER_RESOLVE_BUTTON);
		clock.advance(Duration.ofDays(30));

		assertThat(escalation.run()).isZero();
		drainOutbox();

		assertThat(escalations()).isEmpty();
		assertThat(blockers.of(placementId)).allSatisfy(b -> assertThat(b.escalatedAt()).isNull());
	}

	@Test
	void aPausedPlacementsBlockerWaitsUntilItIsResumed() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", WORDS, null, List.of()));
		placementManagement.pause(placementId);
		clock.advance(Duration.ofDays(20));

		assertThat(escalation.run()).isZero();
		placementManagement.resume(placementId);
		assertThat(escalation.run()).isEqualTo(1);
	}

	@Test
	void manyInstancesRacingEscalateEachBlockerOnce() throws Exception {
		enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", WORDS, null, List.of()));
		clock.advance(Duration.ofDays(20));
		List<BlockerEscalation> instances = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			instances.add(anotherInstance());
		}

		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Integer>> runs = new ArrayList<>();
		try {
			for (BlockerEscalation instance : instances) {
				runs.add(pool.submit((Callable<Integer>) instance::run));
			}
			int total = 0;
			for (Future<Integer> run : runs) {
				total += run.get();
			}
			assertThat(total).as("claims won").isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		drainOutbox();
		assertThat(escalationsTo("UBEATA")).hasSize(1);
		assertThat(escalationsTo("UMAJA")).hasSize(1);
	}

	@Test
	void aClaimLeftPendingByACrashIsQueuedAfterTheRestartOnceAndOnlyOnce() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", WORDS, null, List.of()));
		clock.advance(Duration.ofDays(14));
		String id = blockers.of(placementId).get(0).id();
		// the instance claimed it, then died before anything reached the outbox
		mongo.getCollection("blockers").updateOne(new Document("_id", id), new Document("$set",
				new Document("escalatedAt", java.util.Date.from(clock.instant())).append("escalation", "PENDING")));
		assertThat(escalations()).isEmpty();

		BlockerEscalation restarted = anotherInstance();
		assertThat(restarted.run()).as("nothing newly claimed").isZero();
		restarted.run();
		escalation.run();
		drainOutbox();

		assertThat(escalationsTo("UBEATA")).hasSize(1);
		assertThat(escalationsTo("UMAJA")).hasSize(1);
		assertThat(blockers.find(id).orElseThrow().escalation()).isEqualTo("QUEUED");
	}

	@Test
	void aProgrammeSetsItsOwnThresholdThroughTheApiAndBadValuesAreRefusedNamingTheField() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		assertThat(json(get("/api/v1/programs/ktp%202026/blockers").body()).toString())
			.isEqualTo("{\"program\":\"ktp 2026\",\"escalateAfter\":\"PT336H\",\"escalateAfterSet\":false}");

		HttpResponse<String> bad = put("/api/v1/programs/KTP%202026/blockers", "{\"escalateAfter\": \"two weeks\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(bad.body()).contains("escalateAfter");
		assertThat(put("/api/v1/programs/KTP%202026/blockers", "{\"escalateAfter\": \"P400D\"}").statusCode())
			.isEqualTo(400);
		assertThat(put("/api/v1/programs/KTP%202026/blockers", "{}").statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/programs/No%20such/blockers").statusCode()).isEqualTo(404);

		HttpResponse<String> set = put("/api/v1/programs/KTP%202026/blockers", "{\"escalateAfter\": \"P3D\"}");
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		assertThat(json(set.body()).toString())
			.isEqualTo("{\"program\":\"KTP 2026\",\"escalateAfter\":\"PT72H\",\"escalateAfterSet\":true}");
		assertThat(mongo.getCollection("audit").countDocuments(new Document("action", "program-blockers"))).isEqualTo(4);

		forms.submit(slack(ADA), status("k1", WORDS, null, List.of()));
		clock.advance(Duration.ofDays(3).minusMinutes(1));
		assertThat(escalation.run()).isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(escalation.run()).isEqualTo(1);
	}

	@Test
	void aQuartzJobRunsTheEscalation() throws Exception {
		assertThat(quartz.getTriggersOfJob(JobKey.jobKey("blocker-escalation", "logbook"))).hasSize(1);
		enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", WORDS, null, List.of()));
		clock.advance(Duration.ofDays(14));

		new BlockerEscalationJob(escalation, blockers).execute(null);
		drainOutbox();

		assertThat(escalationsTo("UBEATA")).hasSize(1);
	}

	private BlockerEscalation anotherInstance() {
		return new BlockerEscalation(mongo, placementStore, outbox, messages, languages,
				new BlockerEscalationSettings(Duration.ofDays(14), Duration.ofMinutes(15)), (Clock) clock);
	}

	private List<ChatMessage> escalations() {
		return sent().allMessages().stream().filter(m -> m.summary().startsWith("Escalated")
				|| m.summary().startsWith("Eskalerat")).toList();
	}

	private List<ChatMessage> escalationsTo(String member) {
		return sent().messagesTo(slack(member)).stream().filter(m -> m.summary().startsWith("Escalated")
				|| m.summary().startsWith("Eskalerat")).toList();
	}

	private HttpResponse<String> put(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	static FormSubmission withVisibility(FormSubmission submission, String visibility) {
		Map<String, List<String>> values = new LinkedHashMap<>(submission.values());
		values.put("visibility", List.of(visibility));
		return new FormSubmission(submission.formId(), submission.metadata(), submission.key(), values);
	}
}
