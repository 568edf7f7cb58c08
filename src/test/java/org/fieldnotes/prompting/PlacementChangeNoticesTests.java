package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Everyone a change to a placement affects is told, once, in their own language, through the outbox: the
 * participant what changed for them, a coach who joins that they now follow it and what their role may read, one who
 * leaves that they no longer follow it. Nobody else; nothing when nothing changed. Ada is enrolled in English with
 * Maja (manager), Anders (academic coach, Swedish) and Beata (business coach).
 */
class PlacementChangeNoticesTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Test
	void theParticipantTheCoachWhoLeavesAndTheOneWhoJoinsAreEachToldOnceInTheirLanguage() {
		String id = enrol(ADA, "2026-11-02", "2027-04-30");
		sent().reset();

		HttpResponse<String> changed = patch(id, """
				{"endDate": "2027-08-31", "schedule": {"dayOfWeek": "MONDAY", "time": "09:00"},
				 "businessCoach": {"name": "Bo Ek", "slackUserId": "UBO", "locale": "sv"}}
				""");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		drainOutbox();

		List<ChatMessage> ada = sent().messagesTo(slack(ADA));
		assertThat(ada).hasSize(1);
		assertThat(words(ada.get(0))).contains("Your placement now runs from 2 Nov 2026 to 31 Aug 2027.")
			.contains("Your prompts now come on Mondays at 09:00 (Europe/Stockholm).")
			.contains("Your business coach is now Bo Ek.")
			.doesNotContain("academic coach").doesNotContain("manager");
		List<ChatMessage> beata = sent().messagesTo(slack("UBEATA"));
		assertThat(beata).hasSize(1);
		assertThat(words(beata.get(0)))
			.contains("You no longer follow the placement of Ada Lindqvist at Scania as business coach.");
		List<ChatMessage> bo = sent().messagesTo(slack("UBO"));
		assertThat(bo).hasSize(1);
		assertThat(words(bo.get(0)))
			.contains("Du följer nu placeringen för Ada Lindqvist hos Scania (KTP 2026) som handledare på företaget.")
			.contains("anteckningar som delas med handledarna, anteckningar som delas med handledare och chef")
			.doesNotContain("konfidentiella");
		assertThat(sent().messagesTo(slack("UANDERS"))).isEmpty();
		assertThat(sent().messagesTo(slack("UMAJA"))).isEmpty();
		assertThat(mongo.getCollection("outbox").countDocuments()).isEqualTo(3);
	}

	@Test
	void aSwedishParticipantIsToldInSwedishAndAReopenedPlacementSaysPromptsStartAgain() {
		String id = enrol(ADA, "2026-11-02", "2027-04-30");
		patch(id, "{\"locale\": \"sv\"}");
		drainOutbox();
		sent().reset();

		patch(id, "{\"academicCoach\": null, \"workDays\": [\"MONDAY\", \"TUESDAY\"]}");
		drainOutbox();

		assertThat(sent().messagesTo(slack(ADA))).singleElement().satisfies(m -> assertThat(words(m))
			.contains("Du har inte längre någon akademisk handledare.")
			.contains("Dina dagar hos värdorganisationen är nu: måndag, tisdag."));
		assertThat(sent().messagesTo(slack("UANDERS"))).singleElement().satisfies(m -> assertThat(words(m))
			.contains("Du följer inte längre placeringen för Ada Lindqvist hos Scania som akademisk handledare."));
	}

	@Test
	void nothingIsSentWhenNothingChanged() {
		String id = enrol(ADA, "2026-11-02", "2027-04-30");
		sent().reset();
		long before = mongo.getCollection("outbox").countDocuments();

		assertThat(patch(id, "{\"endDate\": \"2027-04-30\", \"hostOrganisation\": \"Scania\"}").statusCode())
			.isEqualTo(200);
		drainOutbox();

		assertThat(mongo.getCollection("outbox").countDocuments()).isEqualTo(before);
		assertThat(sent().allMessages()).isEmpty();
	}

	private HttpResponse<String> patch(String id, String body) {
		return send(HttpRequest.newBuilder(uri("/api/v1/placements/" + id))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
			.build());
	}
}
