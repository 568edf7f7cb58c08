package org.fieldnotes.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptButtons;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.RecordingMessenger;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo placement: enrolled as an admin's would be, four people with web accounts in the visitor's zone and
 * language, marked; capped; expiring; its prompt and digests sent on request the normal way, each reader seeing what
 * their role may; removed by API or command through the erasure, leaving nothing of a demo person and everything of
 * everyone else. Slack is configured here, so {@code FIELDNOTES_DEMO=true} is what turns the demo on.
 */
@TestPropertySource(properties = { "fieldnotes.demo.enabled=true", "fieldnotes.demo.max=3",
		"fieldnotes.demo.ttl=PT24H" })
class DemoTests extends IntegrationTest {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	@Autowired
	Demos demos;

	@Autowired
	DemoRemoval removal;

	@Autowired
	PlacementManagement placements;

	@Autowired
	Logbook logbook;

	@Autowired
	MessageSource messages;

	@Autowired
	Scheduler quartz;

	@Test
	void startEnrolsFourPeopleWithWebAccountsInTheVisitorsZoneAndLanguageMarkedAsDemo() {
		assertThat(demos.enabled()).isTrue();
		Demo demo = demos.start(CHICAGO, SWEDISH);

		assertThat(demo.personas()).extracting(DemoPersona::role).containsExactly(DemoRole.PARTICIPANT,
				DemoRole.MANAGER, DemoRole.ACADEMIC_COACH, DemoRole.BUSINESS_COACH);
		assertThat(demo.personas()).extracting(DemoPersona::memberId).doesNotHaveDuplicates()
			.allMatch(id -> id.matches("w-[0-9a-f]{32}"), "128 random bits");
		assertThat(demo.personas()).extracting(DemoPersona::name).doesNotHaveDuplicates();
		Placement placement = placements.get(demo.placementId());
		assertThat(placement.getProgram()).isEqualTo("Demo");
		assertThat(List.of(placement.getParticipant(), placement.getManager(), placement.getAcademicCoach(),
				placement.getBusinessCoach())).extracting(p -> p.id().value())
			.containsExactlyElementsOf(demo.personas().stream().map(DemoPersona::personId).toList());
		for (DemoPersona persona : demo.personas()) {
			Person person = people.get(new PersonId(persona.personId()));
			assertThat(person.accounts()).containsExactly(new ChatAccount("web", null, persona.memberId()));
			assertThat(person.emails()).as("no e-mail").isEmpty();
			assertThat(person.name()).isEqualTo(persona.name());
			assertThat(person.timezone()).isEqualTo("America/Chicago");
			assertThat(person.locale()).isEqualTo("sv");
		}
		// started weeks ago, so it has a week number and a history; ends months later; Monday to Friday
		LocalDate today = LocalDate.ofInstant(clock.instant(), CHICAGO);
		assertThat(placement.getStartDate()).isBefore(today.minusWeeks(4)).isAfter(today.minusWeeks(7));
		assertThat(placement.getEndDate()).isAfter(today.plusMonths(3));
		assertThat(placement.weekNumberOn(today)).isGreaterThanOrEqualTo(5);
		assertThat(placement.getWorkDays()).containsExactlyInAnyOrderElementsOf(
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
		assertThat(placement.getSchedule().time().getHour()).as("a working afternoon, visitor's time").isBetween(9, 17);
		// marked: the mark names the placement, its people and their accounts, and when it expires
		Document mark = mongo.getCollection("demo_placements").find(new Document("placementId", demo.placementId()))
			.first();
		assertThat(mark).isNotNull();
		assertThat(mark.getList("personIds", String.class))
			.containsExactlyElementsOf(demo.personas().stream().map(DemoPersona::personId).toList());
		assertThat(mark.getList("accountKeys", String.class)).containsExactlyElementsOf(
				demo.personas().stream().map(p -> "web:" + p.memberId()).toList());
		assertThat(mark.getDate("expiresAt").toInstant()).isEqualTo(DEFAULT_NOW.plus(Duration.ofHours(24)));
		// enrolled through the admin's path and audited as the demo's
		assertThat(mongo.getCollection("audit").find(new Document("actor", "demo").append("action", "enrol")
			.append("placementId", demo.placementId())).first()).isNotNull();
		// the seeded entries: one for each visibility that shows a rule
		assertThat(logbook.entries(demo.placementId(), false)).extracting(e -> e.visibility())
			.containsExactlyInAnyOrder(Visibility.COACHES, Visibility.PRIVATE, Visibility.CONFIDENTIAL);
	}

	@Test
	void namesComeFromTheVisitorsLanguageAndVary() {
		Set<String> swedishFirst = names("demo.names.first", SWEDISH);
		Set<String> englishFirst = names("demo.names.first", Locale.ENGLISH);
		assertThat(swedishFirst).doesNotContainAnyElementsOf(englishFirst);
		Demo swedish = demos.start(ZoneId.of("Europe/Stockholm"), SWEDISH);
		Demo english = demos.start(ZoneId.of("Europe/London"), Locale.ENGLISH);
		assertThat(swedish.personas()).allSatisfy(p -> assertThat(swedishFirst).contains(first(p)));
		assertThat(english.personas()).allSatisfy(p -> assertThat(englishFirst).contains(first(p)));
		assertThat(people.get(new PersonId(english.personas().get(0).personId())).locale()).isEqualTo("en");
		// another language falls back to English
		removal.removeAll("test");
		Demo german = demos.start(ZoneId.of("Europe/Berlin"), Locale.GERMAN);
		assertThat(german.personas()).allSatisfy(p -> assertThat(englishFirst).contains(first(p)));
		// drawn at random: ten demos do not all have the same four people
		removal.removeAll("test");
		Set<String> participants = new java.util.HashSet<>();
		for (int i = 0; i < 10; i++) {
			if (i % 3 == 0) {
				removal.removeAll("test");
			}
			participants.add(demos.start(CHICAGO, Locale.ENGLISH).personas().get(0).name());
		}
		assertThat(participants).hasSizeGreaterThan(1);
	}

	@Test
	void theCapRefusesClearlyUntilADemoIsRemoved() {
		for (int i = 0; i < 3; i++) {
			demos.start(CHICAGO, Locale.ENGLISH);
		}
		long placementsBefore = mongo.getCollection("placements").countDocuments();
		assertThatThrownBy(() -> demos.start(CHICAGO, Locale.ENGLISH)).isInstanceOfSatisfying(DemoRefused.class,
				refused -> {
					assertThat(refused.reason()).isEqualTo(DemoRefused.Reason.FULL);
					assertThat(messages.getMessage(refused.messageKey(), null, Locale.ENGLISH))
						.isEqualTo("Too many people are trying Fieldnotes right now. Please try again in a while.");
					assertThat(messages.getMessage(refused.messageKey(), null, SWEDISH))
						.isEqualTo("Många provar Fieldnotes just nu. Försök igen om en stund.");
				});
		assertThat(mongo.getCollection("placements").countDocuments()).as("nothing enrolled").isEqualTo(placementsBefore);
		assertThat(mongo.getCollection("demo_placements").countDocuments()).isEqualTo(3);
		removal.removeAll("test");
		assertThat(demos.start(CHICAGO, Locale.ENGLISH).placementId()).isNotNull();
	}

	@Test
	void demoDataExpiresAfterTheTtlWhenTheJobFires() throws Exception {
		assertThat(quartz.getTrigger(TriggerKey.triggerKey(DemoExpiryJob.NAME, DemoExpiryJob.GROUP)))
			.as("the expiry job is scheduled").isNotNull();
		String adas = enrol("UADA", "2026-11-02", "2027-04-30");
		Demo early = demos.start(CHICAGO, Locale.ENGLISH);
		clock.advance(Duration.ofHours(12));
		Demo later = demos.start(CHICAGO, Locale.ENGLISH);
		DemoExpiryJob job = new DemoExpiryJob(removal);

		clock.advance(Duration.ofHours(11));
		job.execute(null);
		assertThat(placementExists(early.placementId())).as("23 hours old").isTrue();

		clock.advance(Duration.ofHours(1).plusMinutes(1));
		job.execute(null);
		assertThat(placementExists(early.placementId())).as("24 hours old").isFalse();
		assertThat(personExists(early.personas().get(0).personId())).isFalse();
		assertThat(placementExists(later.placementId())).as("12 hours old").isTrue();
		assertThat(placementExists(adas)).as("not a demo").isTrue();
		assertThat(mongo.getCollection("audit").find(new Document("actor", DemoExpiryJob.ACTOR)
			.append("action", "demo-remove")).first().getString("detail")).isEqualTo("placements=1 people=4");

		clock.advance(Duration.ofHours(12));
		job.execute(null);
		assertThat(placementExists(later.placementId())).isFalse();
		assertThat(mongo.getCollection("demo_placements").countDocuments()).isZero();
	}

	@Test
	void sendNextPromptDeliversAPromptToTheParticipantsWebAccount() {
		Demo demo = demos.start(CHICAGO, Locale.ENGLISH);
		ChatAccount participant = web(demo, DemoRole.PARTICIPANT);
		sent().reset();

		demos.sendNextPrompt(demo.placementId());

		List<ChatMessage> received = sent().messagesTo(participant);
		assertThat(received).hasSize(1);
		assertThat(actions(received.get(0))).contains(PromptButtons.SNOOZE, PromptButtons.SKIP);
		// and it reached the real web chat: kept in the participant's conversation
		assertThat(mongo.getCollection("web_messages").countDocuments(
				new Document("memberId", participant.memberId()).append("from", "fieldnotes"))).isEqualTo(1);
		// the normal path: claimed as an occurrence and sent through the outbox
		assertThat(mongo.getCollection("prompt_occurrences").countDocuments(
				new Document("placementId", demo.placementId()).append("status", "SENT"))).isEqualTo(1);
		assertThat(mongo.getCollection("outbox").countDocuments(
				new Document("recipient", participant(demo)).append("status", "SENT"))).isEqualTo(1);
		for (DemoRole role : List.of(DemoRole.MANAGER, DemoRole.ACADEMIC_COACH, DemoRole.BUSINESS_COACH)) {
			assertThat(sent().messagesTo(web(demo, role))).isEmpty();
		}
	}

	@Test
	void onlyDemoPlacementsCanBeSentToOnRequest() {
		String adas = enrol("UADA", "2026-11-02", "2027-04-30");
		assertThatThrownBy(() -> demos.sendNextPrompt(adas)).isInstanceOf(DemoNotFound.class);
		assertThatThrownBy(() -> demos.sendDigests(adas)).isInstanceOf(DemoNotFound.class);
		assertThatThrownBy(() -> demos.sendNextPrompt("no-such-placement")).isInstanceOf(DemoNotFound.class);
		assertThat(mongo.getCollection("prompt_occurrences").countDocuments()).isZero();
		assertThat(mongo.getCollection("digests").countDocuments()).isZero();
		assertThat(sent().messagesTo(slack("UADA"))).isEmpty();
	}

	@Test
	void sendDigestsDeliversEachRolesDigestWithOnlyWhatThatRoleMaySee() {
		Demo demo = demos.start(CHICAGO, Locale.ENGLISH);
		String shared = text("demo.entry.coaches");
		String private_ = text("demo.entry.private");
		String confidential = text("demo.entry.confidential");
		sent().reset();
		clock.advance(Duration.ofMinutes(1));

		demos.sendDigests(demo.placementId());

		String manager = digestTo(web(demo, DemoRole.MANAGER));
		String academic = digestTo(web(demo, DemoRole.ACADEMIC_COACH));
		String business = digestTo(web(demo, DemoRole.BUSINESS_COACH));
		assertThat(academic).contains(shared, confidential).doesNotContain(private_);
		assertThat(business).contains(shared).doesNotContain(private_, confidential);
		assertThat(manager).doesNotContain(shared, private_, confidential);
		assertThat(manager).contains(demo.personas().get(0).name());
		assertThat(sent().messagesTo(web(demo, DemoRole.PARTICIPANT))).as("no digest for the participant").isEmpty();
		// the normal path: each recipient's week claimed, and sent through the outbox
		assertThat(mongo.getCollection("digests").countDocuments(new Document("status", "SENT"))).isEqualTo(3);
		assertThat(mongo.getCollection("audit").find(new Document("actor", "demo").append("action", "send-digests"))
			.first().getString("detail")).isEqualTo("recipients=3");
	}

	@Test
	void removalByTheApiLeavesNoDocumentOfAnyDemoPersonAndTouchesNothingElse() {
		String adas = enrol("UADA", "2026-11-02", "2027-04-30");
		String adasWords = "Ada's own words about the lathe";
		logbook.write(slack("UADA"), adasWords, Visibility.COACHES);
		List<Demo> started = List.of(demos.start(CHICAGO, Locale.ENGLISH), demos.start(CHICAGO, SWEDISH));
		clock.advance(Duration.ofMinutes(1));
		for (Demo demo : started) {
			demos.sendNextPrompt(demo.placementId());
			demos.sendDigests(demo.placementId());
		}
		List<String> traces = new ArrayList<>();
		// (the audit trail keeps its records with the placement's id, the people in them pseudonymised, as after any
		// erasure: a placement id names no one)
		for (Demo demo : started) {
			for (DemoPersona persona : demo.personas()) {
				traces.addAll(List.of(persona.personId(), persona.memberId(), persona.name()));
			}
		}
		traces.addAll(List.of(text("demo.entry.coaches"), text("demo.entry.private"), text("demo.entry.confidential")));
		assertThat(everything()).as("the set-up").contains(traces.get(1), traces.get(2));
		long othersBefore = countOf("logbook_entries") - 6;
		long otherPeople = countOf("people") - 8;
		String adaBefore = mongo.getCollection("placements").find(new Document("_id", adas)).first().toJson();

		assertThat(get("/api/v1/demo").body()).isEqualTo("{\"enabled\":true,\"placements\":2,\"people\":8}");
		HttpResponse<String> response = api("DELETE", "/api/v1/demo");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response.body()).get("removed").get("placements").asLong()).isEqualTo(2);
		assertThat(json(response.body()).get("removed").get("people").asLong()).isEqualTo(8);
		assertThat(json(response.body()).get("erased").get("placements").asLong()).isEqualTo(2);
		assertThat(json(response.body()).get("erased").get("logbook_entries").asLong()).isEqualTo(6);
		String all = everything();
		for (String trace : traces) {
			assertThat(all).as("a trace of the demo: " + trace).doesNotContain(trace);
		}
		// everyone else's data is as it was
		assertThat(mongo.getCollection("placements").find(new Document("_id", adas)).first().toJson()).isEqualTo(adaBefore);
		assertThat(countOf("logbook_entries")).isEqualTo(othersBefore).isEqualTo(1);
		assertThat(all).contains(adasWords, "Ada Lindqvist", "Maja Berg", "Anders Holm", "Beata Ek");
		assertThat(countOf("people")).isEqualTo(otherPeople).isGreaterThanOrEqualTo(4);
		assertThat(mongo.getCollection("audit").find(new Document("actor", "api").append("action", "demo-remove"))
			.first().getString("detail")).isEqualTo("placements=2 people=8");
		assertThat(get("/api/v1/demo").body()).isEqualTo("{\"enabled\":true,\"placements\":0,\"people\":0}");
		// again: nothing left
		assertThat(json(api("DELETE", "/api/v1/demo").body()).get("removed").get("people").asLong()).isZero();
	}

	@Test
	void theApiRemovesOnlyExpiredDemosWhenAskedAndNamesABadParameter() {
		Demo old = demos.start(CHICAGO, Locale.ENGLISH);
		clock.advance(Duration.ofHours(25));
		Demo fresh = demos.start(CHICAGO, Locale.ENGLISH);

		HttpResponse<String> bad = api("DELETE", "/api/v1/demo?expired=maybe");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json(bad.body()).get("errors").get(0).get("field").asString()).isEqualTo("expired");
		assertThat(placementExists(old.placementId())).as("nothing removed on bad input").isTrue();

		HttpResponse<String> expired = api("DELETE", "/api/v1/demo?expired=true");
		assertThat(json(expired.body()).get("removed").get("placements").asLong()).isEqualTo(1);
		assertThat(placementExists(old.placementId())).isFalse();
		assertThat(placementExists(fresh.placementId())).isTrue();
		assertThat(send(HttpRequest.newBuilder(uri("/api/v1/demo")).DELETE().build()).statusCode())
			.as("no token").isEqualTo(401);
		assertThat(placementExists(fresh.placementId())).isTrue();
	}

	@Test
	void theCommandRemovesEverythingAndAnswersWithCountsInTheAdminsLanguage() {
		Demo demo = demos.start(CHICAGO, Locale.ENGLISH);
		String adas = enrol("UADA", "2026-11-02", "2027-04-30");

		assertThat(answerAfterAck("UADMIN1", "demo")).contains("Say what to do with the demo data: remove.",
				"/fieldnotes demo remove");
		assertThat(placementExists(demo.placementId())).isTrue();

		assertThat(answerAfterAck("UADMIN1", "demo remove")).isEqualTo(
				"Removed the demo data: 1 demo placement and 4 demo people, with everything they wrote or were sent.");
		assertThat(placementExists(demo.placementId())).isFalse();
		assertThat(placementExists(adas)).isTrue();
		assertThat(mongo.getCollection("audit").find(new Document("action", "demo-remove")).first().getString("actor"))
			.as("audited as the admin").isNotEqualTo("demo").isNotBlank();

		assertThat(answerAfterAck("UADMIN1", "demo remove")).isEqualTo("There is no demo data to remove.");
		commandAnswer("UADMIN1", "language sv");
		demos.start(CHICAGO, Locale.ENGLISH);
		demos.start(CHICAGO, Locale.ENGLISH);
		assertThat(answerAfterAck("UADMIN1", "demo remove")).isEqualTo(
				"Demodata borttagna: 2 demoplaceringar och 8 demopersoner, med allt de skrivit eller fått.");
	}

	// ------------------------------------------------------------------------------------------ helpers

	private static ChatAccount web(Demo demo, DemoRole role) {
		return demo.personas().stream().filter(p -> p.role() == role).findFirst()
			.map(p -> new ChatAccount("web", null, p.memberId())).orElseThrow();
	}

	private static String participant(Demo demo) {
		return demo.personas().get(0).personId();
	}

	/** The one digest the account received: every word of it. */
	private String digestTo(ChatAccount account) {
		List<ChatMessage> received = sent().messagesTo(account);
		assertThat(received).as("one digest to " + account).hasSize(1);
		return RecordingMessenger.words(received.get(0));
	}

	private static List<String> actions(ChatMessage message) {
		return message.blocks().stream().filter(b -> b instanceof ChatMessage.Block.Actions)
			.flatMap(b -> ((ChatMessage.Block.Actions) b).buttons().stream()).map(ChatMessage.Button::actionId).toList();
	}

	private Set<String> names(String key, Locale language) {
		return Arrays.stream(messages.getMessage(key, null, language).split(",")).map(String::strip)
			.collect(Collectors.toSet());
	}

	private static String first(DemoPersona persona) {
		return persona.name().substring(0, persona.name().indexOf(' '));
	}

	private String text(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}

	private boolean placementExists(String id) {
		return mongo.getCollection("placements").countDocuments(new Document("_id", id)) > 0;
	}

	private boolean personExists(String id) {
		return mongo.getCollection("people").countDocuments(new Document("_id", id)) > 0;
	}

	private long countOf(String collection) {
		return mongo.getCollection(collection).countDocuments();
	}

	/** Every document of every collection, as raw JSON. */
	private String everything() {
		StringBuilder all = new StringBuilder();
		for (String collection : mongo.getCollectionNames()) {
			mongo.getCollection(collection).find().forEach(d -> all.append(collection).append(' ').append(d.toJson())
				.append('\n'));
		}
		return all.toString();
	}

	private HttpResponse<String> api(String method, String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN)
			.method(method, HttpRequest.BodyPublishers.noBody()).build());
	}
}
