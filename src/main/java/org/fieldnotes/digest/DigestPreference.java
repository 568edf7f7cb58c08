package org.fieldnotes.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a recipient chose for their own digest, keyed by their recipient key (their person id). One document each,
 * changed by single-document upserts. A field that is {@literal null} was never chosen, and the global default
 * ({@code FIELDNOTES_DIGEST_DAY}/{@code _TIME}, chat for people with a chat account) applies.
 *
 * <p>There is deliberately no "off": the digest is how coaches follow a placement, and the programme relies on it.
 * Someone who should not get it any more is removed from the placement by an admin.
 *
 * @param day weekday of the digest, in the recipient's own time zone
 * @param time local time of the digest, in the recipient's own time zone
 * @param channel where it goes
 * @param email the address to e-mail it to when the person's placement gives none (e.g. a Slack coach's address
 * from their Slack profile, or typed in themselves and confirmed from that inbox). Only ever an address Fieldnotes
 * may send to: the digest is sent here (DigestService reads this field, never {@code pendingEmail}). An address
 * stored before confirmation existed counts as confirmed.
 * @param pendingEmail a typed address not yet confirmed: a confirmation link went there, and nothing else will
 * until it is used ({@literal null} when none is waiting)
 * @param pendingChannel the channel to use once {@code pendingEmail} is confirmed
 * @param pendingNonce the single-use nonce of the confirmation link (its {@code jti})
 * @param pendingSince when the confirmation was asked for
 */
@Document("digest_preferences")
public record DigestPreference(@Id String recipientKey, DayOfWeek day, LocalTime time, DigestChannel channel,
		String email, Instant updatedAt, String pendingEmail, DigestChannel pendingChannel, String pendingNonce,
		Instant pendingSince) {

	boolean wantsEmail() {
		return channel == DigestChannel.EMAIL;
	}
}
