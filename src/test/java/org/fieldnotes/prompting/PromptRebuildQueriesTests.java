package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.bson.Document;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementBatches;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.StoreCommands;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;


/**
 * Rebuilding the prompt schedule asks the store a few questions per batch of placements, not several per placement:
 * it walked every placement, reading it with its four people (one read each), then again for its catch-up, and
 * scanned the prompts and notes once per placement: 11 reads a placement, 110,000 for 10,000 placements, which made
 * most of the 33 s a start spent on it (docs/performance.md, P4). Observed as the commands the store receives.
 */
@Import(PromptRebuildQueriesTests.Commands.class)
class PromptRebuildQueriesTests extends IntegrationTest {

	private static final List<BsonDocument> COMMANDS = new CopyOnWriteArrayList<>();
	private static final Instant FRIDAY_DEC_4 = Instant.parse("2026-12-04T13:00:00Z");

	@Autowired
	PromptScheduler scheduler;

	@Autowired
	Scheduler quartz;

	@Autowired
	PlacementBatches batches;

	@Autowired
	PlacementManagement placements;

	@Test
	void aRebuildReadsTheSameFewTimesForTenPlacementsAsForSixty() throws Exception {
		String first = enrol("UADA", "2026-11-02", "2027-04-30");
		Trigger enrolled = quartz.getTrigger(TriggerKey.triggerKey(first, PromptScheduler.GROUP));
		List<String> ids = new ArrayList<>(List.of(first));
		ids.addAll(copies(9));

		int forTen = readsOfARebuild();
		assertThat(triggersOf(ids)).as("every placement's trigger, at its next prompt").hasSize(10)
			.allSatisfy(trigger -> assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(FRIDAY_DEC_4));
		ids.addAll(copies(50));
		int forSixty = readsOfARebuild();

		assertThat(forSixty).as("reads of the store by a rebuild of 60 placements, against 10").isEqualTo(forTen);
		assertThat(forTen).as("the active ids; placements and people; prompts; notes; programmes' settings")
			.isLessThanOrEqualTo(6);
		List<Trigger> triggers = triggersOf(ids);
		assertThat(triggers).hasSize(60);
		// set in bulk, each trigger is the one a placement gets on its own (as when it was enrolled)
		assertThat(triggers).allSatisfy(trigger -> {
			assertThat(trigger.getNextFireTime()).isEqualTo(enrolled.getNextFireTime());
			assertThat(trigger.getMisfireInstruction()).isEqualTo(enrolled.getMisfireInstruction())
				.isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);
			assertThat(trigger.getJobKey().getName()).isEqualTo(trigger.getKey().getName());
		});
	}

	@Test
	void placementsReadTogetherAreThePlacementsReadOneByOne() {
		List<String> ids = new ArrayList<>(List.of(enrol("UADA", "2026-11-02", "2027-04-30"),
				enrol("UBO", "2026-11-16", "2027-02-26")));
		ids.addAll(copies(3));
		COMMANDS.clear();

		List<Placement> together = batches.withIds(ids);

		assertThat(COMMANDS).as("the placements, then their people").hasSize(2);
		assertThat(together).hasSize(5).allSatisfy(placement -> assertThat(placement)
			.usingRecursiveComparison()
			.isEqualTo(placements.get(placement.getId())));
		assertThat(together).extracting(p -> p.getParticipant().name(), p -> p.getManager().name(),
				p -> p.getAcademicCoach().name(), p -> p.getBusinessCoach().name())
			.contains(org.assertj.core.groups.Tuple.tuple("Ada Lindqvist", "Maja Berg", "Anders Holm", "Beata Ek"));
		assertThat(batches.activeIds()).containsExactlyInAnyOrderElementsOf(ids).isSorted();
	}

	/** The commands a rebuild sends that read (finds, counts, aggregations). */
	private int readsOfARebuild() {
		COMMANDS.clear();
		scheduler.rebuild();
		return (int) COMMANDS.stream()
			.filter(c -> List.of("find", "count", "aggregate", "getMore").contains(c.getFirstKey()))
			.count();
	}

	private List<Trigger> triggersOf(List<String> ids) throws Exception {
		List<Trigger> triggers = new ArrayList<>();
		for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(PromptScheduler.GROUP))) {
			if (ids.contains(key.getName())) {
				triggers.add(quartz.getTrigger(key));
			}
		}
		return triggers;
	}

	/**
	 * Copies of the first enrolled placement and its participant, under new ids, straight into the store (as the
	 * P4 benchmark seeds 10,000): active placements with the same schedule and people but the participant.
	 */
	private List<String> copies(int count) {
		var placements = mongo.getCollection("placements");
		var people = mongo.getCollection("people");
		Document placement = placements.find(new Document("participant", personOf("UADA"))).first();
		String participantId = personOf("UADA");
		Document participant = people.find(new Document("_id", participantId)).first();
		List<Document> newPeople = new ArrayList<>();
		List<Document> newPlacements = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String personId = UUID.randomUUID().toString();
			String member = "UCOPY" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			newPeople.add(Document.parse(participant.toJson().replace(participantId, personId).replace("UADA", member)));
			Document copy = Document.parse(placement.toJson().replace(participantId, personId));
			copy.put("_id", UUID.randomUUID().toString());
			ids.add(copy.getString("_id"));
			newPlacements.add(copy);
		}
		people.insertMany(newPeople);
		placements.insertMany(newPlacements);
		return ids;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Commands {

		@Bean
		MongoClientSettingsBuilderCustomizer recordCommands() {
			return StoreCommands.recordingInto(COMMANDS);
		}
	}
}
