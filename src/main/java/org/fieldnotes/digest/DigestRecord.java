package org.fieldnotes.digest;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One recipient's digest for one week. Inserting it is the claim (unique recipient + week); it then records what
 * the digest contained, by id.
 *
 * @param week ISO week in the recipient's time zone, e.g. {@code 2026-W48}
 * @param channel where it went: the Slack DM channel, or {@code email}
 * @param ts the sent message's reference: its Slack timestamp, or the e-mail's Message-ID
 * @param fallback why it did not go by the channel the recipient chose (e.g. {@code mail_not_configured} when they
 * chose e-mail and it went as a Slack DM instead); {@literal null} when it went as chosen
 */
@Document("digests")
@CompoundIndex(name = "claim", def = "{'recipientKey': 1, 'week': 1}", unique = true)
// a run reads a batch's records of this week by week: the embedded store's index answers with that week's only
@CompoundIndex(name = "week", def = "{'week': 1}")
public record DigestRecord(@Id String id, String recipientKey, String week, DigestStatus status, Instant claimedAt,
		Instant sentAt, String channel, String ts, List<String> placementIds, List<String> entryIds,
		List<String> occurrenceIds, String failure, String fallback) {

	@PersistenceCreator
	public DigestRecord {
	}

	/** A record that went by the channel the recipient chose. */
	public DigestRecord(String id, String recipientKey, String week, DigestStatus status, Instant claimedAt,
			Instant sentAt, String channel, String ts, List<String> placementIds, List<String> entryIds,
			List<String> occurrenceIds, String failure) {
		this(id, recipientKey, week, status, claimedAt, sentAt, channel, ts, placementIds, entryIds, occurrenceIds,
				failure, null);
	}
}
