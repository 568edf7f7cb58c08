package org.fieldnotes.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.fieldnotes.people.Person;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search page ({@code GET /portal/search}) for each role around P, a coach of another placement and an admin:
 * each finds exactly what they may read (a private entry only its author, a confidential one only the academic coach
 * besides), the words marked and everything else escaped; filters and bad input are answered on the page.
 */
class PortalSearchTests extends PortalTest {

	private static final String MARKED_SHARED = "<mark>Bench</mark> test booked &lt;b&gt;for Friday&lt;/b&gt; &amp; the "
			+ "rig is ${7*7} ready";

	@BeforeEach
	void twoPlacements() {
		placements();
	}

	private static String search(PortalClient client, String query) {
		return client.page("/portal/search?q=" + PortalClient.enc(query));
	}

	@Test
	void theAcademicCoachFindsSharedAndConfidentialWordsMarkedAndEscapedButNeverThePrivateOnes() {
		PortalClient anders = signedIn(ANDERS);

		assertThat(anders.page(PortalController.HOME)).contains("href=\"/portal/search\"");
		String bench = search(anders, "bench");
		assertThat(bench).contains("1 found").contains(MARKED_SHARED).contains("Ada Lindqvist")
			.contains("href=\"/portal/placements/" + p + "#item-")
			.doesNotContain("<b>for Friday</b>").doesNotContain("the rig is 49");
		assertThat(search(anders, "SLEEPING")).contains("1 found").contains("Confidential: <mark>sleeping</mark> badly");
		assertThat(search(anders, "doubt")).contains("Nothing found").doesNotContain(PRIVATE);
		assertThat(search(anders, "assembled")).contains("Status update").contains("Rig <mark>assembled</mark>");
		assertThat(search(anders, "gearbox")).as("another placement's entry").contains("Nothing found");
		// a placement that is not theirs as a filter: nothing, not an error
		assertThat(anders.page("/portal/search?q=gearbox&placement=" + p2)).contains("Nothing found");
	}

	@Test
	void theBusinessCoachManagerAndAdminFindNothingConfidentialOrPrivate() {
		PortalClient beata = signedIn(BEATA);
		assertThat(search(beata, "bench")).contains("lang=\"sv\"").contains("1 träff").contains(MARKED_SHARED);
		assertThat(search(beata, "sleeping")).contains("Inget hittades").doesNotContain(CONFIDENTIAL);
		assertThat(search(beata, "doubt")).doesNotContain(PRIVATE);

		PortalClient maja = signedIn(MAJA);
		// shared with the coaches only: the manager reads none of it
		assertThat(search(maja, "bench")).contains("Nothing found").doesNotContain("Bench test");

		Person ola = people.ensure(Accounts.slack("UADMIN1"));
		people.save(ola.withEmailFirst("ola@uni.example").withDetails("Ola Admin", "Europe/Stockholm", "en", null,
				clock.instant()));
		PortalClient admin = signedIn("ola@uni.example");
		assertThat(search(admin, "bench")).contains(MARKED_SHARED);
		assertThat(search(admin, "gearbox")).contains("Bruno Sandberg");
		assertThat(search(admin, "sleeping")).contains("Nothing found").doesNotContain(CONFIDENTIAL);
		assertThat(search(admin, "doubt")).contains("Nothing found").doesNotContain(PRIVATE);
	}

	@Test
	void theParticipantFindsTheirOwnPrivateEntryAndACoachOfAnotherPlacementOnlyTheirs() {
		PortalClient ada = signedIn(ADA);
		assertThat(search(ada, "doubt")).contains("1 found").contains("Private: I <mark>doubt</mark> I want this job");

		PortalClient carl = signedIn(CARL);
		assertThat(search(carl, "gearbox")).contains("1 found").contains("Bruno Sandberg");
		assertThat(search(carl, "bench")).contains("Nothing found").doesNotContain("Bench test");
	}

	@Test
	void badInputIsAnsweredOnThePageAndQueriesAreOnlyWords() {
		PortalClient anders = signedIn(ANDERS);

		HttpResponse<String> badDay = anders.get("/portal/search?q=bench&from=2026-13-01");
		assertThat(badDay.statusCode()).isEqualTo(400);
		assertThat(badDay.body()).contains("Write the first day as a date").contains("aria-invalid=\"true\"");
		HttpResponse<String> backwards = anders.get("/portal/search?q=bench&from=2026-12-05&to=2026-12-01");
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("not before the first");
		assertThat(search(anders, "!!! ???")).contains("Type a word to look for.");
		// the words in a query, never a pattern or an operator ("(a+)+$" is the word "a": it finds "assembled")
		assertThat(search(anders, "{\"$gt\": \"\"}")).contains("Nothing found");
		assertThat(search(anders, "$where")).contains("Nothing found");
		assertThat(search(anders, ".*")).contains("Type a word to look for.");
		assertThat(search(anders, "(a+)+$")).contains("Rig <mark>a</mark>ssembled").doesNotContain(PRIVATE);
		// the days the placement ran: today's entries are found from today, not before
		assertThat(anders.page("/portal/search?q=bench&from=2026-12-02&to=2026-12-02")).contains("1 found");
		assertThat(anders.page("/portal/search?q=bench&to=2026-12-01")).contains("Nothing found");
		assertThat(anders.page("/portal/search?q=bench&program=Other")).contains("Nothing found");
	}

	@Test
	void aStrangerIsSentToSignIn() {
		HttpResponse<String> response = new PortalClient(port).get("/portal/search?q=bench");
		assertThat(response.statusCode()).isIn(302, 303);
		assertThat(PortalClient.location(response)).contains("/portal/sign-in");
	}
}
