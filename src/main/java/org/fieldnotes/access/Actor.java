package org.fieldnotes.access;

import java.util.Objects;

/**
 * Who asks: a chat member (by Slack member id), the recipient of an e-mail link ({@code email:<address>}) or an admin
 * API caller (by token name, with the token's {@link TokenScope} and the programme it is limited to, if any). Made
 * only by {@link AccessPolicy}, which looks up once whether a member is an admin.
 */
public final class Actor {

	/** What kind of credential the actor came with. */
	public enum Kind {
		MEMBER, EMAIL_LINK, API_TOKEN
	}

	private final String key;
	private final Kind kind;
	private final boolean admin;
	private final TokenScope scope;
	private final String program;

	Actor(String key, Kind kind, boolean admin) {
		this(key, kind, admin, null, null);
	}

	Actor(String key, Kind kind, boolean admin, TokenScope scope, String program) {
		this.key = key;
		this.kind = kind;
		this.admin = admin;
		this.scope = scope;
		this.program = program == null || program.isBlank() ? null : program.strip();
	}

	/** A Slack member id, {@code email:<address>}, or the API token's name. */
	public String key() {
		return key;
	}

	public Kind kind() {
		return kind;
	}

	public boolean admin() {
		return admin;
	}

	/** An API token's scope; {@literal null} for anyone else. */
	public TokenScope scope() {
		return scope;
	}

	/** The programme an API token is limited to; {@literal null} when it is not limited (and for anyone else). */
	public String program() {
		return program;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Actor a && a.kind == kind && a.admin == admin && Objects.equals(a.key, key)
				&& a.scope == scope && Objects.equals(a.program, program);
	}

	@Override
	public int hashCode() {
		return Objects.hash(key, kind, admin, scope, program);
	}

	@Override
	public String toString() {
		return kind + (admin ? " (admin)" : "") + (scope == null ? "" : " " + scope.key())
				+ (program == null ? "" : " limited to a programme");
	}
}
