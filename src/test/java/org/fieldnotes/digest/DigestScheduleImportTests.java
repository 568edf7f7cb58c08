package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.listeners.SchedulerListenerSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every enrolment changes who gets a digest, and the digest schedule is rebuilt from all placements. A cohort import
 * rebuilds it once for the whole file, not once per row (which made a file of n rows cost n² trigger settings); a
 * single enrolment still rebuilds it at once. Counted where it costs: every digest trigger Quartz is asked to set.
 */
class DigestScheduleImportTests extends IntegrationTest {

	/** Monday 7 December 2026, 08:00 in Stockholm. */
	private static final Instant MONDAY_0800_STOCKHOLM = Instant.parse("2026-12-07T07:00:00Z");
	private static final String HEADER = "participant_name,participant_slack_id,participant_timezone,participant_locale,"
			+ "program,host_organisation,start_date,end_date,manager_name,manager_slack_id,academic_coach_name,"
			+ "academic_coach_slack_id\n";

	@Autowired
	Scheduler quartz;

	@Autowired
	DigestScheduler scheduler;

	private final List<String> digestTriggersSet = new ArrayList<>();
	private final SchedulerListenerSupport counter = new SchedulerListenerSupport() {
		@Override
		public void jobScheduled(Trigger trigger) {
			if (trigger.getKey().getGroup().equals(DigestScheduler.GROUP)) {
				synchronized (digestTriggersSet) {
					digestTriggersSet.add(trigger.getKey().getName());
				}
			}
		}
	};

	@BeforeEach
	void countDigestTriggers() throws SchedulerException {
		quartz.getListenerManager().addSchedulerListener(counter);
	}

	@AfterEach
	void stopCounting() throws SchedulerException {
		quartz.getListenerManager().removeSchedulerListener(counter);
	}

	@Test
	void anImportOfTwentyRowsSetsEachRecipientsDigestTriggerOnce() {
		int rows = 20;
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= rows; i++) {
			// each participant with a manager of their own, all with the same academic coach
			csv.append("Participant %d,UP%02d,Europe/Stockholm,en,KTP 2026,Host %d,2026-11-02,2027-04-30,Manager %d,UM%02d,Anders Holm,UANDERS\n"
				.formatted(i, i, i, i, i));
		}

		HttpResponse<String> response = importCsv(csv.toString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response.body()).get("created").asInt()).isEqualTo(rows);
		// 20 managers, the coach and the admin (UADMIN1, of the cohort digest): one rebuild sets each once
		assertThat(digestTriggersSet).hasSize(rows + 2).doesNotHaveDuplicates();
		for (int i = 1; i <= rows; i++) {
			assertThat(scheduler.nextFireTime(keyOf("UM%02d".formatted(i)))).hasValue(MONDAY_0800_STOCKHOLM);
		}
		assertThat(scheduler.nextFireTime(keyOf("UANDERS"))).hasValue(MONDAY_0800_STOCKHOLM);
		assertThat(scheduler.nextFireTime(adminKeyOf("UADMIN1"))).hasValue(MONDAY_0800_STOCKHOLM);
	}

	@Test
	void aSingleEnrolmentStillSetsItsRecipientsTriggersAtOnce() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		// the manager, both coaches and the admin
		assertThat(digestTriggersSet).containsExactlyInAnyOrder(keyOf("UMAJA"), keyOf("UANDERS"), keyOf("UBEATA"), adminKeyOf("UADMIN1"));
		assertThat(scheduler.nextFireTime(keyOf("UMAJA"))).hasValue(MONDAY_0800_STOCKHOLM);
	}

	private HttpResponse<String> importCsv(String csv) {
		return send(HttpRequest.newBuilder(uri("/api/v1/placements:import"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "text/csv; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build());
	}
}
