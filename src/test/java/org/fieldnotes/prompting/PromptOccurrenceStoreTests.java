package org.fieldnotes.prompting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The claim on the embedded store: the unique key (placementId, promptId, dueDate) lets exactly one sender win.
 */
class PromptOccurrenceStoreTests extends IntegrationTest {

	private static final String COLLECTION = "prompt_occurrences";
	private static final Due DEC_4 = new Due(LocalDate.parse("2026-12-04"), LocalDateTime.parse("2026-12-04T14:00"),
			Instant.parse("2026-12-04T13:00:00Z"), PromptPhase.WEEKLY);
	private static final Due DEC_11 = new Due(LocalDate.parse("2026-12-11"), LocalDateTime.parse("2026-12-11T14:00"),
			Instant.parse("2026-12-11T13:00:00Z"), PromptPhase.WEEKLY);

	@Autowired
	PromptOccurrences occurrences;

	@Test
	void theClaimIndexIsUniqueOnPlacementPromptAndDueDate() {
		List<IndexInfo> indexes = mongo.indexOps(COLLECTION).getIndexInfo();

		assertThat(indexes).filteredOn(i -> i.getName().equals("claim")).singleElement().satisfies(index -> {
			assertThat(index.isUnique()).isTrue();
			assertThat(index.getIndexFields()).extracting(f -> f.getKey())
				.containsExactly("placementId", "promptId", "dueDate");
		});
	}

	@Test
	void aSecondClaimOfTheSameKeyLoses() {
		PromptOccurrence first = claim("p1", "weekly-status-check", DEC_4);
		PromptOccurrence again = claim("p1", "weekly-status-check", DEC_4);

		assertThat(occurrences.claim(first)).map(PromptOccurrence::getId).hasValue(first.getId());
		assertThat(occurrences.claim(again)).isEmpty();
		assertThatThrownBy(() -> mongo.insert(claim("p1", "weekly-status-check", DEC_4)))
			.isInstanceOf(DuplicateKeyException.class);

		List<PromptOccurrence> stored = mongo.find(key("p1", "weekly-status-check", "2026-12-04"),
				PromptOccurrence.class, COLLECTION);
		assertThat(stored).extracting(PromptOccurrence::getId).containsExactly(first.getId());
		assertThat(stored.get(0).getStatus()).isEqualTo(OccurrenceStatus.CLAIMED);
	}

	@Test
	void anyOtherPartOfTheKeyMakesADifferentClaim() {
		assertThat(occurrences.claim(claim("p1", "weekly-status-check", DEC_4))).isPresent();

		assertThat(occurrences.claim(claim("p2", "weekly-status-check", DEC_4))).as("other placement").isPresent();
		assertThat(occurrences.claim(claim("p1", "weekly-gibbs", DEC_4))).as("other prompt").isPresent();
		assertThat(occurrences.claim(claim("p1", "weekly-status-check", DEC_11))).as("other due date").isPresent();
		assertThat(mongo.getCollection(COLLECTION).countDocuments()).isEqualTo(4);
	}

	@Test
	void eightConcurrentClaimsOfOneKeyHaveExactlyOneWinner() throws Exception {
		int senders = 8;
		CountDownLatch ready = new CountDownLatch(senders);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		try {
			List<Future<Optional<PromptOccurrence>>> results = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				PromptOccurrence candidate = claim("p1", "weekly-status-check", DEC_4);
				results.add(pool.submit(() -> {
					ready.countDown();
					if (!go.await(10, TimeUnit.SECONDS)) {
						throw new IllegalStateException("start gate never opened");
					}
					return occurrences.claim(candidate);
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).as("all senders ready").isTrue();
			go.countDown();

			List<String> winners = new ArrayList<>();
			for (Future<Optional<PromptOccurrence>> result : results) {
				result.get(30, TimeUnit.SECONDS).ifPresent(o -> winners.add(o.getId()));
			}

			assertThat(winners).hasSize(1);
			List<PromptOccurrence> stored = mongo.find(key("p1", "weekly-status-check", "2026-12-04"),
					PromptOccurrence.class, COLLECTION);
			assertThat(stored).extracting(PromptOccurrence::getId).containsExactly(winners.get(0));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private PromptOccurrence claim(String placementId, String promptId, Due due) {
		return PromptOccurrence.claim(placementId, promptId, due, OccurrenceStatus.CLAIMED, clock.instant());
	}

	private static Query key(String placementId, String promptId, String dueDate) {
		return Query.query(Criteria.where("placementId").is(placementId).and("promptId").is(promptId).and("dueDate")
			.is(dueDate));
	}
}
