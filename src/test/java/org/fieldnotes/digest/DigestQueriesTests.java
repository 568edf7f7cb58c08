package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.prompting.PromptOccurrence;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.CrashGapTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A digest run reads what it needs of every placement together (per batch of placements): the week's entries and
 * prompts, the status updates, engagement and attention flags, not one query per placement and recipient, which on a
 * store without secondary indexes would read the whole collection each time. Counted on the application's own store,
 * where the queries really go.
 */
class DigestQueriesTests extends CrashGapTest {

	private static final List<String> PARTICIPANTS = List.of("UADA", "UBO", "UCY", "UDAN");
	private static final List<String> FOLLOWERS = List.of("UMAJA", "UANDERS", "UBEATA");

	@Autowired
	DigestService digests;

	@Autowired
	Logbook logbook;

	@Test
	void aRunReadsTheWeeksEntriesOfEveryPlacementInOneQuery() {
		for (String participant : PARTICIPANTS) {
			enrol(participant, "2026-11-02", "2027-04-30");
			logbook.write(Accounts.slack(participant), "What " + participant + " did this week");
		}
		clock.advance(Duration.ofDays(1));
		clearInvocations(spiedStore());

		DigestRun.Started run = digests.queueAll();

		// the same three followers follow all four placements: three digests; the academic coach's quotes all four
		assertThat(run.records()).hasSize(3).allSatisfy(r -> assertThat(r.placementIds()).hasSize(4));
		assertThat(run.records()).filteredOn(r -> r.recipientKey().equals(keyOf("UANDERS")))
			.singleElement()
			.satisfies(r -> assertThat(r.entryIds()).hasSize(4));
		assertThat(entryQueries()).as("queries of the logbook during the run: the week's entries, and each "
				+ "placement's latest shared one").isEqualTo(2);
		drainOutbox();
		assertThat(SlackStub.blockTexts(SlackStub.messagesTo("UANDERS").get(0))).contains("What UDAN did this week")
			.contains("What UADA did this week");
	}

	@Test
	void aRunReadsEveryPlacementsStatusUpdatesAndPromptsOnceAndComposesWhatAPreviewShows() {
		for (String participant : PARTICIPANTS) {
			String placement = enrol(participant, "2026-11-02", "2027-04-30");
			logbook.write(Accounts.slack(participant), "What " + participant + " did this week");
			if (!participant.equals("UDAN")) {
				assertThat(postJson("/api/v1/placements/" + placement + "/send-prompt", "").statusCode()).isEqualTo(202);
			}
		}
		clock.advance(Duration.ofDays(1));
		Map<String, ChatMessage> previews = new HashMap<>();
		for (String follower : FOLLOWERS) {
			previews.put(follower, digests.preview(new PersonId(personOf(follower))).orElseThrow());
		}
		sent().reset();
		clearInvocations(spiedStore());

		digests.queueAll();

		assertThat(queries(PromptOccurrence.class)).as("queries of the prompts: the week's, all of them, and those of "
				+ "the attention flags' look-back").isEqualTo(3);
		assertThat(queries(StatusUpdate.class)).as("queries of the status updates: for the facts, the flags and the "
				+ "mood charts").isEqualTo(3);
		drainOutbox();
		// composed from what the run read at once, each digest is the one composed placement by placement
		for (String follower : FOLLOWERS) {
			assertThat(sent().messagesTo(Accounts.slack(follower))).as(follower).containsExactly(previews.get(follower));
		}
		assertThat(previews.get("UANDERS").toString()).contains("What UCY did this week");
	}

	private long entryQueries() {
		return queries(LogbookEntry.class);
	}

	private long queries(Class<?> type) {
		return mockingDetails(spiedStore()).getInvocations().stream()
			.filter(call -> List.of("find", "findOne", "aggregate").contains(call.getMethod().getName()))
			.filter(call -> List.of(call.getArguments()).contains(type))
			// the calls the application makes, not those the template makes of itself (ending in a collection name)
			.filter(call -> call.getArguments()[call.getArguments().length - 1] instanceof Class)
			.map(Invocation.class::cast)
			.count();
	}
}
