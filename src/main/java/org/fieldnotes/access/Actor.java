package org.fieldnotes.access;

import java.util.Objects;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.PersonId;

/**
 * Who asks: a chat member (by account, and the person it is, if Fieldnotes knows them), the recipient of an e-mail
 * link (a person) or an admin API caller (by token name, with the token's {@link TokenScope} and the programme it is
 * limited to, if any). Made only by {@link AccessPolicy}, which looks up once whether a member is an admin.
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
	private final PersonId person;
	private final ChatAccount account;

	Actor(PersonId person, ChatAccount account, Kind kind, boolean admin) {
		this(person != null ? person.value() : account != null ? account.key() : null, kind, admin, null, null, person,
				account);
	}

	Actor(String key, Kind kind, boolean admin, TokenScope scope, String program) {
		this(key, kind, admin, scope, program, null, null);
	}

	private Actor(String key, Kind kind, boolean admin, TokenScope scope, String program, PersonId person,
			ChatAccount account) {
		this.key = key;
		this.kind = kind;
		this.admin = admin;
		this.scope = scope;
		this.program = program == null || program.isBlank() ? null : program.strip();
		this.person = person;
		this.account = account;
	}

	/**
	 * Who it is, as the audit trail records them: a person id; a chat account ({@code platform:memberId}) for a
	 * member Fieldnotes does not know; the API token's name.
	 */
	public String key() {
		return key;
	}

	/** The person, when the actor is one Fieldnotes knows; {@literal null} otherwise (and for API tokens). */
	public PersonId person() {
		return person;
	}

	/** The chat account a member acts from; {@literal null} for anyone else. */
	public ChatAccount account() {
		return account;
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
				&& a.scope == scope && Objects.equals(a.program, program) && Objects.equals(a.account, account);
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
