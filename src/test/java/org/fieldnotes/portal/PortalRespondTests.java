package org.fieldnotes.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acknowledge and Reply on a placement's timeline, as the digest's buttons: only a follower who may read the entry
 * (never its author, nor someone it is not shared with: 404, nothing stored), once per person for an
 * acknowledgement, one reply per submitted form; the participant is told; the responses show on the timeline,
 * escaped; an empty reply stores nothing and is named at the entry.
 */
class PortalRespondTests extends PortalTest {

	@BeforeEach
	void twoPlacements() {
		placements();
	}

	private String entryWith(String text) {
		return mongo.getCollection("logbook_entries").find(new Document("text", text)).first().getString("_id");
	}

	private List<Document> responses() {
		return mongo.getCollection("entry_responses").find().into(new ArrayList<>());
	}

	@Test
	void theAcademicCoachAcknowledgesAndRepliesFromTheTimelineAndAdaIsTold() {
		String shared = entryWith(SHARED);
		PortalClient anders = signedIn(ANDERS);
		String timeline = anders.page("/portal/placements/" + p);
		// the two entries he may read and is not the author of; never a status update's
		assertThat(timeline.split("data-test=\"acknowledge\"", -1)).hasSize(3);
		assertThat(timeline).contains("action=\"/portal/entries/" + shared + "/acknowledge\"");

		HttpResponse<String> ack = anders.post("/portal/entries/" + shared + "/acknowledge");
		assertThat(ack.statusCode()).isEqualTo(303);
		assertThat(PortalClient.location(ack)).isEqualTo("/portal/placements/" + p + "?done=" + shared + "#item-" + shared);
		assertThat(anders.post("/portal/entries/" + shared + "/acknowledge").statusCode()).as("again: nothing new")
			.isEqualTo(303);
		assertThat(responses()).singleElement().satisfies(r -> {
			assertThat(r.getString("kind")).isEqualTo("ACKNOWLEDGED");
			assertThat(r.getString("responderKey")).isEqualTo(personOf("UANDERS"));
		});

		String submission = "form-1";
		HttpResponse<String> reply = anders.post("/portal/entries/" + shared + "/reply", "text",
				"Good plan <b>${7*7}</b>", "submission", submission);
		assertThat(reply.statusCode()).isEqualTo(303);
		anders.post("/portal/entries/" + shared + "/reply", "text", "Good plan <b>${7*7}</b>", "submission", submission);
		assertThat(responses()).filteredOn(r -> "REPLIED".equals(r.getString("kind"))).singleElement()
			.satisfies(r -> assertThat(r.getString("text")).isEqualTo("Good plan <b>${7*7}</b>"));

		String after = anders.page("/portal/placements/" + p + "?done=" + shared);
		assertThat(after).contains("✓ Read by the academic coach")
			.contains("Reply from the academic coach: Good plan &lt;b&gt;${7*7}&lt;/b&gt;")
			.contains("✓ Done: the participant is told.").doesNotContain("<b>${7*7}</b>").doesNotContain("plan 49");

		drainOutbox();
		List<String> toAda = sent().messagesTo(Accounts.slack("UADA")).stream()
			.map(org.fieldnotes.support.RecordingMessenger::words).toList();
		assertThat(toAda).filteredOn(w -> w.contains("Your academic coach read")).hasSize(1);
		assertThat(toAda).filteredOn(w -> w.contains("Your academic coach replied")).singleElement()
			.satisfies(w -> assertThat(w).contains("Good plan <b>${7*7}</b>"));
	}

	@Test
	void anEmptyReplyStoresNothingAndIsNamedAtTheEntry() {
		String shared = entryWith(SHARED);
		PortalClient beata = signedIn(BEATA);
		beata.page("/portal/placements/" + p);

		HttpResponse<String> empty = beata.post("/portal/entries/" + shared + "/reply", "text", "   ", "submission", "f");
		assertThat(empty.statusCode()).isEqualTo(303);
		assertThat(PortalClient.location(empty)).contains("problem=EMPTY");
		assertThat(beata.page(PortalClient.location(empty).replaceAll("#.*", ""))).contains("Skriv ett svar först");
		HttpResponse<String> tooLong = beata.post("/portal/entries/" + shared + "/reply", "text", "x".repeat(3001),
				"submission", "g");
		assertThat(PortalClient.location(tooLong)).contains("problem=TOO_LONG");
		assertThat(responses()).isEmpty();
	}

	@Test
	void whoMayNotReadTheEntryOrWroteItGetsNotFoundAndNothingIsStored() {
		String shared = entryWith(SHARED);
		String confidential = entryWith(CONFIDENTIAL);
		String brunos = entryWith(BRUNOS);

		PortalClient beata = signedIn(BEATA);
		beata.page("/portal/placements/" + p);
		assertThat(beata.post("/portal/entries/" + confidential + "/acknowledge").statusCode()).isEqualTo(404);
		assertThat(beata.post("/portal/entries/" + brunos + "/reply", "text", "Hi", "submission", "1").statusCode())
			.isEqualTo(404);
		assertThat(beata.post("/portal/entries/no-such-entry/acknowledge").statusCode()).isEqualTo(404);

		PortalClient maja = signedIn(MAJA);
		maja.page("/portal/placements/" + p);
		assertThat(maja.page("/portal/placements/" + p)).doesNotContain("data-test=\"acknowledge\"");
		assertThat(maja.post("/portal/entries/" + shared + "/acknowledge").statusCode()).isEqualTo(404);

		PortalClient ada = signedIn(ADA);
		String own = ada.page("/portal/placements/" + p);
		assertThat(own).as("her own entries: nothing to acknowledge").doesNotContain("data-test=\"acknowledge\"");
		assertThat(ada.post("/portal/entries/" + shared + "/acknowledge").statusCode()).isEqualTo(404);

		// without the form's CSRF token: refused before anything is looked at
		PortalClient anders = signedIn(ANDERS);
		anders.page("/portal/placements/" + p);
		assertThat(anders.postRaw("/portal/entries/" + shared + "/acknowledge").statusCode()).isEqualTo(403);
		assertThat(responses()).isEmpty();
	}
}
