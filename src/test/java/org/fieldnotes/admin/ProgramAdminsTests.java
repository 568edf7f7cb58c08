package org.fieldnotes.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.personId;
import static org.fieldnotes.support.Accounts.slack;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.digest.CohortDigests;
import org.fieldnotes.people.People;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.RecordingMessenger;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Programme coordinators: an admin limited to programmes ({@code admin add @p program:"KTP 2026"}) sees and acts on
 * only those, on every surface (list, programs, enrol, pause, audit, the cohort digest), is refused the commands
 * that concern every programme, and is told so in their language. Ada is in KTP 2026, Bo in Thesis abroad; Cora
 * coordinates KTP 2026.
 */
class ProgramAdminsTests extends IntegrationTest {

	private static final String ADMIN = "UADMIN1";
	private static final String CORA = "UCORA";

	@Autowired
	CohortDigests cohort;

	@Autowired
	People people;

	@Autowired
	PlacementManagement placements;

	@Autowired
	AdminDirectory admins;

	private String ada;
	private String bo;

	@BeforeEach
	void twoProgrammesAndACoordinatorOfOne() {
		ada = enrol("UADA", "2026-11-02", "2027-04-30");
		bo = json(postJson("/api/v1/placements", placementJson("UBO", "2026-11-02", "2027-04-30")
			.replace("Ada Lindqvist", "Bo Ek").replace("KTP 2026", "Thesis abroad")).body()).get("id").asString();
		member(CORA, "Cora Lund", "en-GB");
		member("UEVA", "Eva Berg", "en-GB");
		member("UMAJA", "Maja Berg", "en-GB");
		assertThat(commandAnswer(ADMIN, "admin add <@UCORA|cora> program:\"KTP 2026\""))
			.contains("Cora Lund is now an admin of KTP 2026: they see and act on only these programmes.");
	}

	@Test
	void theCoordinatorIsStoredWithTheirProgrammeAndMoreCanBeAdded() {
		assertThat(admins.programsOf(personId(people, CORA))).containsExactly("ktp 2026");
		assertThat(audit("admin-add")).extracting(a -> a.getString("detail")).containsExactly("programmes: KTP 2026");

		assertThat(commandAnswer(ADMIN, "admin add <@UCORA|cora> program:“Thesis abroad”"))
			.contains("Cora Lund now also coordinates Thesis abroad.");
		assertThat(admins.programsOf(personId(people, CORA))).containsExactlyInAnyOrder("ktp 2026", "thesis abroad");
		// an admin of every programme is not narrowed by naming a programme
		member("UBEN", "Ben Ek", "en-GB");
		commandAnswer(ADMIN, "admin add <@UBEN|ben>");
		assertThat(commandAnswer(ADMIN, "admin add <@UBEN|ben> program:KTP")).contains("Ben Ek is already an admin.");
		assertThat(admins.programsOf(personId(people, "UBEN"))).isEmpty();
	}

	@Test
	void listAndProgramsShowOnlyTheirProgramme() {
		String list = commandAnswer(CORA, "list");
		String other = commandAnswer(CORA, "list \"Thesis abroad\"");
		String programs = commandAnswer(CORA, "programs");

		assertThat(list).contains("Ada Lindqvist").doesNotContain("Bo Ek");
		assertThat(other).doesNotContain("Bo Ek");
		assertThat(programs).contains("KTP 2026").doesNotContain("Thesis abroad");
		assertThat(commandAnswer(ADMIN, "list")).as("an admin of every programme").contains("Ada Lindqvist", "Bo Ek");
	}

	@Test
	void anotherProgrammesSettingsAreRefusedInTheirLanguage() {
		commands(CORA, "language sv");

		String visibility = commandAnswer(CORA, "programs \"Thesis abroad\" visibility private");
		String cadence = commandAnswer(CORA, "programs Thesis abroad cadence monthly");
		String own = commandAnswer(CORA, "programs KTP 2026 cadence monthly");

		assertThat(visibility).contains("Den placeringen eller det programmet samordnar inte du. Dina program: ktp 2026.");
		assertThat(cadence).contains("samordnar inte du");
		assertThat(own).contains("✅ KTP 2026: frågorna går nu ut en gång i månaden");
		assertThat(mongo.getCollection("programs").find(new Document("_id", "thesis abroad")).first()).isNull();
	}

	@Test
	void theyEnrolOnlyIntoTheirProgramme() {
		long before = mongo.getCollection("placements").countDocuments();

		String refused = commandAnswer(CORA, "enroll <@UEVA|eva> program:\"Thesis abroad\" host:Volvo start:2026-12-07 "
				+ "end:2027-05-31 manager:<@UMAJA|maja>");

		assertThat(refused).contains("“Thesis abroad” isn't one of the programmes you coordinate (ktp 2026)");
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(before);

		String enrolled = commandAnswer(CORA, "enroll <@UEVA|eva> program:\"KTP 2026\" host:Volvo start:2026-12-07 "
				+ "end:2027-05-31 manager:<@UMAJA|maja>");

		assertThat(enrolled).contains("✅ Enrolled Eva Berg in KTP 2026");
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(before + 1);
	}

