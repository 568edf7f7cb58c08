package org.fieldnotes.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an admin API token may do: everything ({@code admin}), or only read ({@code read-only}: every {@code GET}).
 * A token stored before scopes existed has none, and is {@link #ADMIN}.
 */
public enum TokenScope {

	ADMIN("admin"), READ_ONLY("read-only");

	private final String key;

	TokenScope(String key) {
		this.key = key;
	}

	/** How the API writes it: {@code admin} or {@code read-only}. */
	public String key() {
		return key;
	}

	/** The scope written as the API writes it (in any case); empty for anything else. */
	public static Optional<TokenScope> parse(String key) {
		if (key == null) {
			return Optional.empty();
		}
		String wanted = key.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(s -> s.key.equals(wanted)).findFirst();
	}

	/** A stored scope, {@link #ADMIN} when none was stored (tokens made before scopes existed). */
	public static TokenScope orAdmin(TokenScope scope) {
		return scope == null ? ADMIN : scope;
	}
}
