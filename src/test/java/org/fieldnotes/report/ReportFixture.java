package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One placement's first five weeks, written with fixed ids and times, for every report. Ada Lindqvist (UADA; Scania,
 * KTP 2026, 2 Nov 2026 – 30 Apr 2027) is followed by manager Maja (UMAJA), academic coach Anders (UANDERS) and
 * business coach Beata (UBEATA), all in Stockholm. The reports are made at {@link #MONDAY}, 7 Dec 2026, 08:00 there.
 * <ul>
 * <li>Prompts on Fridays 13, 20, 27 Nov and 4 Dec; the first is not answered, the other three are.</li>
 * <li>Entries, one of each visibility and a deleted one: e1 (20 Nov, coaches, free), e2 (27 Nov, coaches, the answer
 * to a weekly reflection with a "Now what?"), e3 (1 Dec, placement), e4 (3 Dec, confidential), e5 (4 Dec, private),
 * e6 (4 Dec, coaches, lessons learnt, with Markdown and HTML in it), e7 (deleted).</li>
 * <li>Status updates: s1 16 Nov green 4 (coaches); s2 23 Nov amber 3 with a blocker (coaches); s3 30 Nov amber 2,
 * the same blocker (placement); s4 3 Dec green 4 (confidential, a blocker of its own); s5 4 Dec red 1 (private).</li>
 * </ul>
 */
abstract class ReportFixture extends IntegrationTest {

	/** Monday 7 December 2026, 08:00 in Stockholm. */
	static final Instant MONDAY = Instant.parse("2026-12-07T07:00:00Z");
	static final String PRIVATE_WORDS = "PRIVATEWORDS never for others";
	static final String CONFIDENTIAL_WORDS = "Commuting four hours a day";
	static final String CONFIDENTIAL_BLOCKER = "Sleeping badly since the move";
	static final String PLACEMENT_WORDS = "Sat in on my first design review";
	static final String COACHES_WORDS = "Met the rig team";
	static final String DELETED_WORDS = "DELETEDWORDS gone for good";
	static final String GOAL_NOTE = "Shadowed a review <with Lena> & the plant";
	static final String PLAN = "Ask the rig team how they schedule fatigue runs";

	private static final Path GOLDEN = Path.of("src/test/resources/golden/report");
	private static final Path ACTUAL = Path.of("target/golden-actual/report");
	private static final boolean UPDATE = Boolean.getBoolean("golden.update");

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PromptHistory promptHistory;

	String placementId;
	String ada;

	void createPlacement() {
		clock.set(Instant.parse("2026-11-02T08:00:00Z"));
		HttpResponse<String> enrolled = postJson("/api/v1/placements", placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"schedule\":", """
					"learningGoals": ["Run a design review on my own", "Understand the composite supplier chain"],
					"addedValue": "A documented *test rig* <b>the line</b> can use",
					 "schedule":"""));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		placementId = json(enrolled.body()).get("id").asString();
		ada = personOf("UADA");
		String[] occurrences = new String[4];
		String[] fridays = { "2026-11-13", "2026-11-20", "2026-11-27", "2026-12-04" };
		for (int i = 0; i < fridays.length; i++) {
			clock.set(Instant.parse(fridays[i] + "T12:59:00Z"));
			PromptDelivery delivery = dispatcher.sendNext(placementId);
			assertThat(delivery.dueDate()).hasToString(fridays[i]);
			occurrences[i] = delivery.occurrenceId();
			if (i > 0) {
				promptHistory.markAnswered(delivery.occurrenceId(), Instant.parse(fridays[i] + "T15:00:00Z"));
			}
		}
		entry("e1", "2026-11-20T15:00:00Z", Visibility.COACHES, null, null,
				COACHES_WORDS + " for the first time.");
		entry("e2", "2026-11-27T15:00:00Z", Visibility.COACHES, occurrences[2], "weekly-rolfe",
				"What?\nMapped the composite supplier chain with <the buyers> & the plant.\n\nSo what?\n"
						+ "The chain is longer than I thought.\n\nNow what?\n" + PLAN + ".");
		entry("e3", "2026-12-01T16:00:00Z", Visibility.PLACEMENT, null, null,
				PLACEMENT_WORDS + "; next time I want to run one myself.");
		entry("e4", "2026-12-03T19:30:00Z", Visibility.CONFIDENTIAL, null, null,
				"Honestly, I am exhausted. " + CONFIDENTIAL_WORDS + " is not sustainable.");
		entry("e5", "2026-12-04T20:00:00Z", Visibility.PRIVATE, null, null, PRIVATE_WORDS + ": thinking about quitting.");
		entry("e6", "2026-12-04T15:00:00Z", Visibility.COACHES, occurrences[3], "last-week-lessons-learnt",
				"Lessons\n# Not a heading, *not bold*\n<b>not html</b>\n\nFor the host\n"
						+ "Keep the [rig](https://evil.example) booked; 1. this is no list");
		mongo.insert(new LogbookEntry("e7", placementId, ada, DELETED_WORDS, EntrySource.FREE_FORM, null, null,
				"entry:e7", null, null, Instant.parse("2026-12-02T10:00:00Z"), null,
				Instant.parse("2026-12-02T11:00:00Z"), null, Visibility.COACHES));
		status("s1", "2026-11-16T09:00:00Z", OverallStatus.GREEN, "Induction done.", null, 4, Visibility.COACHES);
		status("s2", "2026-11-23T09:00:00Z", OverallStatus.AMBER, "Bench test plan drafted.",
				"No access to the test rig yet.", 3, Visibility.COACHES);
		status("s3", "2026-11-30T09:00:00Z", OverallStatus.AMBER, "Load cases agreed.",
				"No access to the test rig yet.", 2, Visibility.PLACEMENT);
		status("s4", "2026-12-03T09:00:00Z", OverallStatus.GREEN, "Rig booked at last.", CONFIDENTIAL_BLOCKER, 4,
				Visibility.CONFIDENTIAL);
		status("s5", "2026-12-04T17:00:00Z", OverallStatus.RED, PRIVATE_WORDS + " progress",
				PRIVATE_WORDS + " blocker", 1, Visibility.PRIVATE);
		// the monthly "Which goal moved?": November shared with the coaches, December private
		mongo.save(new org.fieldnotes.goals.GoalProgress(placementId + "/2026-11", placementId, ada, "2026-11",
				Instant.parse("2026-11-13T13:30:00Z"), Visibility.COACHES, java.util.List.of(
						new org.fieldnotes.goals.GoalProgress.Goal(0, "Run a design review on my own", true,
								GOAL_NOTE),
						new org.fieldnotes.goals.GoalProgress.Goal(1, "Understand the composite supplier chain", false,
								null))));
		mongo.save(new org.fieldnotes.goals.GoalProgress(placementId + "/2026-12", placementId, ada, "2026-12",
				Instant.parse("2026-12-04T13:30:00Z"), Visibility.PRIVATE, java.util.List.of(
						new org.fieldnotes.goals.GoalProgress.Goal(0, "Run a design review on my own", false, null),
						new org.fieldnotes.goals.GoalProgress.Goal(1, "Understand the composite supplier chain", true,
								PRIVATE_WORDS + " about the buyers"))));
		clock.set(MONDAY);
	}

	private void entry(String id, String at, Visibility visibility, String occurrenceId, String promptId,
			String text) {
		mongo.insert(new LogbookEntry(id, placementId, ada, text,
				promptId == null ? EntrySource.FREE_FORM : EntrySource.PROMPT_REPLY, occurrenceId, promptId,
				"entry:" + id, null, null, Instant.parse(at), null, null, null, visibility));
	}

	private void status(String id, String at, OverallStatus status, String progress, String blockers, int mood,
			Visibility visibility) {
		mongo.insert(new StatusUpdate(id, placementId, ada, status, progress, blockers, mood, null, "status:" + id,
				Instant.parse(at), visibility));
	}

	/**
	 * Compares with {@code src/test/resources/golden/report/<name>} (UUIDs written {@code <id>}, a chart's PNG
	 * {@code <png>}); a difference
	 * fails with the actual output under {@code target/golden-actual/report/}; {@code -Dgolden.update=true}
	 * rewrites the files, to review with {@code git diff}.
	 */
	static void compareGolden(String name, String actual) {
		String text = actual.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
			// a chart's pixels depend on the machine's fonts: EvaluationChartsTests checks the images themselves
			.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64,<png>");
		try {
			Path golden = GOLDEN.resolve(name);
			if (UPDATE) {
				Files.createDirectories(GOLDEN);
				Files.writeString(golden, text, StandardCharsets.UTF_8);
				return;
			}
			Files.createDirectories(ACTUAL);
			Path written = Files.writeString(ACTUAL.resolve(name), text, StandardCharsets.UTF_8);
			assertThat(golden).as("golden file %s is missing: run with -Dgolden.update=true to write it", golden)
				.exists();
			assertThat(written).as("%s differs from its golden file (if the change is intended, rerun with "
					+ "-Dgolden.update=true and review the diff)", name).hasSameTextualContentAs(golden);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
