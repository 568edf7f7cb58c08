package org.fieldnotes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Enrolment at cohort size (issue 13): enrolling N placements through the admin API one by one, and through one CSV
 * file, then 4N, each on an empty store; five placements per manager and per coach, as a faculty has them. What
 * matters is the time per placement at 4N against N: about 1 when enrolment is linear in the cohort, about 4 when
 * each enrolment looks at every placement before it. Prints figures; asserts nothing about speed. Tagged
 * {@code benchmark}: {@code ./mvnw -Pbench test -Dtest=EnrolmentBenchmark [-Dbench.enrolments=250]}.
 */
@Tag("benchmark")
class EnrolmentBenchmark extends IntegrationTest {

	private static final int N = Integer.getInteger("bench.enrolments", 100);
	private static final int PER_FOLLOWER = 5;

	@Test
	void oneByOneAndByCsvAtNAnd4N() {
		List<String> lines = new ArrayList<>();
		// a warm-up, not reported: the first requests of a JVM pay for class loading and JIT
		oneByOne(Math.max(10, N / 10));
		csv(Math.max(10, N / 10));
		double[] api = { oneByOne(N), oneByOne(4 * N) };
		double[] file = { csv(N), csv(4 * N) };
		lines.add(line("API, one by one", api));
		lines.add(line("CSV, one file", file));
		System.out.printf("%n=== Enrolment at cohort size: ms per placement at N = %d and 4N = %d ===%n"
				+ "%-16s %12s %12s %22s%n%s%n(ratio ≈ 1: linear in the cohort; ≈ 4: quadratic)%n%n", N, 4 * N, "how",
				"ms each, N", "ms each, 4N", "ratio 4N : N per item", String.join("\n", lines));
	}

	private static String line(String how, double[] perItem) {
		return String.format("%-16s %12.1f %12.1f %22.2f", how, perItem[0], perItem[1], perItem[1] / perItem[0]);
	}

	/** Enrols {@code count} placements through {@code POST /api/v1/placements}; ms per placement. */
	private double oneByOne(int count) {
		empty();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			HttpResponse<String> response = postJson("/api/v1/placements", placement(i));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		}
		double each = (System.nanoTime() - start) / 1e6 / count;
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(count);
		return each;
	}

	/** Enrols {@code count} placements with one {@code POST /api/v1/placements:import}; ms per placement. */
	private double csv(int count) {
		empty();
		StringBuilder csv = new StringBuilder("participant_name,participant_slack_id,participant_timezone,"
				+ "participant_locale,program,host_organisation,start_date,end_date,manager_name,manager_slack_id,"
				+ "academic_coach_name,academic_coach_slack_id,business_coach_name,business_coach_slack_id\n");
		for (int i = 0; i < count; i++) {
			int f = i / PER_FOLLOWER;
			csv.append(String.format("Participant %d,UP%d,Europe/Stockholm,en,KTP 2026,Host %d,2026-12-07,2027-05-31,"
					+ "Manager %d,UM%d,Academic coach %d,UA%d,Business coach %d,UB%d%n", i, i, i % 50, f, f, f, f, f, f));
		}
		long start = System.nanoTime();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/placements:import"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "text/csv; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
			.build());
		double each = (System.nanoTime() - start) / 1e6 / count;
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(count);
		return each;
	}

	private void empty() {
		for (String collection : mongo.getCollectionNames()) {
			mongo.getCollection(collection).deleteMany(new Document());
		}
	}

	private static String placement(int i) {
		int f = i / PER_FOLLOWER;
		return """
				{"participant": {"name": "Participant %d", "slackUserId": "UP%d", "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Host %d", "startDate": "2026-12-07", "endDate": "2027-05-31",
				 "manager": {"name": "Manager %d", "slackUserId": "UM%d"},
				 "academicCoach": {"name": "Academic coach %d", "slackUserId": "UA%d"},
				 "businessCoach": {"name": "Business coach %d", "slackUserId": "UB%d"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(i, i, i % 50, f, f, f, f, f, f);
	}
}
