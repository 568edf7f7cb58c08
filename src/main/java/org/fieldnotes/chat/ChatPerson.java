package org.fieldnotes.chat;

/**
 * A member of the chat workspace as the platform describes them.
 *
 * @param account their account
 * @param name the name people see (real name, else display name, else handle)
 * @param timezone IANA time zone name, or {@literal null} when the platform does not say
 * @param locale the member's language tag, e.g. {@code sv-SE}, or {@literal null} when the platform does not say
 * @param deleted whether the account is deactivated (such members still accept messages, but nobody reads them)
 * @param email may be {@literal null} (Slack shows it only with the {@code users:read.email} scope)
 */
public record ChatPerson(ChatAccount account, String name, String timezone, String locale, boolean deleted,
		String email) {

	/** {@code sv} for any Swedish locale ({@code sv-SE}, {@code sv-FI}), {@code en} for anything else. */
	public String language() {
		return locale != null && (locale.equalsIgnoreCase("sv") || locale.toLowerCase(java.util.Locale.ROOT).startsWith("sv-"))
				? "sv" : "en";
	}
}
