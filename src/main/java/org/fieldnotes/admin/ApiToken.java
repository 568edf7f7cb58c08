package org.fieldnotes.admin;

import java.time.Instant;

import org.fieldnotes.access.TokenScope;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A named admin API token. Only the SHA-256 of the token is stored, never the token itself, which its creator sees
 * once.
 *
 * @param name what the token is for, unique among active tokens ({@code [A-Za-z0-9._-]}, 1 to 64 characters)
 * @param activeName the name while the token is active, absent once revoked: its sparse unique index keeps active
 * names unique while a revoked token's name can be used again
 * @param hash SHA-256 of the token, lower-case hex; how a presented token is looked up
 * @param prefix the token's first 8 characters, to recognise it (e.g. in a secret store) without revealing it
 * @param createdBy the name of the token that created this one, {@code bootstrap} for {@code FIELDNOTES_ADMIN_TOKEN},
 * or a Slack member id for a token made with {@code /fieldnotes admin token create}
 * @param lastUsedAt when the token last let a request in, written at most once a minute
 * @param revokedAt when the token was revoked; from then on every request with it gets 401
 * @param scope what it may do; {@literal null} for a token stored before scopes existed, which is
 * {@link TokenScope#ADMIN}
 * @param program the programme it is limited to (as given, compared without regard to case); {@literal null}: none
 */
@Document("api_tokens")
public record ApiToken(@Id String id, String name, @Indexed(unique = true, sparse = true) String activeName,
		@Indexed(unique = true) String hash, String prefix, Instant createdAt, String createdBy, Instant lastUsedAt,
		Instant revokedAt, TokenScope scope, String program) {

	@PersistenceCreator
	public ApiToken {
	}

	public boolean active() {
		return revokedAt == null;
	}

	/** The token's scope: {@link TokenScope#ADMIN} when none was stored. */
	public TokenScope effectiveScope() {
		return TokenScope.orAdmin(scope);
	}
}
