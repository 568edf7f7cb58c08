package org.fieldnotes.slack.listeners.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;


/**
 * {@code /fieldnotes visibility [option]} (the participant's default, in English or Swedish words) and
 * {@code /fieldnotes programs <programme> visibility <option>} (admins: the programme's default), and the chain
 * they make: the participant's own default, else the programme's, else coaches.
 */
class VisibilityCommandTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String ADMIN = "UADMIN1";

	private String visibilityOfDm(String eventId, String ts, String text) {
		directMessage(eventId, ADA, ts, text, null);
		return mongo.getCollection("logbook_entries").find(new Document("text", text)).first().getString("visibility");
	}

	@Test
	void showsTheDefaultWhereItComesFromAndWhatEachOptionMeans() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		String answer = commandAnswer(ADA, "visibility");

		assertThat(answer).contains("Who can see your new entries and status updates: 👥 Your coaches")
			.contains("This is the default of Fieldnotes.")
			.contains("*private*  🔒 Only you — only you: never in a digest, a summary or the admin API")
			.contains("*coaches*  👥 Your coaches — your academic coach and your business coach")
			.contains("*placement*  🏢 Coaches and manager — your coaches and your manager")
			.contains("*confidential*  🤫 Academic coach only — only your academic coach");
		assertThat(commandAnswer(ADA, "help")).contains("/fieldnotes visibility");
	}

	@Test
	void setsTheParticipantsDefaultWhichNewEntriesGet() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(commandAnswer(ADA, "visibility PRIVATE")).contains("✅ From now on, new entries and status updates are visible to: 🔒 Only you");

		assertThat(visibilityOfDm("Ev1", "1764669600.000100", "Only for me")).isEqualTo("PRIVATE");
		assertThat(commandAnswer(ADA, "visibility")).contains("🔒 Only you").contains("You chose this.");
	}

	@Test
	void swedishWordsWorkAndTheAnswerIsInSwedish() {
		String body = placementJson(ADA, "2026-11-02", "2027-04-30").replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"");
		postJson("/api/v1/placements", body);

		assertThat(commandAnswer(ADA, "visibility konfidentiell")).contains("Bara akademisk handledare");
		assertThat(visibilityOfDm("Ev1", "1764669600.000100", "Om hur jag mår")).isEqualTo("CONFIDENTIAL");
		assertThat(commandAnswer(ADA, "visibility privat")).contains("🔒 Bara du");
		assertThat(commandAnswer(ADA, "visibility coacher")).contains("👥 Dina handledare");
		assertThat(commandAnswer(ADA, "visibility placering")).contains("🏢 Handledare och chef");
		assertThat(commandAnswer(ADA, "visibility")).contains("*konfidentiell*").contains("Det har du valt själv.");
	}

	@Test
	void anUnknownWordGetsTheUsageAndChangesNothing() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(commandAnswer(ADA, "visibility everyone")).contains("⚠ “everyone” isn't one of the options")
			.contains("Usage: /fieldnotes visibility [private|coaches|placement|confidential]");
		assertThat(mongo.getCollection("person_preferences").countDocuments()).isZero();
	}

	@Test
	void anAdminSetsAProgrammesDefaultWhichComesAfterTheParticipantsOwn() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(commandAnswer(ADMIN, "programs KTP 2026 visibility")).contains("KTP 2026: new entries and status updates are visible to coaches");
		assertThat(commandAnswer(ADMIN, "programs ktp 2026 visibility placement"))
			.contains("✅ KTP 2026: new entries and status updates are now visible to placement");
		assertThat(commandAnswer(ADMIN, "programs")).contains("*KTP 2026*  1 active · 0 paused · 0 ended · Default visibility: placement");
		assertThat(visibilityOfDm("Ev1", "1764669600.000100", "Programme default")).isEqualTo("PLACEMENT");
		assertThat(commandAnswer(ADA, "visibility")).contains("🏢 Coaches and manager")
			.contains("This is the default of your programme (KTP 2026).");

		commandAnswer(ADA, "visibility coaches");
		assertThat(visibilityOfDm("Ev2", "1764669600.000200", "Own default")).isEqualTo("COACHES");

		Document audit = mongo.getCollection("audit").find(new Document("action", "program-visibility")).first();
		assertThat(audit.getString("actor")).isEqualTo(keyOf(ADMIN));
		assertThat(audit.getString("detail")).isEqualTo("KTP 2026: placement");
	}

	@Test
	void badProgrammeCommandsAreRefusedAndNotForParticipants() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(commandAnswer(ADMIN, "programs KTP 2026 visibility everyone")).contains("“everyone” isn't one of the options")
			.contains("Usage: /fieldnotes programs &lt;programme&gt; visibility");
		assertThat(commandAnswer(ADMIN, "programs Nope visibility private")).contains("There is no programme called “Nope”");
		assertThat(commandAnswer(ADA, "programs KTP 2026 visibility private")).contains("only programme coordinators");
		assertThat(mongo.getCollection("programs").countDocuments()).isZero();
	}
}
