package org.fieldnotes.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.digest.attention.Attention;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placements;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * My placements and the timeline, for every role around P and for a coach of another placement, an admin and
 * someone who follows nothing: each sees the placements they follow with the digest's figures and flags, and on a
 * timeline exactly the items {@code READ_ITEM} lets them read (a private entry only its author, a confidential one
 * only the academic coach besides), escaped; anyone else gets 404.
 */
class PortalPagesTests extends PortalTest {

	private static final String ESCAPED = "Bench test booked &lt;b&gt;for Friday&lt;/b&gt; &amp; the rig is ${7*7} ready";

	@Autowired
	Attention attention;

	@Autowired
	Placements placementStore;

	@BeforeEach
	void twoPlacements() {
		placements();
	}

	@Test
	void theAcademicCoachSeesTheirPlacementWithItsFiguresAndReadsSharedAndConfidentialButNotPrivate() {
		HttpResponse<String> prompt = postJson("/api/v1/placements/" + p + "/send-prompt", "");
		assertThat(prompt.statusCode()).as(prompt.body()).isEqualTo(202);
		PortalClient anders = signedIn(ANDERS);

		String home = anders.page(PortalController.HOME);
		assertThat(home).contains("My placements").contains("Anders Holm").contains("data-placement=\"" + p + "\"")
			.doesNotContain("data-placement=\"" + p2 + "\"").doesNotContain("Bruno")
			.contains("academic coach").contains("week 5 of 26")
			.contains("answered 0/1 (0%), this week 0/1")
			.contains("🟠 amber")
			.contains(">2 Dec 2026<");

		String timeline = anders.page("/portal/placements/" + p);
		assertThat(timeline).contains(ESCAPED).contains("Confidential: sleeping badly").contains(PROGRESS)
			.contains("status 🟠 amber, mood 4/5").contains("not answered yet")
			.doesNotContain(PRIVATE).doesNotContain(BRUNOS).doesNotContain("<b>for Friday</b>").doesNotContain("the rig is 49");
		assertThat(timeline).contains("data-week=\"5\"").contains("Week 5 · 30 Nov – 6 Dec");
	}

	@Test
	void theBusinessCoachReadsInSwedishWhatIsSharedWithThemAndNothingConfidentialOrPrivate() {
		PortalClient beata = signedIn(BEATA);

		String home = beata.page(PortalController.HOME);
		assertThat(home).contains("Mina placeringar").contains("lang=\"sv\"").contains("data-placement=\"" + p + "\"");

		String timeline = beata.page("/portal/placements/" + p);
		assertThat(timeline).contains(ESCAPED).contains(PROGRESS).contains("Anteckning")
			.doesNotContain(CONFIDENTIAL).doesNotContain(PRIVATE).doesNotContain(BRUNOS);
	}

	@Test
	void theManagerSeesTheirPlacementButNoneOfWhatIsSharedWithTheCoachesOnly() {
		PortalClient maja = signedIn(MAJA);

		assertThat(maja.page(PortalController.HOME)).contains("data-placement=\"" + p + "\"").contains("manager");
		String timeline = maja.page("/portal/placements/" + p);
		assertThat(timeline).contains("Ada Lindqvist")
			.doesNotContain("Bench test").doesNotContain(PROGRESS).doesNotContain(CONFIDENTIAL).doesNotContain(PRIVATE);
	}

	@Test
	void theParticipantFindsTheirOwnPlacementAndReadsAllTheyWrote() {
		PortalClient ada = signedIn(ADA);

		String home = ada.page(PortalController.HOME);
		assertThat(home).contains("data-test=\"own-link\"").contains("/portal/placements/" + p)
			.doesNotContain("data-test=\"followed\"");
		String timeline = ada.page("/portal/placements/" + p);
		assertThat(timeline).contains(ESCAPED).contains(PRIVATE).contains(CONFIDENTIAL).doesNotContain(BRUNOS);
		assertThat(ada.get("/portal/placements/" + p2).statusCode()).isEqualTo(404);
	}

	@Test
	void aCoachOfAnotherPlacementSeesOnlyTheirOwnAndGetsNotFoundForAdas() {
		PortalClient carl = signedIn(CARL);

		assertThat(carl.page(PortalController.HOME)).contains("data-placement=\"" + p2 + "\"")
			.doesNotContain("data-placement=\"" + p + "\"").doesNotContain("Ada Lindqvist");
		HttpResponse<String> adas = carl.get("/portal/placements/" + p);
		assertThat(adas.statusCode()).isEqualTo(404);
		assertThat(adas.body()).doesNotContain("Ada").doesNotContain("Bench test");
		assertThat(carl.get("/portal/placements/no-such-placement").statusCode()).isEqualTo(404);
		assertThat(carl.page("/portal/placements/" + p2)).contains(BRUNOS);
	}

	@Test
	void anAdminReadsWhatIsSharedWithCoordinatorsAndIsToldTheCohortPageIsToCome() {
		Person ola = people.ensure(Accounts.slack("UADMIN1"));
		people.save(ola.withEmailFirst("ola@uni.example").withDetails("Ola Admin", "Europe/Stockholm", "en", null,
				clock.instant()));
		PortalClient admin = signedIn("ola@uni.example");

		assertThat(admin.page(PortalController.HOME)).contains("data-test=\"cohort\"").contains("is coming to the portal");
		String timeline = admin.page("/portal/placements/" + p);
		assertThat(timeline).contains(ESCAPED).contains(PROGRESS).doesNotContain(CONFIDENTIAL).doesNotContain(PRIVATE);
	}

	@Test
	void someoneWhoFollowsNothingIsToldSoAndGetsNotFoundEverywhere() {
		people.save(new Person(PersonId.random(), "Eve Outsider", List.of(), List.of("eve@example.org"), null, "en", null));
		PortalClient eve = signedIn("eve@example.org");

		assertThat(eve.page(PortalController.HOME)).contains("data-test=\"nothing\"").doesNotContain("Ada");
		for (String id : List.of(p, p2)) {
			assertThat(eve.get("/portal/placements/" + id).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void theFlagsAreTheDigestsOwnWords() {
		clock.advance(Duration.ofDays(16));
		PortalClient anders = signedIn(ANDERS);

		String home = anders.page(PortalController.HOME);
		List<String> digest = attention.flagsFor(placementStore.findById(p).orElseThrow()).stream()
			.map(flag -> attention.describe(List.of(flag), Locale.ENGLISH)).toList();
		assertThat(digest).as("the fixture is flagged").isNotEmpty();
		for (String flag : digest) {
			assertThat(home).contains("<li>" + flag.replace("&", "&amp;") + "</li>");
		}
	}

	@Test
	void someoneErasedMeanwhileIsSignedOut() {
		PortalClient carl = signedIn(CARL);
		mongo.getCollection("people").deleteOne(new org.bson.Document("_id", personOf("UCARL")));

		HttpResponse<String> home = carl.get(PortalController.HOME);
		assertThat(home.statusCode()).isEqualTo(303);
		assertThat(PortalClient.location(home)).isEqualTo(SignInController.PAGE);
		assertThat(carl.get(PortalController.HOME).statusCode()).as("the session ended").isEqualTo(302);
	}
}
