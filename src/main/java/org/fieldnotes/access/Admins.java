package org.fieldnotes.access;

/**
 * Whether a chat member is an admin (a programme coordinator). Implemented by the admin module, so that the policy
 * depends on nothing but {@code placement}.
 */
public interface Admins {

	boolean isAdmin(String slackUserId);
}
