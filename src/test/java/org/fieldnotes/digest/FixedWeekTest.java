package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
 * One fixed placement week, the same for every role, written straight into the store with fixed ids and times.
 * Ada Lindqvist (Scania, KTP 2026, 2 Nov 2026 – 30 Apr 2027) is followed by manager Maja (UMAJA), academic coach
 * Anders (UANDERS) and business coach Beata (UBEATA), all in Stockholm and all reading English. The digest is
 * written at {@link #MONDAY}, Monday 7 December 2026, 08:00 in Stockholm.
 * <ul>
 * <li>Prompts on Fridays 13, 20, 27 Nov and 4 Dec; the first is not answered, the other three are (3 of 4 so far,
 * streak 3 weeks, 1 of 1 this week).</li>
 * <li>Entries of the week, one of each visibility: coaches (1 Dec, and the reply to the 4 Dec prompt), placement
 * (2 Dec), confidential (3 Dec) and private (4 Dec, whose words contain {@link #PRIVATE_WORDS}); one older entry
 * (20 Nov).</li>
 * <li>Status updates: 16 Nov green, mood 4 (coaches); 23 Nov amber, mood 3, blocker (coaches); 30 Nov amber, mood 2,
 * blocker (placement); 4 Dec red, mood 1, blocker (private).</li>
 * <li>Learning goals: "Run a design review on my own" (touched by the 2 Dec entry), "Understand the composite
 * supplier chain" (touched by the 1 Dec entry and the reply), "Present results to the steering group" (not
 * touched).</li>
 * </ul>
 */
abstract class FixedWeekTest extends IntegrationTest {

	/** Monday 7 December 2026, 08:00 in Stockholm. */
	static final Instant MONDAY = Instant.parse("2026-12-07T07:00:00Z");
	/** In every private entry and status update of the week: must never show up in a digest. */
	static final String PRIVATE_WORDS = "PRIVATE-do-not-show";
	static final String CONFIDENTIAL_WORDS = "Commuting four hours a day";
	static final String PLACEMENT_WORDS = "Sat in on my first design review";
	static final String COACHES_WORDS = "Planned the bench test with the supplier";

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	PromptHistory promptHistory;

	String placementId;

	/** Creates the fixed week and leaves the clock at {@link #MONDAY}. */
	void createFixedWeek() {
		clock.set(Instant.parse("2026-11-02T08:00:00Z"));
		placementId = enrolJson(placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"locale\": \"sv\"", "\"locale\": \"en\"")
			.replace("\"schedule\":", """
					"learningGoals": ["Run a design review on my own", "Understand the composite supplier chain",
					  "Present results to the steering group"],
					 "schedule":"""));
		// Friday prompts, sent at 13:00 UTC (14:00 in Stockholm); all but the first answered
		String last = null;
		for (String friday : new String[] { "2026-11-13", "2026-11-20", "2026-11-27", "2026-12-04" }) {
			clock.set(Instant.parse(friday + "T12:59:00Z"));
			PromptDelivery delivery = dispatcher.sendNext(placementId);
			assertThat(delivery.dueDate()).hasToString(friday);
			if (!friday.equals("2026-11-13")) {
				promptHistory.markAnswered(delivery.occurrenceId(), Instant.parse(friday + "T15:00:00Z"));
			}
			last = delivery.occurrenceId();
		}
		String replyPrompt = promptHistory.occurrence(last).orElseThrow().getPromptId();

		entry("e0", "2026-11-20T15:00:00Z", Visibility.COACHES, "Met the test-rig team for the first time.");
		entry("e1", "2026-12-01T16:00:00Z", Visibility.COACHES, COACHES_WORDS
				+ ". We agreed on the load cases for the composite brackets.");
		entry("e2", "2026-12-02T16:00:00Z", Visibility.PLACEMENT, PLACEMENT_WORDS
				+ "; next time I want to run one myself.");
		entry("e3", "2026-12-03T19:30:00Z", Visibility.CONFIDENTIAL, "Honestly, I am exhausted. " + CONFIDENTIAL_WORDS
				+ " is not sustainable, and I would like to talk about it.");
		entry("e4", "2026-12-04T20:00:00Z", Visibility.PRIVATE, PRIVATE_WORDS + ": thinking about quitting.");
		mongo.insert(new LogbookEntry("e5", placementId, "UADA",
				"What? Mapped the composite supplier chain with <the buyers> & the plant.\n"
						+ "So what? The chain is longer than I thought.\n"
						+ "Now what? Ask the test-rig team how they schedule fatigue runs.",
				EntrySource.PROMPT_REPLY, last, replyPrompt, "entry:e5", null, null,
				Instant.parse("2026-12-04T15:00:00Z"), null, null, null, Visibility.COACHES));

		status("s1", "2026-11-16T09:00:00Z", OverallStatus.GREEN, "Induction done; bench test being planned.", null, 4,
				Visibility.COACHES);
		status("s2", "2026-11-23T09:00:00Z", OverallStatus.AMBER, "Bench test plan drafted.",
				"No access to the test rig yet.", 3, Visibility.COACHES);
		status("s3", "2026-11-30T09:00:00Z", OverallStatus.AMBER, "Load cases agreed with the supplier.",
				"Still no access to the test rig; IT ticket open.", 2, Visibility.PLACEMENT);
		status("s4", "2026-12-04T17:00:00Z", OverallStatus.RED, PRIVATE_WORDS + " progress", PRIVATE_WORDS + " blocker",
				1, Visibility.PRIVATE);
		clock.set(MONDAY);
	}

	void entry(String id, String at, Visibility visibility, String text) {
		mongo.insert(new LogbookEntry(id, placementId, "UADA", text, EntrySource.FREE_FORM, null, null, "entry:" + id,
				null, null, Instant.parse(at), null, null, null, visibility));
	}

	void status(String id, String at, OverallStatus status, String progress, String blockers, int mood,
			Visibility visibility) {
		mongo.insert(new StatusUpdate(id, placementId, "UADA", status, progress, blockers, mood, null,
				"status:" + id, Instant.parse(at), visibility));
	}

	String enrolJson(String body) {
		HttpResponse<String> response = postJson("/api/v1/placements", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}
}
