package org.fieldnotes.access;

import org.fieldnotes.chat.ChatAccount;

/**
 * Whether a chat member is an admin (a programme coordinator). Implemented by the admin module, so that the policy
 * depends on nothing but {@code placement} and {@code people}.
 */
public interface Admins {

	boolean isAdmin(ChatAccount account);

	/**
	 * The programmes an admin coordinates, as {@link org.fieldnotes.placement.ProgramSettings#keyOf keys}; empty for
	 * an admin of every programme (and for anyone who is no admin).
	 */
	default java.util.Set<String> programsOf(ChatAccount account) {
		return java.util.Set.of();
	}
}
