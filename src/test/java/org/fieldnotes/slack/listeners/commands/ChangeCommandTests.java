package org.fieldnotes.slack.listeners.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.time.Instant;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * {@code /fieldnotes change @person key:value…} over signed requests to /slack/events: only the keys given change,
 * {@code -} removes a coach, people are looked up in Slack as for {@code enroll}, every problem is answered on its own
 * line in the admin's language with nothing changed, only admins may, and everyone affected is told.
 */
class ChangeCommandTests extends IntegrationTest {

	private static final String ADMIN = "UADMIN1";

	@Test
	void theKeysGivenChangeAndTheOthersStay() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");

		String answer = commandAnswer(ADMIN,
				"change <@UADA|ada> end:2027-08-31 business-coach:<@UBO|bo> academic-coach:- schedule:monday@09:00");

		assertThat(answer).contains("Changed the placement of Ada Lindqvist at Scania: end date, academic coach, "
				+ "business coach, prompt day and time. Everyone affected is told.");
		Document stored = placement(id);
		assertThat(stored.get("endDate").toString()).contains("2027");
		assertThat(stored.get("academicCoach")).isNull();
		assertThat(stored.getString("businessCoach")).isEqualTo(personOf("UBO"));
		assertThat(((Document) stored.get("schedule")).getString("dayOfWeek")).isEqualTo("MONDAY");
		assertThat(stored.getString("hostOrganisation")).isEqualTo("Scania");
		assertThat(stored.getString("manager")).isEqualTo(personOf("UMAJA"));
		Document audit = mongo.getCollection("audit").find(new Document("action", "placement-change")).first();
		assertThat(audit.getString("outcome")).isEqualTo("done");
		assertThat(audit.getString("actor")).isNotEqualTo("api");
		assertThat(audit.getString("detail")).isEqualTo(
				"changed: endDate 2027-04-30→2027-08-31, academicCoach, businessCoach, schedule FRIDAY 14:00→MONDAY 09:00");

		drainOutbox();
		assertThat(sent().messagesTo(slack("UBO"))).singleElement()
			.satisfies(m -> assertThat(words(m)).contains("You now follow the placement of Ada Lindqvist"));
		assertThat(sent().messagesTo(slack("UANDERS"))).singleElement()
			.satisfies(m -> assertThat(words(m)).contains("Du följer inte längre placeringen för Ada Lindqvist"));
	}

	@Test
	void everyProblemIsAnsweredAndNothingChanges() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		Document before = placement(id);

		String answer = commandAnswer(ADMIN, "change <@UADA|ada> start:2027-06-01 tz:Mars/Base day:funday");

		assertThat(answer).contains("⚠ The end date (30 Apr 2027) is before the start date (1 Jun 2027).")
			.contains("⚠ The time zone \"Mars/Base\" is not a time zone I know.")
			.contains("⚠ The prompt day \"funday\" is not a day of the week")
			.contains("Usage: /fieldnotes change @person");
		assertThat(placement(id)).isEqualTo(before);
		assertThat(mongo.getCollection("audit").find(new Document("action", "placement-change")).first()
			.getString("outcome")).isEqualTo("refused");
	}

	@Test
	void anEndedPlacementIsFoundAndReopened() {
		String id = enrol("UADA", "2026-11-02", "2026-12-11");
		commandAnswer(ADMIN, "end <@UADA|ada>");
		assertThat(placement(id).getString("status")).isEqualTo("ENDED");
		clock.set(Instant.parse("2027-01-05T10:00:00Z"));

		String answer = commandAnswer(ADMIN, "change <@UADA|ada> end:2027-03-31");

		assertThat(answer).contains("end date, active again");
		assertThat(placement(id).getString("status")).isEqualTo("ACTIVE");
	}

	@Test
	void withoutAPersonOrAnythingToChangeItSaysWhatToDo() {
		enrol("UADA", "2026-11-02", "2027-04-30");

		assertThat(commandAnswer(ADMIN, "change end:2027-08-31")).contains("Usage: /fieldnotes change @person");
		// "change @person" alone opens the change form on Slack (ChangeFormTests); a line with a problem still answers
		assertThat(commandAnswer(ADMIN, "change <@UADA|ada> bogus")).contains("I don't understand \"bogus\" here");
		assertThat(commandAnswer(ADMIN, "change <@UADA|ada> manager:-")).contains("manager can't be removed");
		assertThat(commandAnswer(ADMIN, "change <@UNOBODY|x> end:2027-08-31")).contains("That person has no current placement");
	}

	@Test
	void onlyAnAdminMayAndTheHelpShowsItToAdminsOnly() {
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		Document before = placement(id);

		String refused = json(slashCommand("UBEATA", "change <@UADA|ada> end:2027-08-31").body()).get("text")
			.asString();

		assertThat(refused).startsWith("Sorry, only programme coordinators (admins) can do that.");
		assertThat(placement(id)).isEqualTo(before);
		assertThat(commandAnswer(ADMIN, "help")).contains("/fieldnotes change @person");
		assertThat(slashCommand("UBEATA", "help").body()).doesNotContain("/fieldnotes change");
	}

	private Document placement(String id) {
		return mongo.getCollection("placements").find(new Document("_id", id)).first();
	}
}
