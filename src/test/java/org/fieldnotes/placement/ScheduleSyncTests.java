package org.fieldnotes.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.fieldnotes.FieldnotesApplication;
import org.fieldnotes.people.People;
import org.fieldnotes.placement.PlacementDraft.AccountDraft;
import org.fieldnotes.placement.PlacementDraft.PersonDraft;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.CuttingProxy;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.MutableClock;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;
import org.fieldnotes.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Two instances of Fieldnotes (two application contexts, each with its own Quartz and its own movable clock) over one
 * store, a MongoDB-wire server started here. Instance B reaches it through a {@link CuttingProxy}, so that its line
 * can be cut. Quartz does not run: the tests call the poll its job would call ({@link ScheduleSync#poll()}) and look
 * at each instance's Quartz triggers, as the schedulers set them.
 *
 * <p>Ada is placed at Scania; Maja, her manager, gets the weekly digest (Monday 08:00 in Stockholm).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleSyncTests {

	private static final String PROMPTS = "prompts";
	private static final String DIGESTS = "digests";

	private MongoServer store;
	private CuttingProxy lineOfB;
	private ConfigurableApplicationContext a;
	private ConfigurableApplicationContext b;

	@BeforeAll
	void startTheStoreAndTwoInstances() {
		store = new MongoServer(new MemoryBackend());
		store.bind("127.0.0.1", 0);
		InetSocketAddress bound = store.getLocalAddress();
		lineOfB = new CuttingProxy(bound.getPort());
		a = start("a", "mongodb://127.0.0.1:" + bound.getPort() + "/fieldnotes");
		b = start("b", lineOfB.uri("fieldnotes"));
	}

	@AfterAll
	void stopEverything() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
			if (instance != null) {
				instance.close();
			}
		}
		if (store != null) {
			store.shutdownNow();
		}
	}

	@BeforeEach
	void emptyStoreAndSchedules() throws SchedulerException {
		lineOfB.restore();
		SlackStub.reset();
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
			instance.getBean(MutableClock.class).set(IntegrationTest.DEFAULT_NOW);
			// each instance has looked now (and written what it owed): what follows is new to it
			assertThat(instance.getBean(ScheduleSync.class).poll().read()).isTrue();
		}
		MongoTemplate mongo = a.getBean(MongoTemplate.class);
		for (String collection : mongo.getCollectionNames()) {
			mongo.getCollection(collection).deleteMany(new Document());
		}
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
			// the placements' and recipients' triggers; the application's own jobs (this poll's) stay
			Scheduler quartz = instance.getBean(Scheduler.class);
			for (JobKey job : quartz.getJobKeys(GroupMatcher.anyJobGroup())) {
				if (job.getGroup().startsWith(PROMPTS) || job.getGroup().startsWith(DIGESTS)) {
					quartz.deleteJob(job);
				}
			}
		}
	}

	@Test
	void aPlacementEnrolledThroughOneInstanceGetsItsTriggersOnTheOtherAfterAPoll() {
		String placement = enrolThrough(a);
		String maja = Accounts.personOf(a.getBean(People.class), "UMAJA");
		Optional<Instant> prompt = next(a, PROMPTS, placement);
		Optional<Instant> digest = next(a, DIGESTS, maja);
		assertThat(prompt).as("A schedules what it enrolled").isPresent();
		assertThat(digest).isPresent();
		assertThat(next(b, PROMPTS, placement)).as("B, before it polls").isEmpty();
		assertThat(next(b, DIGESTS, maja)).isEmpty();

		later(Duration.ofSeconds(30));
		ScheduleSync.Poll poll = b.getBean(ScheduleSync.class).poll();

		assertThat(poll).isEqualTo(new ScheduleSync.Poll(true, 1, 0));
		assertThat(next(b, PROMPTS, placement)).isEqualTo(prompt);
		assertThat(next(b, DIGESTS, maja)).isEqualTo(digest);
	}

	@Test
	void aCohortEnrolledInOneBatchThroughOneInstanceIsScheduledOnTheOther() {
		List<String> placements = new ArrayList<>();
		try (PlacementManagement.Batch batch = a.getBean(PlacementManagement.class).batch()) {
			placements.add(batch.enrol(draft("UADA", "Ada Lindqvist", "UMAJA")).getId());
			placements.add(batch.enrol(draft("UBO", "Bo Ek", "UKIM")).getId());
		}
		People people = a.getBean(People.class);
		List<String> managers = List.of(Accounts.personOf(people, "UMAJA"), Accounts.personOf(people, "UKIM"));
		later(Duration.ofSeconds(30));

		assertThat(b.getBean(ScheduleSync.class).poll()).isEqualTo(new ScheduleSync.Poll(true, 2, 0));

		for (String placement : placements) {
			assertThat(next(b, PROMPTS, placement)).isPresent().isEqualTo(next(a, PROMPTS, placement));
		}
		for (String manager : managers) {
			assertThat(next(b, DIGESTS, manager)).isPresent().isEqualTo(next(a, DIGESTS, manager));
		}
	}

	@Test
	void quartzPollsEveryIntervalThroughTheJob() throws SchedulerException {
		Trigger trigger = a.getBean(Scheduler.class).getTrigger(TriggerKey.triggerKey("schedule-sync", "schedule-sync"));
		assertThat(trigger).isInstanceOfSatisfying(SimpleTrigger.class, simple -> {
			assertThat(simple.getRepeatInterval()).isEqualTo(Duration.ofSeconds(30).toMillis());
			assertThat(simple.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
		});
		assertThat(a.getBean(Scheduler.class).getJobDetail(trigger.getJobKey()).getJobClass())
			.isEqualTo(ScheduleSyncJob.class);
		String placement = enrolThrough(a);
		later(Duration.ofSeconds(30));

		new ScheduleSyncJob(b.getBean(ScheduleSync.class)).execute(null);

		assertThat(next(b, PROMPTS, placement)).isPresent().isEqualTo(next(a, PROMPTS, placement));
	}

	@Test
	void aSyncIntervalUnderASecondIsRefusedNamingTheVariable() {
		assertThatThrownBy(() -> new ScheduleSyncSettings(Duration.ofMillis(500)))
			.hasMessageContaining("FIELDNOTES_SCHEDULE_SYNC");
		assertThat(new ScheduleSyncSettings(null).interval()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aPauseAResumeAndAnEndThroughOneInstanceReachTheOther() {
		String placement = enrolThrough(a);
		String maja = Accounts.personOf(a.getBean(People.class), "UMAJA");
		ScheduleSync syncOfB = b.getBean(ScheduleSync.class);
		syncOfB.poll();
		Optional<Instant> prompt = next(a, PROMPTS, placement);
		assertThat(next(b, PROMPTS, placement)).isPresent().isEqualTo(prompt);

		a.getBean(PlacementManagement.class).pause(placement);
		assertThat(next(a, PROMPTS, placement)).isEmpty();
		assertThat(next(b, PROMPTS, placement)).as("B, paused through A, before it polls").isEqualTo(prompt);
		later(Duration.ofSeconds(30));
		assertThat(syncOfB.poll().placements()).isEqualTo(1);
		assertThat(next(b, PROMPTS, placement)).as("B, after the pause").isEmpty();

		a.getBean(PlacementManagement.class).resume(placement);
		later(Duration.ofSeconds(30));
		assertThat(syncOfB.poll().placements()).isEqualTo(1);
		assertThat(next(b, PROMPTS, placement)).as("B, after the resume").isPresent().isEqualTo(next(a, PROMPTS, placement));

		a.getBean(PlacementManagement.class).end(placement);
		later(Duration.ofSeconds(30));
		assertThat(syncOfB.poll().placements()).isEqualTo(1);
		assertThat(next(b, PROMPTS, placement)).as("B, after the end").isEmpty();
		assertThat(next(b, DIGESTS, maja)).as("B's digest schedule follows A's").isEqualTo(next(a, DIGESTS, maja));
	}

	@Test
	void anInstanceDoesNotRescheduleForItsOwnChanges() throws SchedulerException {
		String placement = enrolThrough(a);
		// were A to hand on its own entry, this trigger would come back
		a.getBean(Scheduler.class).deleteJob(JobKey.jobKey(placement, PROMPTS));
		later(Duration.ofSeconds(30));

		assertThat(a.getBean(ScheduleSync.class).poll()).isEqualTo(new ScheduleSync.Poll(true, 0, 0));
		assertThat(next(a, PROMPTS, placement)).isEmpty();
		assertThat(b.getBean(ScheduleSync.class).poll().placements()).as("B does take it").isEqualTo(1);
	}

	@Test
	void anEntryIsHandedOnOnceThoughPollsReadItAgainWithinTheMargin() throws SchedulerException {
		String placement = enrolThrough(a);
		ScheduleSync syncOfB = b.getBean(ScheduleSync.class);
		assertThat(syncOfB.poll().placements()).isEqualTo(1);
		b.getBean(Scheduler.class).deleteJob(JobKey.jobKey(placement, PROMPTS));

		later(Duration.ofSeconds(30));
		assertThat(syncOfB.poll().placements()).as("read again (within the margin), not handed on again").isZero();
		assertThat(next(b, PROMPTS, placement)).isEmpty();
	}

	@Test
	void aChangeStampedByAClockBehindWithinTheMarginIsStillRead() {
		// A's clock is 3 minutes behind B's: its entry is stamped before B's last look
		a.getBean(MutableClock.class).set(IntegrationTest.DEFAULT_NOW.minus(Duration.ofMinutes(3)));
		b.getBean(MutableClock.class).set(IntegrationTest.DEFAULT_NOW.plus(Duration.ofSeconds(30)));
		b.getBean(ScheduleSync.class).poll();

		String placement = enrolThrough(a);
		b.getBean(MutableClock.class).advance(Duration.ofSeconds(30));

		assertThat(b.getBean(ScheduleSync.class).poll().placements()).isEqualTo(1);
		assertThat(next(b, PROMPTS, placement)).isPresent().isEqualTo(next(a, PROMPTS, placement));
	}

	@Test
	void aPollTheStoreFailsIsCaughtUpAtTheNextOne() {
		String placement = enrolThrough(a);
		ScheduleSync syncOfB = b.getBean(ScheduleSync.class);
		later(Duration.ofSeconds(30));

		int refused = lineOfB.refusedConnections();
		lineOfB.cutNow();
		ScheduleSync.Poll failed = syncOfB.poll();
		assertThat(lineOfB.refusedConnections()).as("B tried its store and was refused").isGreaterThan(refused);
		assertThat(failed.read()).isFalse();
		assertThat(next(b, PROMPTS, placement)).isEmpty();

		lineOfB.restore();
		later(Duration.ofSeconds(30));
		assertThat(syncOfB.poll()).isEqualTo(new ScheduleSync.Poll(true, 1, 0));
		assertThat(next(b, PROMPTS, placement)).isPresent().isEqualTo(next(a, PROMPTS, placement));
	}

	@Test
	void aChangeTheStoreWouldNotLogIsLoggedAtTheNextPollOfItsInstance() {
		String placement = enrolThrough(b);
		ScheduleSync syncOfA = a.getBean(ScheduleSync.class);
		later(Duration.ofSeconds(30));
		syncOfA.poll();
		assertThat(next(a, PROMPTS, placement)).isPresent();
		// B paused it, and its line went down just after: the change is stored, its log entry is not
		a.getBean(MongoTemplate.class)
			.updateFirst(Query.query(Criteria.where("_id").is(placement)), Update.update("status", "PAUSED"),
					"placements");
		lineOfB.cutNow();
		PlacementChangeLog logOfB = b.getBean(PlacementChangeLog.class);
		logOfB.on(new PlacementChanged(placement));
		assertThat(logOfB.unwrittenCount()).as("the store refused the entry").isEqualTo(1);
		assertThat(a.getBean(MongoTemplate.class).findAll(PlacementChange.class)).as("the enrolment's entry only")
			.hasSize(1);

		lineOfB.restore();
		later(Duration.ofSeconds(30));
		assertThat(syncOfA.poll().placements()).as("nothing logged yet").isZero();
		b.getBean(ScheduleSync.class).poll();
		assertThat(logOfB.unwrittenCount()).isZero();
		later(Duration.ofSeconds(30));
		assertThat(syncOfA.poll().placements()).isEqualTo(1);
		assertThat(next(a, PROMPTS, placement)).as("A, after the pause through B").isEmpty();
	}

	@Test
	void erasingTheParticipantThroughOneInstanceLeavesNoEntryNamingTheirPlacement() throws Exception {
		String placement = enrolThrough(a);
		ScheduleSync syncOfB = b.getBean(ScheduleSync.class);
		assertThat(syncOfB.poll().placements()).isEqualTo(1);
		a.getBean(PlacementManagement.class).pause(placement);
		MongoTemplate mongo = a.getBean(MongoTemplate.class);
		assertThat(mongo.findAll(PlacementChange.class)).extracting(PlacementChange::placementId)
			.containsExactly(placement, placement);

		HttpResponse<String> erased = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getEnvironment().getProperty("local.server.port")
					+ "/api/v1/people/UADA")).header("Authorization", "Bearer t").DELETE().build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
		assertThat(mongo.findAll(PlacementChange.class)).as("the entries of her placement went with it").isEmpty();
		later(Duration.ofSeconds(30));
		assertThat(syncOfB.poll().placements()).isZero();
	}

	@Test
	void entriesOlderThanADayAreSweptWithAnIndexOnTheirTime() {
		MongoTemplate mongo = a.getBean(MongoTemplate.class);
		Instant now = IntegrationTest.DEFAULT_NOW.plus(Duration.ofHours(2));
		mongo.insert(PlacementChange.of("old", now.minus(Duration.ofHours(25)), "elsewhere"));
		mongo.insert(PlacementChange.of("recent", now.minus(Duration.ofHours(23)), "elsewhere"));
		b.getBean(MutableClock.class).set(now);

		b.getBean(ScheduleSync.class).poll();

		assertThat(mongo.findAll(PlacementChange.class)).extracting(PlacementChange::placementId)
			.containsExactly("recent");
		assertThat(mongo.indexOps(PlacementChange.class).getIndexInfo())
			.anySatisfy(index -> assertThat(index.getIndexFields()).singleElement()
				.satisfies(field -> assertThat(field.getKey()).isEqualTo("at")));
	}

	/** Moves both instances' clocks on. */
	private void later(Duration duration) {
		a.getBean(MutableClock.class).advance(duration);
		b.getBean(MutableClock.class).advance(duration);
	}

	/** When the instance's Quartz fires the job {@code group}/{@code name} next, if it has a trigger. */
	private static Optional<Instant> next(ConfigurableApplicationContext instance, String group, String name) {
		try {
			return instance.getBean(Scheduler.class)
				.getTriggersOfJob(JobKey.jobKey(name, group))
				.stream()
				.map(Trigger::getNextFireTime)
				.filter(Objects::nonNull)
				.map(Date::toInstant)
				.min(Comparator.naturalOrder());
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Ada's placement (Maja her manager), enrolled through the instance; its id. */
	private static String enrolThrough(ConfigurableApplicationContext instance) {
		return instance.getBean(PlacementManagement.class).enrol(draft("UADA", "Ada Lindqvist", "UMAJA")).getId();
	}

	private static PlacementDraft draft(String participant, String name, String manager) {
		return new PlacementDraft(new PersonDraft(name, new AccountDraft("slack", null, participant), null,
				"Europe/Stockholm", "en"), "KTP 2026", "Scania", "2026-11-02", "2027-04-30",
				new PersonDraft("Manager " + manager, new AccountDraft("slack", null, manager), null, "Europe/Stockholm",
						null),
				null, null, null);
	}

	/** An instance over the store at {@code uri}, with its own Quartz (not started) and its own movable clock. */
	private static ConfigurableApplicationContext start(String name, String uri) {
		// command-line arguments: they outrank application.yml's ${…} placeholders
		return new SpringApplicationBuilder(FieldnotesApplication.class, TestClockConfiguration.class).run(
				"--server.port=0", "--fieldnotes.store.uri=" + uri, "--fieldnotes.store.timeout=PT1S",
				"--spring.quartz.auto-startup=false", "--spring.quartz.scheduler-name=fieldnotes-" + name,
				"--fieldnotes.outbox.worker=false", "--fieldnotes.admin.token=t",
				"--fieldnotes.slack.bot-token=xoxb-test-token",
				"--fieldnotes.slack.signing-secret=" + SlackRequests.SIGNING_SECRET, "--fieldnotes.slack.app-token=",
				"--fieldnotes.slack.api-url=" + SlackStub.apiUrl());
	}
}
