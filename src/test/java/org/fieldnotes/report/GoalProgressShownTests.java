package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.goals.GoalProgress;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.RecordingMessenger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Goal progress where it is shown: Ada said in October (a note confidential to the academic coach), November (a
 * note for the coaches) and December (a private note) which goals moved. {@code /fieldnotes goals} shows her each goal
 * with the months it moved and its newest note; her portfolio lists them with her notes of the period she chose;
 * each reader's steering brief shows the months to everyone and only the notes that reader may read (a private note
 * never); the admin API's brief likewise; the end report's draft has the notes she may share with the manager; her
 * export has the notes, an admin's counts them; erasure and the retention sweep delete the months.
 */
class GoalProgressShownTests extends ReportFixture {

	static final String REVIEW = "Run a design review on my own";
	static final String SUPPLIERS = "Understand the composite supplier chain";
	static final String CONFIDENTIAL_NOTE = "CONFNOTE anxious before the review";
	static final String COACHES_NOTE = "COACHNOTE shadowed Lena's review";
	static final String PRIVATE_NOTE = "PRIVNOTE led it, badly";

	@Autowired
	SteeringBriefs briefs;

	@Autowired
	BriefMessage messages;

	@Autowired
	Portfolios portfolios;

	@Autowired
	AccessPolicy access;

	@Autowired
	org.fieldnotes.endreport.EndReports endReports;

	@Autowired
	org.fieldnotes.privacy.PersonalDataExport exports;

	@Autowired
	org.fieldnotes.privacy.Subjects subjects;

	@Autowired
	org.fieldnotes.placement.PlacementManagement placementManagement;

	private org.fieldnotes.placement.Placement placement() {
		return placementManagement.get(placementId);
	}

	@BeforeEach
	void createIt() {
		createPlacement();
		month("2026-10", Visibility.CONFIDENTIAL, false, CONFIDENTIAL_NOTE, false);
		month("2026-11", Visibility.COACHES, true, COACHES_NOTE, false);
		month("2026-12", Visibility.PRIVATE, true, PRIVATE_NOTE, true);
	}

	private void month(String month, Visibility visibility, boolean reviewMoved, String note, boolean suppliersMoved) {
		mongo.save(new GoalProgress(placementId + "/" + month, placementId, ada, month,
				Instant.parse(month + "-05T10:00:00Z"), visibility,
				List.of(new GoalProgress.Goal(0, REVIEW, reviewMoved, note),
						new GoalProgress.Goal(1, SUPPLIERS, suppliersMoved, null))));
	}

	@Test
	void theParticipantSeesEachGoalWithTheMonthsItMovedAndItsNewestNote() {
		String answer = commandAnswer("UADA", "goals");

		assertThat(answer).contains(REVIEW + " — moved in Nov 2026, Dec 2026 — note (Dec 2026): " + PRIVATE_NOTE)
			.contains(SUPPLIERS + " — moved in Dec 2026")
			.doesNotContain(COACHES_NOTE);
	}

