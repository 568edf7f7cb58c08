package org.fieldnotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One placement week everywhere, on the same instant: the prompt's context line, the App Home, {@code /fieldnotes
 * me}, each coach's digest, the manager's line and the admins' cohort line all name the same "week n of 26", the
 * participant's week on the participant's date, although the coaches and the manager live a day apart from them.
 *
 * <p>Ada is in Stockholm, her academic coach in New York (in Swedish), her business coach in Seoul, her manager in
 * Los Angeles; the placement runs from Mon 2 Nov 2026 to Fri 30 Apr 2027 (26 weeks, each from a Monday).
 */
class OneWeekEverywhereTests extends IntegrationTest {

	private static final Pattern WEEK = Pattern.compile("(?i)\\b(?:week|vecka) (\\d+) (?:of|av) (\\d+)");

	@Autowired
	PromptDispatcher prompts;

	@ParameterizedTest(name = "{0}: week {1}")
	@CsvSource({
			// the start day, 00:30 in Stockholm: still Sunday 1 Nov for the coach in New York
			"2026-11-01T23:30:00Z, 1",
			// Sunday 23:30 in Stockholm, already Monday 07:30 in Seoul: still week 1
			"2026-11-08T22:30:00Z, 1",
			// Monday 00:30 in Stockholm, Sunday evening in New York and Los Angeles: week 2
			"2026-11-08T23:30:00Z, 2",
			// Monday 29 Mar 2027 00:30 in Stockholm, the first night of summer time there: week 22
			"2027-03-28T22:30:00Z, 22",
			// the last day, Fri 30 Apr 2027 at noon
			"2027-04-30T10:00:00Z, 26" })
	void everySurfaceNamesTheParticipantsWeek(Instant at, int week) {
		String placementId = enrolAcrossTimeZones();
		clock.set(at);

		Map<String, String> surfaces = surfaces(placementId);

		assertThat(surfaces).allSatisfy((surface, text) -> assertThat(weeksIn(text)).as(surface)
			.containsOnly(week + " of 26")
			.isNotEmpty());
	}

	/**
	 * After the end date (Wed 5 May 2027) the placement is still in the digests for a week: every surface that
	 * names a week says the last one, none counts on; the cohort line says it ended, and the only prompt left is the
	 * follow-up, which names no week.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "2027-05-05T10:00:00Z" })
	void afterTheEndEverySurfaceSaysTheLastWeek(Instant at) {
		String placementId = enrolAcrossTimeZones();
		clock.set(at);

		Map<String, String> surfaces = surfaces(placementId);

		assertThat(surfaces.get("prompt")).contains("Follow-up · Scania");
		assertThat(weeksIn(surfaces.get("prompt"))).isEmpty();
		assertThat(surfaces.get("cohort line")).contains("ended 30 Apr");
		assertThat(weeksIn(surfaces.get("cohort line"))).isEmpty();
		for (String surface : List.of("home", "me", "academic coach's digest", "business coach's digest",
				"manager's line")) {
			assertThat(weeksIn(surfaces.get(surface))).as(surface).containsOnly("26 of 26").isNotEmpty();
		}
	}

	/** What each person sees now, by surface. */
	private Map<String, String> surfaces(String placementId) {
		Map<String, String> surfaces = new LinkedHashMap<>();
		prompts.sendNext(placementId);
		List<Map<String, String>> toAda = SlackStub.messagesTo("UADA");
		assertThat(toAda).hasSize(1);
		surfaces.put("prompt", SlackStub.blockTexts(toAda.get(0)));

		slackEvent(SlackInteractions.appHomeOpened("EvHomeWeek", "UADA"), "application/json");
		await().atMost(Duration.ofSeconds(10)).until(() -> SlackStub.calls("views.publish").size() == 1);
		surfaces.put("home", SlackStub.blockTexts(Map.of("blocks",
				JSON.readTree(SlackStub.calls("views.publish").get(0).get("view")).get("blocks").toString())));

		surfaces.put("me", commandAnswer("UADA", "me"));
		surfaces.put("academic coach's digest", commandAnswer("UANDERS", "digest preview"));
		surfaces.put("business coach's digest", commandAnswer("UBEATA", "digest preview"));
		String manager = commandAnswer("UMAJA", "digest preview");
		assertThat(manager).contains("Scania, week");
		surfaces.put("manager's line", manager);
		String cohort = commandAnswer("UADMIN1", "digest preview");
		assertThat(cohort).contains("Ada Lindqvist · Scania");
		surfaces.put("cohort line", cohort);
		return surfaces;
	}

	private static List<String> weeksIn(String text) {
		List<String> weeks = new ArrayList<>();
		Matcher matcher = WEEK.matcher(text);
		while (matcher.find()) {
			weeks.add(matcher.group(1) + " of " + matcher.group(2));
		}
		return weeks;
	}

	/** Enrolled in October, before the placement starts. */
	private String enrolAcrossTimeZones() {
		clock.set(Instant.parse("2026-10-15T10:00:00Z"));
		var response = postJson("/api/v1/placements", """
				{"participant": {"name": "Ada Lindqvist", "slackUserId": "UADA", "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Scania",
				 "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "timezone": "America/Los_Angeles"},
				 "academicCoach": {"name": "Anders Holm", "slackUserId": "UANDERS", "timezone": "America/New_York", "locale": "sv"},
				 "businessCoach": {"name": "Beata Ek", "slackUserId": "UBEATA", "timezone": "Asia/Seoul"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}
}
