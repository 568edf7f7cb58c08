package org.fieldnotes.access;

import java.util.Objects;
import java.util.Set;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.ProgramSettings;

/**
 * Who asks: a chat member (by account, and the person it is, if Fieldnotes knows them), the recipient of an e-mail
 * link (a person) or an admin API caller (by token name, with the token's {@link TokenScope} and the programme it is
 * limited to, if any). Made only by {@link AccessPolicy}, which looks up once whether a member is an admin.
 */
public final class Actor {

	/** What kind of credential the actor came with. */
	public enum Kind {
		/** A chat member, by account. */
		MEMBER,
		/** The recipient of a signed e-mail link. */
		EMAIL_LINK,
		/** An admin API caller, by token. */
		API_TOKEN,
		/** A person signed in to the portal (a browser session that carries their person id). */
		SESSION
	}

	private final String key;
	private final Kind kind;
	private final boolean admin;
	private final TokenScope scope;
	private final String program;
	private final PersonId person;
	private final ChatAccount account;
	private final Set<String> programs;

	Actor(PersonId person, ChatAccount account, Kind kind, boolean admin) {
		this(person, account, kind, admin, Set.of());
	}

	/** A member who is an admin of these programmes only (keys; empty: every programme). */
	Actor(PersonId person, ChatAccount account, Kind kind, boolean admin, Set<String> programs) {
		this(person != null ? person.value() : account != null ? account.key() : null, kind, admin, null, null, person,
				account, programs);
	}

	Actor(String key, Kind kind, boolean admin, TokenScope scope, String program) {
		this(key, kind, admin, scope, program, null, null, Set.of());
	}

	private Actor(String key, Kind kind, boolean admin, TokenScope scope, String program, PersonId person,
			ChatAccount account, Set<String> programs) {
		this.key = key;
		this.kind = kind;
		this.admin = admin;
		this.scope = scope;
		this.program = program == null || program.isBlank() ? null : program.strip();
		this.person = person;
		this.account = account;
		this.programs = admin && programs != null ? Set.copyOf(programs) : Set.of();
	}

	/**
	 * The programmes a member who is an admin coordinates ({@link ProgramSettings#keyOf keys}); empty for an admin of
	 * every programme and for anyone else (an API token's one programme is {@link #program()}).
	 */
	public Set<String> programs() {
		return programs;
	}

	/** Whether this actor, as an admin, may see and act on the programme: not limited, or limited to it among others. */
	public boolean coordinates(String program) {
		if (!admin) {
			return false;
		}
		String key = program == null ? "" : ProgramSettings.keyOf(program);
		if (this.program != null && !ProgramSettings.keyOf(this.program).equals(key)) {
			return false;
		}
		return programs.isEmpty() || programs.contains(key);
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
				&& a.scope == scope && Objects.equals(a.program, program) && Objects.equals(a.account, account)
				&& a.programs.equals(programs);
	}

	@Override
	public int hashCode() {
		return Objects.hash(key, kind, admin, scope, program);
	}

	@Override
	public String toString() {
		return kind + (admin ? " (admin)" : "") + (scope == null ? "" : " " + scope.key())
				+ (program == null && programs.isEmpty() ? "" : " limited to programmes");
	}
}
