package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Blockers as items: a status update naming a blocker opens one item (once per submission, also when a retry finds
 * the update stored but the item not made), with the owner the participant picked (the participant by default); a
 * follower who may read it acknowledges and resolves it, each once, and the participant is told in their language;
 * the participant resolves their own from the status form, and "no blockers" resolves nothing; its age counts days
 * open; its visibility follows its status update's; export, erasure and admin export handle it.
 */
class BlockerItemsTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	StatusForms forms;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	Blockers blockers;

	@Autowired
	AccessPolicy access;

	@Autowired
	LogbookPersonalData personalData;

	@Test
	void aStatusUpdateNamingABlockerOpensOneItemWithTheOwnerPickedOnceHoweverOftenItIsSubmitted() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		forms.submit(slack(ADA), status("k1", "  No access to the test rig.  ", "BUSINESS_COACH", List.of()));
		forms.submit(slack(ADA), status("k1", "  No access to the test rig.  ", "BUSINESS_COACH", List.of()));

		StatusUpdate update = statusUpdates.of(placementId).get(0);
		assertThat(blockers.of(placementId)).singleElement().satisfies(b -> {
			assertThat(b.text()).isEqualTo("No access to the test rig.");
			assertThat(b.owner()).isEqualTo(BlockerOwner.BUSINESS_COACH);
			assertThat(b.state()).isEqualTo(BlockerState.OPEN);
			assertThat(b.statusUpdateId()).isEqualTo(update.id());
			assertThat(b.authorId()).isEqualTo(personOf(ADA));
			assertThat(b.visibility()).isEqualTo(update.visibility()).isEqualTo(Visibility.COACHES);
			assertThat(b.createdAt()).isEqualTo(clock.instant());
			assertThat(b.acknowledgedAt()).isNull();
			assertThat(b.resolvedAt()).isNull();
			assertThat(b.ageDays(clock.instant(), java.time.ZoneId.of("Europe/Stockholm"))).isZero();
		});
	}

	@Test
	void aRetryFindingTheUpdateStoredButNoItemMakesTheItemThenAndOnlyOnce() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Brackets late", null, List.of()));
		// as if the first attempt had stopped between storing the update and making its item
		mongo.getCollection("blockers").deleteMany(new Document());

		forms.submit(slack(ADA), status("k1", "Brackets late", null, List.of()));
		forms.submit(slack(ADA), status("k1", "Brackets late", null, List.of()));

		assertThat(statusUpdates.of(placementId)).hasSize(1);
		assertThat(blockers.of(placementId)).singleElement()
			.satisfies(b -> assertThat(b.owner()).as("the default owner").isEqualTo(BlockerOwner.PARTICIPANT));
	}

	@Test
	void anUpdateWithoutABlockerOpensNoneAndDoesNotResolveTheOpenOnes() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Brackets late", null, List.of()));
		clock.advance(Duration.ofDays(7));

		forms.submit(slack(ADA), status("k2", "   ", null, List.of()));

		assertThat(statusUpdates.of(placementId)).hasSize(2);
		assertThat(blockers.of(placementId)).singleElement()
			.satisfies(b -> assertThat(b.state()).isEqualTo(BlockerState.OPEN));
		assertThat(blockers.unresolved(placementId)).hasSize(1);
	}

	@Test
	void aCoachAcknowledgesThenResolvesEachOnceTheAgeStopsAtResolutionAndTheParticipantIsToldInTheirLanguage() {
		String placementId = json(postJson("/api/v1/placements", placementJson(ADA, "2026-11-02", "2027-04-30")
			.replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"")).body()).get("id").asString();
		forms.submit(slack(ADA), status("k1", "Ingen åtkomst till riggen", null, List.of()));
		String id = blockers.of(placementId).get(0).id();
		Instant opened = clock.instant();
		clock.advance(Duration.ofDays(3));

		Blockers.Outcome ack = blockers.act(id, Blockers.Action.ACKNOWLEDGE, access.member(slack("UANDERS")),
				Operation.BLOCKER_ACKNOWLEDGE_BUTTON);
		Blockers.Outcome again = blockers.act(id, Blockers.Action.ACKNOWLEDGE, access.member(slack("UBEATA")),
				Operation.BLOCKER_ACKNOWLEDGE_BUTTON);

		assertThat(ack.status()).isEqualTo(Blockers.Status.DONE);
		assertThat(again.status()).isEqualTo(Blockers.Status.ALREADY_DONE);
		Blocker acknowledged = blockers.find(id).orElseThrow();
		assertThat(acknowledged.state()).isEqualTo(BlockerState.ACKNOWLEDGED);
		assertThat(acknowledged.acknowledgedBy()).isEqualTo(personOf("UANDERS"));
		assertThat(acknowledged.acknowledgedAs()).isEqualTo(BlockerOwner.ACADEMIC_COACH);
		assertThat(acknowledged.acknowledgedAt()).isEqualTo(clock.instant());
		assertThat(acknowledged.ageDays(clock.instant(), java.time.ZoneId.of("Europe/Stockholm"))).isEqualTo(3);

		clock.advance(Duration.ofDays(2));
		assertThat(blockers.act(id, Blockers.Action.RESOLVE, access.member(slack("UBEATA")),
				Operation.BLOCKER_RESOLVE_BUTTON).status()).isEqualTo(Blockers.Status.DONE);
		assertThat(blockers.act(id, Blockers.Action.RESOLVE, access.member(slack("UANDERS")),
				Operation.BLOCKER_RESOLVE_BUTTON).status()).isEqualTo(Blockers.Status.ALREADY_DONE);
		Blocker resolved = blockers.find(id).orElseThrow();
		assertThat(resolved.state()).isEqualTo(BlockerState.RESOLVED);
		assertThat(resolved.resolvedBy()).isEqualTo(personOf("UBEATA"));
		assertThat(resolved.resolvedAs()).isEqualTo(BlockerOwner.BUSINESS_COACH);
		assertThat(resolved.acknowledgedBy()).as("the acknowledgement stays").isEqualTo(personOf("UANDERS"));
		assertThat(resolved.createdAt()).isEqualTo(opened);
		clock.advance(Duration.ofDays(10));
		assertThat(resolved.ageDays(clock.instant(), java.time.ZoneId.of("Europe/Stockholm"))).as("open 5 days")
			.isEqualTo(5);
		assertThat(blockers.unresolved(placementId)).isEmpty();

		drainOutbox();
		assertThat(sent().messagesTo(slack(ADA))).extracting(m -> words(m))
			.anySatisfy(w -> assertThat(w).startsWith("Din akademiska handledare har bekräftat ditt hinder från onsdag 2 december:")
				.contains("Ingen åtkomst till riggen"))
			.anySatisfy(w -> assertThat(w)
				.startsWith("Din handledare på företaget har markerat ditt hinder från onsdag 2 december som löst:"))
			.filteredOn(w -> w.contains("hinder från")).hasSize(2);
	}

	@Test
	void aNoticeACrashKeptFromTheOutboxIsToldOnRecoveryOnce() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Brackets late", null, List.of()));
		String id = blockers.of(placementId).get(0).id();
		blockers.act(id, Blockers.Action.ACKNOWLEDGE, access.member(slack("UANDERS")),
				Operation.BLOCKER_ACKNOWLEDGE_BUTTON);
		assertThat(blockers.find(id).orElseThrow().notice()).isEqualTo("QUEUED");
		// as if the process had died right after resolving, before the outbox had the notice
		mongo.getCollection("blockers").updateOne(new Document("_id", id), new Document("$set",
				new Document("state", "RESOLVED").append("resolvedAs", "BUSINESS_COACH")
					.append("resolvedBy", personOf("UBEATA")).append("notice", "PENDING")));

		blockers.recoverNotices();
		blockers.recoverNotices();
		drainOutbox();

		assertThat(sent().messagesTo(slack(ADA))).extracting(m -> words(m))
			.filteredOn(w -> w.startsWith("Your business coach marked your blocker")).hasSize(1);
		assertThat(sent().messagesTo(slack(ADA))).extracting(m -> words(m))
			.filteredOn(w -> w.startsWith("Your academic coach acknowledged your blocker")).hasSize(1);
		assertThat(blockers.find(id).orElseThrow().notice()).isEqualTo("QUEUED");
	}

	@Test
	void theParticipantTheManagerOfACoachesOnlyBlockerAndStrangersCannotActAndNothingChanges() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Brackets late", null, List.of()));
		String id = blockers.of(placementId).get(0).id();

		for (String who : new String[] { ADA, "UMAJA", "UMALLORY" }) {
			assertThat(blockers.act(id, Blockers.Action.RESOLVE, access.member(slack(who)),
					Operation.BLOCKER_RESOLVE_BUTTON).status()).as(who).isEqualTo(Blockers.Status.REFUSED);
		}
		assertThat(blockers.act("no-such-blocker", Blockers.Action.ACKNOWLEDGE, access.member(slack("UANDERS")),
				Operation.BLOCKER_ACKNOWLEDGE_BUTTON).status()).isEqualTo(Blockers.Status.GONE);
		assertThat(blockers.find(id).orElseThrow().state()).isEqualTo(BlockerState.OPEN);
	}

	@Test
	void theStatusFormListsTheParticipantsUnresolvedBlockersAndTickingOneResolvesIt() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String bruno = enrol("UBRUNO", "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Brackets late", null, List.of()));
		clock.advance(Duration.ofDays(1));
		forms.submit(slack(ADA), status("k2", "No rig access " + "x".repeat(100), null, List.of()));
		forms.submit(slack("UBRUNO"), status("k3", "Bruno's own blocker", null, List.of()));
		List<Blocker> open = blockers.unresolved(placementId);
		String brunos = blockers.of(bruno).get(0).id();

		Form form = forms.open(slack(ADA)).form();
		assertThat(form.fields()).extracting(Form.Field::id).containsExactly("status", "progress", "blockers",
				"blocker_owner", "mood", "visibility", "blockers_resolved");
		assertThat(form.field("blocker_owner").orElseThrow().options()).extracting(Option::value)
			.containsExactly("PARTICIPANT", "ACADEMIC_COACH", "BUSINESS_COACH", "MANAGER");
		assertThat(form.field("blocker_owner").orElseThrow().initial()).isEqualTo("PARTICIPANT");
		assertThat(form.field("blockers_resolved").orElseThrow().options()).extracting(Option::value)
			.containsExactly(open.get(0).id(), open.get(1).id());
		assertThat(form.field("blockers_resolved").orElseThrow().options().get(1).label()).hasSizeLessThanOrEqualTo(75)
			.startsWith("No rig access x");
		assertThat(forms.form(Locale.ENGLISH, null, Visibility.COACHES).field("blockers_resolved")).isEmpty();

		clock.advance(Duration.ofDays(1));
		// Bruno's id ticked in Ada's form changes nothing of Bruno's
		forms.submit(slack(ADA), status("k4", null, null, List.of(open.get(0).id(), brunos)));

		Blocker resolved = blockers.find(open.get(0).id()).orElseThrow();
		assertThat(resolved.state()).isEqualTo(BlockerState.RESOLVED);
		assertThat(resolved.resolvedAs()).isEqualTo(BlockerOwner.PARTICIPANT);
		assertThat(resolved.resolvedBy()).isEqualTo(personOf(ADA));
		assertThat(resolved.resolvedAt()).isEqualTo(clock.instant());
		assertThat(blockers.find(open.get(1).id()).orElseThrow().state()).isEqualTo(BlockerState.OPEN);
		assertThat(blockers.find(brunos).orElseThrow().state()).isEqualTo(BlockerState.OPEN);
		assertThat(forms.open(slack(ADA)).form().field("blockers_resolved").orElseThrow().options())
			.extracting(Option::value).containsExactly(open.get(1).id());
	}

	@Test
	void aBlockersVisibilityFollowsItsStatusUpdates() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Brackets late", null, List.of()));
		StatusUpdate update = statusUpdates.of(placementId).get(0);

		assertThat(statusUpdates.changeVisibility(update.id(), slack(ADA), Visibility.PRIVATE,
				Operation.VISIBILITY_BUTTON)).isTrue();

		Blocker blocker = blockers.of(placementId).get(0);
		assertThat(blocker.visibility()).isEqualTo(Visibility.PRIVATE);
		assertThat(blockers.act(blocker.id(), Blockers.Action.ACKNOWLEDGE, access.member(slack("UANDERS")),
				Operation.BLOCKER_ACKNOWLEDGE_BUTTON).status()).isEqualTo(Blockers.Status.REFUSED);
	}

	@Test
	void theParticipantExportsTheirBlockersAnAdminSeesOnlySharedOnesAndErasureRemovesThem() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		forms.submit(slack(ADA), status("k1", "Shared blocker", null, List.of()));
		forms.submit(slack(ADA), statusWith("k2", "Private blocker", "private"));
		DataSubject ada = DataSubject.person(personOf(ADA)).withPlacements(List.of(placementId));

		assertThat(section(personalData.export(ada, PersonalData.Reader.SUBJECT)).items()).hasSize(2);
		PersonalData.Section admin = section(personalData.export(ada, PersonalData.Reader.ADMIN));
		assertThat(admin.items()).singleElement().satisfies(d -> assertThat(d.get("text")).isEqualTo("Shared blocker"));
		assertThat(admin.withheld()).containsEntry("private", 1L);
		assertThat(personalData.count(ada)).containsEntry("blockers", 2L);
		assertThat(personalData.identify(ada).quotedIn()).anySatisfy(k -> assertThat(k).startsWith("blocker-escalation:"));

		assertThat(personalData.erase(ada, "erased-1")).containsEntry("blockers", 2L);
		assertThat(mongo.getCollection("blockers").countDocuments()).isZero();
	}

	private static PersonalData.Section section(List<PersonalData.Section> sections) {
		return sections.stream().filter(s -> s.name().equals("blockers")).findFirst().orElseThrow();
	}

	/** A green status update with these blockers, owner and ticked "resolved" boxes. */
	static FormSubmission status(String key, String blockers, String owner, List<String> resolved) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("status", List.of("AMBER"));
		values.put("progress", List.of("Bench test planned"));
		values.put("blockers", blockers == null ? List.of() : List.of(blockers));
		values.put("blocker_owner", owner == null ? List.of() : List.of(owner));
		values.put("mood", List.of("3"));
		values.put("blockers_resolved", resolved);
		return new FormSubmission("status_update", "", key, values);
	}

	private static FormSubmission statusWith(String key, String blockers, String visibility) {
		FormSubmission plain = status(key, blockers, null, List.of());
		Map<String, List<String>> values = new LinkedHashMap<>(plain.values());
		values.put("visibility", List.of(visibility));
		return new FormSubmission("status_update", "", key, values);
	}
}
