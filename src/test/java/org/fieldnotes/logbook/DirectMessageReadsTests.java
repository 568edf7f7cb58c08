package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.fieldnotes.chat.InboundMessage;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.StoreCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;


/**
 * Storing a DM reads what it needs and no more: the author (by account) and the id and programme of their current
 * placement, not the placement's manager and coaches. Reading the whole placement resolved its four people, one more
 * read of the store each, on every DM before its ack (docs/performance.md, P1). Observed as the commands the store
 * receives.
 */
@Import(DirectMessageReadsTests.Commands.class)
class DirectMessageReadsTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final List<BsonDocument> COMMANDS = new CopyOnWriteArrayList<>();

	@Autowired
	Logbook logbook;

	@Autowired
	PlacementManagement placements;

	@Test
	void aDirectMessageReadsOnlyItsAuthorFromPeople() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		COMMANDS.clear();

		Receipt receipt = logbook.receive(new InboundMessage(new MessageRef("slack", "DUADA", "1764669600.000100"),
				slack(ADA), "Mapped the supplier chain", null, false));

		assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.SAVED);
		assertThat(receipt.entry().placementId()).isEqualTo(placementId);
		assertThat(receipt.entry().authorId()).isEqualTo(personOf(ADA));
		assertThat(reads("people")).as("finds on people while storing a DM: only the author, by account")
			.isNotEmpty()
			.allSatisfy(find -> assertThat(find.getDocument("filter").toJson()).isEqualTo("{\"lookupKeys\": \"slack:UADA\"}"));
		assertThat(reads("placements")).as("finds on placements: the author's, with no people in them")
			.isNotEmpty()
			.allSatisfy(find -> {
				assertThat(find.getDocument("filter").toJson()).contains("\"participant\"");
				assertThat(find.getDocument("projection").keySet()).doesNotContain("manager", "academicCoach",
						"businessCoach", "participant");
			});
	}

	@Test
	void theCurrentPlacementReadIsTheOneCurrentForReturns() {
		String first = enrol(ADA, "2026-12-01", "2026-12-20");
		mongo.getCollection("placements").updateOne(new org.bson.Document("_id", first),
				new org.bson.Document("$set", new org.bson.Document("status", "ENDED")));
		assertThat(placements.currentIdFor(people.find(slack(ADA)).orElseThrow().id()))
			.as("only an ended placement").isEmpty();
		String current = enrol(ADA, "2027-01-04", "2027-04-30");
		var person = people.find(slack(ADA)).orElseThrow().id();

		PlacementManagement.CurrentPlacement read = placements.currentIdFor(person).orElseThrow();

		assertThat(read.id()).isEqualTo(current).isEqualTo(placements.currentFor(person).orElseThrow().getId());
		assertThat(read.program()).isEqualTo("KTP 2026");
		assertThat(read.participant()).isEqualTo(person);
	}

	private static List<BsonDocument> reads(String collection) {
		return COMMANDS.stream()
			.filter(c -> c.containsKey("find") && collection.equals(c.getString("find").getValue()))
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Commands {

		@Bean
		MongoClientSettingsBuilderCustomizer recordCommands() {
			return StoreCommands.recordingInto(COMMANDS);
		}
	}
}
