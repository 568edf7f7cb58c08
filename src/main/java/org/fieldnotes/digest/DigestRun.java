package org.fieldnotes.digest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fieldnotes.personaldata.NoPersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One admin's "send the digests now" ({@code POST /api/v1/digests/send}): what it composed and queued, to be followed
 * while the outbox delivers it. It names the digest records it handled, by id, and nobody by name.
 *
 * @param recipients how many recipients the run looked at (those who had this week's digest already are not handled)
 * @param queued per channel ({@code slack}, {@code teams}, {@code web}, {@code email}), how many digests it queued
 * @param skipped per reason ({@code no_address}, {@code mail_not_configured}, {@code nothing_to_send}), how many it
 * recorded as skipped instead
 * @param recordIds the digest records it handled (queued or skipped)
 */
@Document("digest_runs")
@NoPersonalData("an admin's run: when, how many digests per channel and per reason, and the random ids of the digest "
		+ "records it handled (a person's erasure deletes those records; their ids then name nothing)")
public record DigestRun(@Id String id, Instant startedAt, int recipients, Map<String, Integer> queued,
		Map<String, Integer> skipped, List<String> recordIds) {

	public DigestRun {
		queued = Map.copyOf(queued == null ? Map.of() : queued);
		skipped = Map.copyOf(skipped == null ? Map.of() : skipped);
		recordIds = List.copyOf(recordIds == null ? List.of() : recordIds);
	}

	/** How many digests it queued, on every channel. */
	public int queuedCount() {
		return queued.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** How many digests it recorded as skipped. */
	public int skippedCount() {
		return skipped.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** What a run's {@code POST} answers: the run, and the digest records it handled as they were then. */
	public record Started(DigestRun run, List<DigestRecord> records) {
	}

	/**
	 * Where a run stands: of the digests it queued, how many went, were given up, or still wait in the outbox.
	 *
	 * @param gone records of the run that are no longer stored (their recipient was erased since)
	 */
	public record Progress(DigestRun run, int waiting, int sent, int failed, int skipped, int gone) {

		/** Whether nothing of the run is waiting any more. */
		public boolean done() {
			return waiting == 0;
		}
	}
}
