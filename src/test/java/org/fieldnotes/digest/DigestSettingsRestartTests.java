package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;

import org.fieldnotes.FieldnotesApplication;
import org.fieldnotes.people.People;
import org.fieldnotes.placement.PlacementDraft;
import org.fieldnotes.placement.PlacementDraft.PersonDraft;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.MutableClock;
import org.fieldnotes.support.SlackRequests;
import org.fieldnotes.support.SlackStub;
import org.fieldnotes.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Digest settings and the week's claim survive a restart: the application is started twice on the same embedded
 * store folder (as a deployment would be), with WireMock as Slack. Sent on Monday, moved to Friday, restarted just
 * after Friday's new time: no second digest that week, and the next one is the Friday after.
 */
class DigestSettingsRestartTests {

	/** Monday 7 December 2026, 08:00 in Stockholm (ISO week 50). */
	private static final Instant MONDAY_0800_STOCKHOLM = Instant.parse("2026-12-07T07:00:00Z");
	/** Friday 11 December 2026, 16:45 in Stockholm: a quarter of an hour after the new digest time. */
	private static final Instant FRIDAY_1645_STOCKHOLM = Instant.parse("2026-12-11T15:45:00Z");

	@TempDir
	Path dataDir;

	@Test
	void noSecondDigestForAWeekAfterASettingsChangeAndARestart() {
		SlackStub.reset();
		try (ConfigurableApplicationContext first = start()) {
			first.getBean(MutableClock.class).set(MONDAY_0800_STOCKHOLM);
			first.getBean(PlacementManagement.class)
				.enrol(new PlacementDraft(new PersonDraft("Ada Lindqvist", new org.fieldnotes.placement.PlacementDraft.AccountDraft("slack", null, "UADA"), null, "Europe/Stockholm", "en"),
						"KTP 2026", "Scania", "2026-11-02", "2027-04-30",
						new PersonDraft("Maja Berg", new org.fieldnotes.placement.PlacementDraft.AccountDraft("slack", null, "UMAJA"), null, "Europe/Stockholm", null), null, null, null));
			String maja = Accounts.personOf(first.getBean(People.class), "UMAJA");
			first.getBean(DigestScheduler.class).fire(maja);
			assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);

			DigestPreferences.Changed changed = first.getBean(DigestPreferences.class)
				.change(Accounts.slack("UMAJA"), new DigestPreferences.Change(DayOfWeek.FRIDAY, LocalTime.of(16, 30), null, null));
			assertThat(changed.current().next()).isEqualTo(Instant.parse("2026-12-18T15:30:00Z"));
		}

		try (ConfigurableApplicationContext second = start()) {
			second.getBean(MutableClock.class).set(FRIDAY_1645_STOCKHOLM);
			DigestScheduler scheduler = second.getBean(DigestScheduler.class);
			String maja = Accounts.personOf(second.getBean(People.class), "UMAJA");

			// a start 15 minutes after the (new) due time would catch up a missed digest, but week 50's went out
			scheduler.startUp();
			scheduler.fire(maja);
			second.getBean(DigestService.class).sendAll();

			assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
			MongoTemplate mongo = second.getBean(MongoTemplate.class);
			assertThat(mongo.count(Query.query(Criteria.where("recipientKey").is(maja)), DigestRecord.class))
				.isEqualTo(1);
			assertThat(scheduler.nextFireTime(maja)).hasValue(Instant.parse("2026-12-18T15:30:00Z"));
			assertThat(second.getBean(DigestPreferences.class).current(Accounts.slack("UMAJA"))).get()
				.satisfies(c -> assertThat(c.day()).isEqualTo(DayOfWeek.FRIDAY))
				.satisfies(c -> assertThat(c.time()).isEqualTo(LocalTime.of(16, 30)));
		}
	}

	/**
	 * Starts the application on {@link #dataDir} with the movable clock and WireMock as Slack. Command-line
	 * arguments, because they outrank application.yml.
	 */
	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(FieldnotesApplication.class, TestClockConfiguration.class).run(
				"--server.port=0", "--fieldnotes.store.data-dir=" + dataDir, "--fieldnotes.store.uri=",
				"--fieldnotes.admin.token=t", "--spring.quartz.auto-startup=false",
				"--fieldnotes.slack.bot-token=xoxb-test-token",
				"--fieldnotes.slack.signing-secret=" + SlackRequests.SIGNING_SECRET, "--fieldnotes.slack.app-token=",
				"--fieldnotes.slack.api-url=" + SlackStub.apiUrl());
	}
}
