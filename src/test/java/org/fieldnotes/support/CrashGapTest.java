package org.fieldnotes.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.fieldnotes.digest.DigestStartUpJob;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * An {@link IntegrationTest} that can cut the store off between two writes of a sender, as a crash (or an outage)
 * at that moment would: the application's {@code MongoTemplate} (which every repository and service uses) is a spy,
 * and the next write to a named collection fails once with the exception a lost store gives. {@link #restart()} then
 * runs what a start runs. Every such class shares one context.
 */
public abstract class CrashGapTest extends IntegrationTest {

	@MockitoSpyBean
	private MongoTemplate store;

	@Autowired
	private ConfigurableApplicationContext context;

	@Autowired
	private Scheduler quartz;

	/**
	 * The next insert into {@code collection} fails, once, as if the store had gone away; the returned count says how
	 * often that happened (so a test can assert that its fault did). An insert of many documents in one write
	 * ({@code bulkOps}) counts as one insert: it fails whole, before any of them is written.
	 */
	protected AtomicInteger failNextInsertInto(String collection) {
		AtomicInteger faults = new AtomicInteger();
		AtomicBoolean armed = new AtomicBoolean(true);
		doAnswer(call -> {
			if (collection.equals(collectionOf(call.getArgument(0))) && armed.compareAndSet(true, false)) {
				faults.incrementAndGet();
				throw new DataAccessResourceFailureException("store lost before the insert into " + collection);
			}
			return call.callRealMethod();
		}).when(store).insert(any(Object.class));
		doAnswer(call -> {
			if (collection.equals(collectionOf(call.getArgument(1))) && armed.compareAndSet(true, false)) {
				faults.incrementAndGet();
				throw new DataAccessResourceFailureException("store lost before the insert into " + collection);
			}
			return call.callRealMethod();
		}).when(store).bulkOps(any(BulkMode.class), any(Class.class));
		return faults;
	}

	private String collectionOf(Object documentOrType) {
		try {
			return store.getCollectionName(
					documentOrType instanceof Class<?> type ? type : documentOrType.getClass());
		}
		catch (RuntimeException notAnEntity) {
			return null;
		}
	}

	/** The next {@code updateFirst} on the documents of {@code entity} fails, once, as if the store had gone away. */
	protected AtomicInteger failNextUpdateOf(Class<?> entity) {
		AtomicInteger faults = new AtomicInteger();
		AtomicBoolean armed = new AtomicBoolean(true);
		doAnswer(call -> {
			if (entity.equals(call.getArgument(2)) && armed.compareAndSet(true, false)) {
				faults.incrementAndGet();
				throw new DataAccessResourceFailureException("store lost before an update of " + entity.getSimpleName());
			}
			return call.callRealMethod();
		}).when(store).updateFirst(any(Query.class), any(UpdateDefinition.class), any(Class.class));
		return faults;
	}

	/** The application's store, as a spy: what was asked of it (e.g. how many queries a run made). */
	protected MongoTemplate spiedStore() {
		return store;
	}

	/**
	 * What a start runs ({@code ApplicationReadyEvent} listeners: schedules rebuilt, catch-ups, recoveries), and then
	 * the digests' catch-up, which a ready listener sets to fire at once on a Quartz thread: Quartz does not run in
	 * tests, so it is fired here as Quartz would fire it. (The prompt schedule's rebuild, set the same way, is left
	 * to the tests that look at it.)
	 */
	protected void restart() {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
		QuartzFiring.fires(quartz, DigestStartUpJob.GROUP, DigestStartUpJob.NAME, clock.instant());
		context.getAutowireCapableBeanFactory().createBean(DigestStartUpJob.class).execute(null);
	}
}
