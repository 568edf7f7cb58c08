package org.fieldnotes.access;

import java.util.Objects;

/**
 * Who asks: a chat member (by Slack member id), the recipient of an e-mail link ({@code email:<address>}) or an admin
 * API caller (by token name). Made only by {@link AccessPolicy}, which looks up once whether a member is an admin.
 */
public final class Actor {

	/** What kind of credential the actor came with. */
	public enum Kind {
		MEMBER, EMAIL_LINK, API_TOKEN
	}

	private final String key;
	private final Kind kind;
	private final boolean admin;

	Actor(String key, Kind kind, boolean admin) {
		this.key = key;
		this.kind = kind;
		this.admin = admin;
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

	@Override
	public boolean equals(Object other) {
		return other instanceof Actor a && a.kind == kind && a.admin == admin && Objects.equals(a.key, key);
	}

	@Override
	public int hashCode() {
		return Objects.hash(key, kind, admin);
	}

	@Override
	public String toString() {
		return kind + (admin ? " (admin)" : "");
	}
}
