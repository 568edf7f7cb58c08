package org.fieldnotes.access;

import org.fieldnotes.chat.ChatAccount;

/**
 * Whether a chat member is an admin (a programme coordinator). Implemented by the admin module, so that the policy
 * depends on nothing but {@code placement} and {@code people}.
 */
public interface Admins {

	boolean isAdmin(ChatAccount account);
}