	@Test
	void theyPauseOnlyTheirProgrammesPlacementsAndTheAuditShowsOnlyThose() {
		commandAnswer(ADMIN, "pause <@UBO|bo>");

		String refused = commandAnswer(CORA, "resume <@UBO|bo>");
		String paused = commandAnswer(CORA, "pause <@UADA|ada>");
		String audit = commandAnswer(CORA, "audit");

		assertThat(refused).contains("That placement or programme isn't one you coordinate. Your programmes: ktp 2026.");
		assertThat(placements.get(bo).getStatus()).isEqualTo(PlacementStatus.PAUSED);
		assertThat(paused).contains("Ada Lindqvist");
		assertThat(placements.get(ada).getStatus()).isEqualTo(PlacementStatus.PAUSED);
		assertThat(audit).contains("placement " + ada).doesNotContain(bo).doesNotContain("admin-add");
		assertThat(commandAnswer(ADMIN, "audit")).as("an admin of every programme").contains(bo);
	}

	@Test
	void theyChangeAndCloseOnlyTheirProgrammes() {
		String otherPlacement = commandAnswer(CORA, "change <@UBO|bo> end:2027-06-30");
		String moveOut = commandAnswer(CORA, "change <@UADA|ada> program:\"Thesis abroad\"");
		String closeOther = commandAnswer(CORA, "pause program:\"Thesis abroad\" from:2027-07-06 to:2027-07-31");
		String closeEvery = commandAnswer(CORA, "pause from:2027-07-06 to:2027-07-31");
		String reopenEvery = commandAnswer(CORA, "resume program:\"Thesis abroad\"");

		assertThat(otherPlacement).contains("isn't one of the programmes you coordinate (ktp 2026)");
		assertThat(moveOut).contains("“Thesis abroad” isn't one of the programmes you coordinate (ktp 2026)");
		assertThat(placements.get(bo).getEndDate()).hasToString("2027-04-30");
		assertThat(placements.get(ada).getProgram()).isEqualTo("KTP 2026");
		assertThat(List.of(closeOther, closeEvery, reopenEvery)).allSatisfy(answer -> assertThat(answer)
			.contains("That placement or programme isn't one you coordinate. Your programmes: ktp 2026."));
		assertThat(mongo.getCollection("closures").countDocuments()).isZero();

		// their own programme they change and close
		assertThat(commandAnswer(CORA, "change <@UADA|ada> end:2027-06-30")).contains("Changed the placement of");
		assertThat(commandAnswer(CORA, "pause program:\"KTP 2026\" from:2027-07-06 to:2027-07-31")).contains("Closed");
		assertThat(mongo.getCollection("closures").countDocuments()).isEqualTo(1);
	}

	@Test
	void theyHaveTheBriefsOfTheirProgrammeOnly() {
		String other = commandAnswer(CORA, "brief <@UBO|bo>");
		String own = commandAnswer(CORA, "brief <@UADA|ada>");

		assertThat(other).doesNotContain("Steering").doesNotContain("Thesis abroad");
		assertThat(own).contains("Ada Lindqvist");
		assertThat(mongo.getCollection("briefs").countDocuments(new Document("placementId", bo))).isZero();
		assertThat(commandAnswer(ADMIN, "brief <@UBO|bo>")).as("an admin of every programme").contains("Bo Ek");
	}

	@Test
	void commandsForEveryProgrammeAreRefused() {
		for (String command : List.of("who-is-quiet", "admin add <@UEVA|eva>", "erase <@UBO|bo>",
				"digest preview <@UBO|bo>")) {
			assertThat(commandAnswer(CORA, command)).as(command)
				.contains("only an admin of every programme can do that");
		}
		assertThat(admins.isAdmin(slack("UEVA"))).isFalse();
	}

	@Test
	void theirCohortDigestHoldsOnlyTheirProgrammesPlacements() {
		String theirs = RecordingMessenger.words(cohort.preview(personId(people, CORA)).orElseThrow());
		String everyone = RecordingMessenger.words(cohort.preview(personId(people, ADMIN)).orElseThrow());

		assertThat(theirs).contains("Ada Lindqvist").doesNotContain("Bo Ek").doesNotContain("Thesis abroad");
		assertThat(everyone).contains("Ada Lindqvist", "Bo Ek");
	}

	private void commands(String member, String text) {
		commandAnswer(member, text);
	}

	private List<Document> audit(String action) {
		return mongo.getCollection("audit").find(new Document("action", action)).sort(new Document("_id", 1))
			.into(new ArrayList<>());
	}

	/** users.info for one member. */
	private static void member(String id, String name, String locale) {
		SlackStub.server().stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + id))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"name\":\"x\",\"real_name\":\"" + name
						+ "\",\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"locale\":\"" + locale
						+ "\",\"profile\":{\"real_name\":\"" + name + "\",\"email\":\"" + id.toLowerCase()
						+ "@example.org\"}}}")));
	}
}
