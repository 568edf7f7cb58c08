package org.fieldnotes.portal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sign-in link that was mailed: what makes it single-use and what the per-person limit counts. The link's token
 * itself is never stored, only a SHA-256 of its random id ({@code jti}), so the store cannot mint or replay one.
 *
 * @param id the SHA-256 (hex) of the token's random id
 * @param personId who it signs in
 * @param createdAt when it was asked for
 * @param expiresAt when it stops working
 * @param usedAt when it signed someone in; {@literal null} while unused
 */
@Document(SignInLink.COLLECTION)
record SignInLink(@Id String id, @Indexed String personId, Instant createdAt, Instant expiresAt, Instant usedAt) {

	static final String COLLECTION = "portal_sign_in_links";
}