	@Test
	void thePortfolioListsProgressPerGoalWithTheParticipantsNotesOfThePeriodChosen() {
		Portfolio portfolio = portfolios.of(Accounts.slack("UADA"), PortfolioChoice.all(), Locale.ENGLISH).orElseThrow();

		assertThat(portfolio.goals()).containsExactly(
				REVIEW + " — moved in Nov 2026, Dec 2026 — note (Oct 2026): " + CONFIDENTIAL_NOTE
						+ " — note (Nov 2026): " + COACHES_NOTE + " — note (Dec 2026): " + PRIVATE_NOTE,
				SUPPLIERS + " — moved in Dec 2026");
		// a period chosen up to November: the months moved stay, December's note is left out like its items
		Portfolio november = portfolios.of(Accounts.slack("UADA"), new PortfolioChoice(null,
				java.time.LocalDate.parse("2026-11-30"), java.util.EnumSet.allOf(PortfolioPart.class), null),
				Locale.ENGLISH).orElseThrow();
		assertThat(november.goals().get(0)).endsWith("— note (Nov 2026): " + COACHES_NOTE).doesNotContain(PRIVATE_NOTE);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "academic_coach, UANDERS, true, true", "business_coach, UBEATA, false, true",
			"manager, UMAJA, false, false" })
	void eachReaderOfTheBriefSeesTheMonthsAndOnlyTheNotesTheyMayRead(String role, String member,
			boolean confidential, boolean coaches) {
		Actor reader = access.member(Accounts.slack(member));
		SteeringBrief brief = briefs.generate(reader, briefs.readerRole(reader, placement()).orElseThrow(),
				placement(), null, Locale.ENGLISH);
		String words = RecordingMessenger.words(messages.of(brief, Locale.ENGLISH));

		assertThat(brief.reader()).isEqualTo(role);
		assertThat(words).contains(REVIEW + " — moved in Nov 2026, Dec 2026", SUPPLIERS + " — moved in Dec 2026")
			.doesNotContain(PRIVATE_NOTE);
		assertThat(words.contains(CONFIDENTIAL_NOTE)).as("the confidential note").isEqualTo(confidential);
		assertThat(words.contains(COACHES_NOTE)).as("the note for the coaches").isEqualTo(coaches);
	}

	@Test
	void theAdminApisBriefShowsTheMonthsAndTheNotesSharedWithTheCoachesOnly() {
		HttpResponse<String> response = get("/api/v1/placements/" + placementId + "/brief");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode goals = json(response.body()).get("goals");
		assertThat(goals.get(0).asString())
			.isEqualTo(REVIEW + " — moved in Nov 2026, Dec 2026 — note (Nov 2026): " + COACHES_NOTE);
		assertThat(response.body()).doesNotContain(PRIVATE_NOTE, CONFIDENTIAL_NOTE);
	}

	@Test
	void theParticipantsExportHasTheNotesAnAdminsCountsThemWithoutThemAndErasureDeletesTheMonths() {
		java.util.Map<String, Object> own = exports.export(subjects.of(Accounts.slack("UADA")),
				org.fieldnotes.personaldata.PersonalData.Reader.SUBJECT);
		assertThat(new String(exports.json(own), java.nio.charset.StandardCharsets.UTF_8)).contains("goal_progress",
				PRIVATE_NOTE, COACHES_NOTE, CONFIDENTIAL_NOTE);
		HttpResponse<String> admins = get("/api/v1/people/UADA/export");
		assertThat(admins.statusCode()).isEqualTo(200);
		assertThat(admins.body()).contains("goal_progress", REVIEW).doesNotContain(PRIVATE_NOTE, COACHES_NOTE,
				CONFIDENTIAL_NOTE);
		assertThat(admins.body()).contains("\"notes\"");

		assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/people/UADA"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build()).statusCode()).isEqualTo(200);

		assertThat(mongo.getCollection("goal_progress").countDocuments()).isZero();
	}

	@Test
	void theRetentionSweepDeletesAPlacementsGoalProgressWithItsLogbook() {
		clock.set(Instant.parse("2028-06-01T10:00:00Z"));

		HttpResponse<String> swept = postJson("/api/v1/retention:sweep", "");

		assertThat(swept.statusCode()).as(swept.body()).isBetween(200, 299);
		assertThat(mongo.getCollection("goal_progress").countDocuments()).isZero();
	}

	@Test
	void theEndReportsDraftHasEachGoalWithItsMonthsAndOnlyTheNotesSheMayShareWithTheManager() {
		String goals = endReports.currentOrDraft(placement(), Locale.ENGLISH).sections().goals();

		assertThat(goals).isEqualTo("• " + REVIEW + " — moved in Nov 2026, Dec 2026 — note (Nov 2026): " + COACHES_NOTE
				+ ": \n\n• " + SUPPLIERS + " — moved in Dec 2026:");
	}
}
