package org.fieldnotes.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.TokenScope;
import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.OwnEntries;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search through the service, on a fixture with an item of every visibility. Ada Lindqvist (KTP 2026) is followed
 * by Maja (manager), Anders (academic coach) and Beata (business coach); Carl Öberg (Mobility 2027) by Mia (manager),
 * Alva (academic coach) and Beata again. Each of Ada's items has a word of its own:
 * <ul>
 * <li>quillwort: an entry and a status update, private;</li>
 * <li>zephyrine: an entry and a status update (its blockers), confidential to the academic coach;</li>
 * <li>marmoset: an entry and a status update (its progress), shared with the coaches;</li>
 * <li>halibut: an entry shared with the whole placement;</li>
 * <li>pangolin: Anders's reply to the confidential entry; wombat: Beata's reply to the coaches' entry.</li>
 * </ul>
 */
class SearchTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String CARL = "UCARL";
	private static final List<String> WORDS = List.of("quillwort", "zephyrine", "marmoset", "halibut", "pangolin",
			"wombat");

	@Autowired
	Search search;

	@Autowired
	AccessPolicy access;

	@Autowired
	Logbook logbook;

	@Autowired
	OwnEntries ownEntries;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	Responses responses;

	@Autowired
	PromptHistory prompts;

	private String ada;
	private String carl;
	private String privateEntry;
	private String confidentialEntry;
	private String coachesEntry;
	private String placementEntry;

	@BeforeEach
	void twoPlacementsWithAnItemOfEveryVisibility() {
		ada = enrol(ADA, "2026-11-02", "2027-04-30");
		HttpResponse<String> enrolled = postJson("/api/v1/placements", placementJson(CARL, "2026-11-02", "2027-04-30")
			.replace("Ada Lindqvist", "Carl Öberg").replace("KTP 2026", "Mobility 2027")
			.replace("\"Maja Berg\", \"slackUserId\": \"UMAJA\"", "\"Mia Falk\", \"slackUserId\": \"UMIA\"")
			.replace("\"Anders Holm\", \"slackUserId\": \"UANDERS\"", "\"Alva Sund\", \"slackUserId\": \"UALVA\""));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		carl = json(enrolled.body()).get("id").asString();

		privateEntry = write(ADA, "Quillwort: thinking about quitting, honestly.", Visibility.PRIVATE);
		confidentialEntry = write(ADA, "Zephyrine tiredness, commuting four hours a day.", Visibility.CONFIDENTIAL);
		coachesEntry = write(ADA, "Marmoset design review went well.", Visibility.COACHES);
		placementEntry = write(ADA, "Halibut planning with the host team.", Visibility.PLACEMENT);
		status("Quillwort progress", "quillwort blocker", Visibility.PRIVATE, "s-private");
		status("Rig booked at last", "Zephyrine sleep", Visibility.CONFIDENTIAL, "s-confidential");
		status("Marmoset load cases agreed", "No access to the rig", Visibility.COACHES, "s-coaches");
		reply(confidentialEntry, "UANDERS", "Pangolin: shall we talk on Monday?");
		reply(coachesEntry, "UBEATA", "Wombat says well done!");
		write(CARL, "Marmoset and halibut in Carl's week too.", Visibility.COACHES);
	}

	@Test
	void eachReaderFindsExactlyTheItemsTheyMayReadAndNothingPrivateOrConfidentialToOthers() {
		Map<String, List<String>> found = new LinkedHashMap<>();
		found.put("participant", findsOfAda(member(ADA)));
		found.put("academic coach", findsOfAda(member("UANDERS")));
		found.put("business coach", findsOfAda(member("UBEATA")));
		found.put("manager", findsOfAda(member("UMAJA")));
		found.put("admin (chat)", findsOfAda(member("UADMIN1")));
		found.put("admin (API token)", findsOfAda(access.apiCaller("ops")));
		found.put("admin (read-only token)", findsOfAda(access.apiCaller("ro", TokenScope.READ_ONLY, null)));
		found.put("admin of another programme (token)",
				findsOfAda(access.apiCaller("mobility", TokenScope.ADMIN, "Mobility 2027")));
		found.put("another participant", findsOfAda(member(CARL)));
		found.put("another placement's coach", findsOfAda(member("UALVA")));
		found.put("another placement's manager", findsOfAda(member("UMIA")));
		found.put("a stranger", findsOfAda(member("UNOBODY")));

		assertThat(found).containsExactly(
				Map.entry("participant", List.of("quillwort ENTRY", "quillwort STATUS_UPDATE", "zephyrine ENTRY",
						"zephyrine STATUS_UPDATE", "marmoset ENTRY", "marmoset STATUS_UPDATE", "halibut ENTRY",
						"pangolin REPLY", "wombat REPLY")),
				Map.entry("academic coach", List.of("zephyrine ENTRY", "zephyrine STATUS_UPDATE", "marmoset ENTRY",
						"marmoset STATUS_UPDATE", "halibut ENTRY", "pangolin REPLY", "wombat REPLY")),
				Map.entry("business coach", List.of("marmoset ENTRY", "marmoset STATUS_UPDATE", "halibut ENTRY",
						"wombat REPLY")),
				Map.entry("manager", List.of("halibut ENTRY")),
				Map.entry("admin (chat)", List.of("marmoset ENTRY", "marmoset STATUS_UPDATE", "halibut ENTRY",
						"wombat REPLY")),
				Map.entry("admin (API token)", List.of("marmoset ENTRY", "marmoset STATUS_UPDATE", "halibut ENTRY",
						"wombat REPLY")),
				Map.entry("admin (read-only token)", List.of("marmoset ENTRY", "marmoset STATUS_UPDATE",
						"halibut ENTRY", "wombat REPLY")),
				Map.entry("admin of another programme (token)", List.of()),
				Map.entry("another participant", List.of()),
				Map.entry("another placement's coach", List.of()),
				Map.entry("another placement's manager", List.of()),
				Map.entry("a stranger", List.of()));
	}

	@Test
	void aHitCarriesItsPlacementParticipantDayKindAndTheRangesOfItsWordsInPlainText() {
		SearchResults results = search.find(member("UBEATA"), SearchQuery.of("MARMOSET").inPlacement(ada));

		assertThat(results.total()).isEqualTo(2);
		SearchHit update = results.hits().get(0);
		SearchHit entry = results.hits().get(1);
		assertThat(update.kind()).isEqualTo(SearchHit.Kind.STATUS_UPDATE);
		assertThat(update.status()).isEqualTo(OverallStatus.AMBER);
		assertThat(update.snippets()).extracting(Snippet::field).containsExactly(Snippet.Field.PROGRESS);
		assertThat(entry.kind()).isEqualTo(SearchHit.Kind.ENTRY);
		assertThat(entry.id()).isEqualTo(coachesEntry);
		assertThat(entry.entryId()).isEqualTo(coachesEntry);
		assertThat(entry.placementId()).isEqualTo(ada);
		assertThat(entry.program()).isEqualTo("KTP 2026");
		assertThat(entry.participant()).isEqualTo("Ada Lindqvist");
		assertThat(entry.date()).isEqualTo(LocalDate.of(2026, 12, 2));
		assertThat(entry.visibility()).isEqualTo(Visibility.COACHES);
		assertThat(entry.promptTitle()).isNull();
		Snippet snippet = entry.snippets().get(0);
		assertThat(snippet.text()).isEqualTo("Marmoset design review went well.");
		assertThat(snippet.matches()).containsExactly(new Range(0, 8));

		SearchHit reply = search.find(member("UBEATA"), SearchQuery.of("wombat")).hits().get(0);
		assertThat(reply.kind()).isEqualTo(SearchHit.Kind.REPLY);
		assertThat(reply.entryId()).isEqualTo(coachesEntry);
		assertThat(reply.responderRole()).isEqualTo(Role.BUSINESS_COACH);
		assertThat(reply.visibility()).isEqualTo(Visibility.COACHES);
		assertThat(reply.snippets().get(0).text()).isEqualTo("Wombat says well done!");
	}

	@Test
	void theTextIsReturnedAsWrittenWithRangesNeverMarkup() {
		String id = write(ADA, "<b>Bold</b> & <script>alert('marmot')</script> review", Visibility.COACHES);

		SearchHit hit = search.find(member("UBEATA"), SearchQuery.of("marmot review")).hits().get(0);

		assertThat(hit.id()).isEqualTo(id);
		Snippet snippet = hit.snippets().get(0);
		assertThat(snippet.text()).isEqualTo("<b>Bold</b> & <script>alert('marmot')</script> review");
		assertThat(snippet.matches()).extracting(r -> snippet.text().substring(r.start(), r.end()))
			.containsExactly("marmot", "review");
	}

	@Test
	void aPromptAnswerComesWithThePromptsTitleInTheReadersLanguage() {
		mongo.insert(new LogbookEntry("answer", ada, personOf(ADA), "What? Ran the fatigue rig.", EntrySource.PROMPT_REPLY,
				null, "weekly-rolfe", "entry:answer", null, null, clock.instant(), null, null, null,
				Visibility.COACHES));

		SearchHit en = search.find(member("UANDERS"), SearchQuery.of("fatigue")).hits().get(0);
		SearchHit sv = search.find(member("UANDERS"), SearchQuery.of("fatigue").in(Locale.forLanguageTag("sv")))
			.hits()
			.get(0);

		assertThat(en.kind()).isEqualTo(SearchHit.Kind.PROMPT_ANSWER);
		assertThat(en.promptTitle()).isEqualTo(prompts.prompt("weekly-rolfe").orElseThrow().title(Locale.ENGLISH))
			.isNotEqualTo("weekly-rolfe");
		assertThat(sv.promptTitle())
			.isEqualTo(prompts.prompt("weekly-rolfe").orElseThrow().title(Locale.forLanguageTag("sv")))
			.isNotEqualTo(en.promptTitle());
	}

	@Test
	void filtersByPlacementProgrammeAndTheParticipantsDays() {
		// Beata coaches both placements: both have "marmoset"
		assertThat(placementsOf(search.find(member("UBEATA"), SearchQuery.of("marmoset")))).containsOnly(ada, carl);
		assertThat(placementsOf(search.find(member("UBEATA"), SearchQuery.of("marmoset").inPlacement(carl))))
			.containsOnly(carl);
		assertThat(placementsOf(search.find(member("UBEATA"), SearchQuery.of("marmoset").inProgram("mobility 2027"))))
			.containsOnly(carl);
		assertThat(search.find(member("UBEATA"), SearchQuery.of("marmoset").inProgram("Nowhere")).total()).isZero();
		// a placement the reader does not follow is not searched, whatever the filter says
		assertThat(search.find(member("UMAJA"), SearchQuery.of("marmoset halibut").inPlacement(carl)).total()).isZero();

		// 23:30 UTC on 2 December is 00:30 on 3 December in Stockholm, Ada's calendar
		clock.set(Instant.parse("2026-12-02T23:30:00Z"));
		String late = write(ADA, "Late marmoset thoughts", Visibility.COACHES);
		clock.set(Instant.parse("2026-12-05T09:00:00Z"));
		String saturday = write(ADA, "Saturday marmoset", Visibility.COACHES);
		SearchQuery marmoset = SearchQuery.of("marmoset").inPlacement(ada);

		assertThat(ids(search.find(member("UBEATA"), marmoset.between(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3)))))
			.containsExactly(late);
		assertThat(ids(search.find(member("UBEATA"), marmoset.between(null, LocalDate.of(2026, 12, 2)))))
			.doesNotContain(late, saturday).hasSize(2);
		assertThat(ids(search.find(member("UBEATA"), marmoset.between(LocalDate.of(2026, 12, 4), null))))
			.containsExactly(saturday);
		assertThat(search.find(member("UBEATA"), marmoset.between(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3)))
			.hits().get(0).date()).isEqualTo(LocalDate.of(2026, 12, 3));
	}

	@Test
	void resultsComeNewestFirstAPageAtATime() {
		List<String> written = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			clock.advance(Duration.ofMinutes(5));
			written.add(write(ADA, "Capybara note " + i, Visibility.COACHES));
		}
		List<String> newestFirst = new ArrayList<>(written);
		java.util.Collections.reverse(newestFirst);

		SearchResults first = search.find(member("UBEATA"), SearchQuery.of("capybara").page(0, 10));
		SearchResults last = search.find(member("UBEATA"), SearchQuery.of("capybara").page(2, 10));
		SearchResults beyond = search.find(member("UBEATA"), SearchQuery.of("capybara").page(5, 10));

		assertThat(first.total()).isEqualTo(25);
		assertThat(ids(first)).isEqualTo(newestFirst.subList(0, 10));
		assertThat(first.more()).isTrue();
		assertThat(ids(last)).isEqualTo(newestFirst.subList(20, 25));
		assertThat(last.more()).isFalse();
		assertThat(beyond.hits()).isEmpty();
		assertThat(beyond.total()).isEqualTo(25);
	}

	@Test
	void anEditedEntryIsFoundByItsNewWordsAndADeletedOneNotAtAllNorTheRepliesToIt() {
		assertThat(ownEntries.edit(coachesEntry, slack(ADA), "Okapi design review went well.")).isTrue();

		assertThat(findsOfAda(member("UBEATA"))).doesNotContain("marmoset ENTRY").contains("wombat REPLY");
		assertThat(ids(search.find(member("UBEATA"), SearchQuery.of("okapi")))).containsExactly(coachesEntry);

		assertThat(ownEntries.delete(coachesEntry, slack(ADA))).isTrue();

		for (Actor reader : List.of(member(ADA), member("UBEATA"), member("UANDERS"), access.apiCaller("ops"))) {
			assertThat(search.find(reader, SearchQuery.of("okapi")).total()).isZero();
			assertThat(search.find(reader, SearchQuery.of("wombat")).total()).isZero();
		}
	}

	@Test
	void anEntryMadePrivateLeavesEveryoneElsesResultsAtOnce() {
		assertThat(logbook.changeVisibility(coachesEntry, slack(ADA), Visibility.PRIVATE, Operation.VISIBILITY_BUTTON))
			.isTrue();

		assertThat(findsOfAda(member("UBEATA"))).doesNotContain("marmoset ENTRY", "wombat REPLY");
		assertThat(findsOfAda(access.apiCaller("ops"))).doesNotContain("marmoset ENTRY", "wombat REPLY");
		assertThat(findsOfAda(member(ADA))).contains("marmoset ENTRY", "wombat REPLY");
	}

	@Test
	void aCoachWhoLeftAPlacementFindsNothingOfItAndTheirSuccessorFindsWhatTheRoleMayRead() {
		HttpResponse<String> changed = send(HttpRequest.newBuilder(uri("/api/v1/placements/" + ada))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers
				.ofString("{\"businessCoach\": {\"name\": \"Bo Ek\", \"slackUserId\": \"UBO\"}}"))
			.build());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

		assertThat(findsOfAda(member("UBEATA"))).isEmpty();
		assertThat(search.find(member("UBEATA"), SearchQuery.of("marmoset").inPlacement(ada)).total()).isZero();
		// still Carl's coach
		assertThat(placementsOf(search.find(member("UBEATA"), SearchQuery.of("marmoset")))).containsOnly(carl);
		assertThat(findsOfAda(member("UBO"))).containsExactly("marmoset ENTRY", "marmoset STATUS_UPDATE",
				"halibut ENTRY", "wombat REPLY");
	}

	@Test
	void queriesThatWouldBePatternsOrOperatorsAreSearchedForAsTheirWords() {
		String where = write(ADA, "Asked where the rig is", Visibility.COACHES);
		String operator = write(ADA, "Typed {\"$gt\": \"\"} into the tool", Visibility.COACHES);
		String many = write(ADA, "a".repeat(20_000) + "!", Visibility.COACHES);
		Actor admin = access.apiCaller("ops");
		long stored = mongo.getCollection("logbook_entries").countDocuments();

		SearchResults anything = search.find(admin, SearchQuery.of(".*"));
		assertThat(anything.noWords()).isTrue();
		assertThat(anything.hits()).isEmpty();
		assertThat(ids(search.find(admin, SearchQuery.of("$where")))).containsExactly(where);
		assertThat(ids(search.find(admin, SearchQuery.of("{\"$gt\": \"\"}")))).containsExactly(operator);
		// the word "a": every item with a word that starts with it, the 20,000 a's among them, and no other
		assertThat(ids(search.find(admin, SearchQuery.of("(a+)+$")))).contains(many, where).doesNotContain(operator);
		assertThat(search.find(admin, SearchQuery.of("{\"$ne\": null}")).total()).isZero();
		assertThat(search.find(admin, SearchQuery.of("'; db.dropDatabase(); '")).total()).isZero();
		// nothing was run against the store: every entry is still there
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isEqualTo(stored).isEqualTo(5 + 3);
	}

	@Test
	void swedishWordsAreFoundWhateverTheirCaseAndMarkedInTheOriginal() {
		String id = write(ADA, "Fick ÅTERKOPPLING på rapporten. Öppen fråga: Straße?", Visibility.COACHES);

		SearchHit hit = search.find(member("UBEATA"), SearchQuery.of("återkoppling öppen STRASSE")).hits().get(0);

		assertThat(hit.id()).isEqualTo(id);
		Snippet snippet = hit.snippets().get(0);
		assertThat(snippet.matches()).extracting(r -> snippet.text().substring(r.start(), r.end()))
			.containsExactly("ÅTERKOPPLING", "Öppen", "Straße");
		assertThat(search.find(member("UBEATA"), SearchQuery.of("aterkoppling")).total()).isZero();
		assertThat(search.find(member("UBEATA"), SearchQuery.of("aterkoppling").ignoringAccents()).total()).isEqualTo(1);
	}

	@Test
	void aQueryThatCannotBeRunNamesItsField() {
		assertThatThrownBy(() -> SearchQuery.of("x".repeat(SearchQuery.MAX_LENGTH + 1)))
			.isInstanceOfSatisfying(InvalidSearch.class, e -> assertThat(e.field()).isEqualTo("words"));
		assertThatThrownBy(() -> SearchQuery.of("x").between(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 2)))
			.isInstanceOfSatisfying(InvalidSearch.class, e -> assertThat(e.field()).isEqualTo("to"));
		assertThatThrownBy(() -> SearchQuery.of("x").page(-1, 10))
			.isInstanceOfSatisfying(InvalidSearch.class, e -> assertThat(e.field()).isEqualTo("page"));
		assertThatThrownBy(() -> SearchQuery.of("x").page(0, SearchQuery.MAX_SIZE + 1))
			.isInstanceOfSatisfying(InvalidSearch.class, e -> assertThat(e.field()).isEqualTo("size"));
	}

	/** For each of Ada's words, what the reader finds of Ada's placement: "word KIND", in the order of the words. */
	private List<String> findsOfAda(Actor reader) {
		List<String> found = new ArrayList<>();
		for (String word : WORDS) {
			SearchResults results = search.find(reader, SearchQuery.of(word));
			results.hits().stream()
				.filter(h -> h.placementId().equals(ada))
				.map(h -> word + " " + h.kind())
				.sorted()
				.forEach(found::add);
		}
		return found;
	}

	private Actor member(String memberId) {
		return access.member(slack(memberId));
	}

	private String write(String memberId, String text, Visibility visibility) {
		clock.advance(Duration.ofMinutes(1));
		return logbook.write(slack(memberId), text, visibility).id();
	}

	private void status(String progress, String blockers, Visibility visibility, String key) {
		clock.advance(Duration.ofMinutes(1));
		StatusUpdates.Submitted submitted = statusUpdates.submit(slack(ADA),
				new StatusUpdates.Report(OverallStatus.AMBER, progress, blockers, 3), null, key, visibility);
		assertThat(submitted.update()).isNotNull();
	}

	private void reply(String entryId, String memberId, String text) {
		clock.advance(Duration.ofMinutes(1));
		assertThat(responses.reply(entryId, slack(memberId), text, "form-" + entryId).accepted()).isTrue();
	}

	private static List<String> ids(SearchResults results) {
		return results.hits().stream().map(SearchHit::id).toList();
	}

	private static List<String> placementsOf(SearchResults results) {
		return results.hits().stream().map(SearchHit::placementId).distinct().toList();
	}
}
