package org.fieldnotes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.fieldnotes.digest.DigestRecord;
import org.fieldnotes.digest.DigestStatus;
import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;

import tools.jackson.databind.JsonNode;

/**
 * The embedded store as the application uses it: the unique indexes that make writes idempotent hold, the health
 * check pings it, and it really is the embedded server (not a MongoDB found on the machine).
 */
class StoreTests extends IntegrationTest {

	@Autowired
	MongoClient client;

	/** The settings the store was started with (the test's data-dir property makes a new folder each time it is read). */
	@Autowired
	StoreSettings settings;

	@Test
	void aLogbookEntryIsStoredOncePerNaturalKey() {
		mongo.insert(entry("slack:DUADA:1764669600.000100", "first delivery"));
		mongo.insert(entry("slack:DUADA:1764669600.000200", "another message"));

		assertThatThrownBy(() -> mongo.insert(entry("slack:DUADA:1764669600.000100", "redelivered")))
			.isInstanceOf(DuplicateKeyException.class);

		List<LogbookEntry> stored = mongo.findAll(LogbookEntry.class);
		assertThat(stored).extracting(LogbookEntry::text).containsExactlyInAnyOrder("first delivery", "another message");
	}

	@Test
	void aDigestIsClaimedOncePerRecipientAndWeek() {
		mongo.insert(digest("UMAJA", "2026-W49"));
		// the same recipient in another week, and another recipient in the same week, are separate claims
		mongo.insert(digest("UMAJA", "2026-W50"));
		mongo.insert(digest("UANDERS", "2026-W49"));

		assertThatThrownBy(() -> mongo.insert(digest("UMAJA", "2026-W49"))).isInstanceOf(DuplicateKeyException.class);

		assertThat(mongo.getCollection("digests").countDocuments()).isEqualTo(3);
	}

	@Test
	void aPromptIsClaimedOncePerPlacementPromptAndDueDate() {
		var occurrences = mongo.getCollection("prompt_occurrences");
		occurrences.insertOne(occurrence("p1", "weekly-gibbs", "2026-12-04"));
		occurrences.insertOne(occurrence("p1", "weekly-gibbs", "2026-12-11"));
		occurrences.insertOne(occurrence("p2", "weekly-gibbs", "2026-12-04"));

		assertThatThrownBy(() -> occurrences.insertOne(occurrence("p1", "weekly-gibbs", "2026-12-04")))
			.isInstanceOf(com.mongodb.MongoWriteException.class)
			.satisfies(e -> assertThat(((com.mongodb.MongoWriteException) e).getError().getCode()).isEqualTo(11000));

		assertThat(occurrences.countDocuments()).isEqualTo(3);
	}

	@Test
	void theUniqueIndexesExist() {
		assertThat(uniqueIndexKeys("logbook_entries")).contains(new Document("naturalKey", 1));
		assertThat(uniqueIndexKeys("digests")).contains(new Document("recipientKey", 1).append("week", 1));
		assertThat(uniqueIndexKeys("prompt_occurrences"))
			.contains(new Document("placementId", 1).append("promptId", 1).append("dueDate", 1));
	}

	@Test
	void healthIsUpWithTheStoreComponent() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = json(response.body());
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("store").get("status").asString()).isEqualTo("UP");
		// Boot's own MongoDB check (which the embedded server cannot answer) is off
		assertThat(health.get("components").has("mongo")).isFalse();
	}

	@Test
	void theStoreIsTheEmbeddedServerOnLoopbackWithItsFileInTheDataFolder() {
		List<ServerAddress> hosts = client.getClusterDescription().getClusterSettings().getHosts();

		assertThat(hosts).hasSize(1);
		assertThat(hosts.get(0).getHost()).isEqualTo("127.0.0.1");
		assertThat(hosts.get(0).getPort()).isNotEqualTo(27017);
		assertThat(mongo.getDb().getName()).isEqualTo("fieldnotes");
		assertThat(settings.embedded()).isTrue();
		assertThat(Files.exists(settings.dataDir().resolve("fieldnotes.mv"))).as("H2 file in %s", settings.dataDir())
			.isTrue();
	}

	private List<Document> uniqueIndexKeys(String collection) {
		return mongo.getCollection(collection)
			.listIndexes()
			.into(new java.util.ArrayList<>())
			.stream()
			.filter(index -> Boolean.TRUE.equals(index.getBoolean("unique")))
			.map(index -> index.get("key", Document.class))
			.toList();
	}

	private static LogbookEntry entry(String naturalKey, String text) {
		Instant now = DEFAULT_NOW;
		return new LogbookEntry(UUID.randomUUID().toString(), "placement-1", "UADA", text, EntrySource.FREE_FORM, null,
				null, naturalKey, "DUADA", naturalKey.substring(naturalKey.lastIndexOf(':') + 1), now, null, null);
	}

	private static DigestRecord digest(String recipientKey, String week) {
		return new DigestRecord(UUID.randomUUID().toString(), recipientKey, week, DigestStatus.CLAIMED, DEFAULT_NOW,
				null, null, null, List.of("placement-1"), List.of(), List.of(), null);
	}

	private static Document occurrence(String placementId, String promptId, String dueDate) {
		return new Document("_id", UUID.randomUUID().toString()).append("placementId", placementId)
			.append("promptId", promptId)
			.append("dueDate", dueDate)
			.append("status", "CLAIMED");
	}
}
