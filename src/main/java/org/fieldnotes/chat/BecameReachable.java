package org.fieldnotes.chat;

import java.time.Instant;
import java.util.List;

/**
 * A person's chat platform can write to them from now on, where it could not before (on Teams: they, or an admin's
 * policy, installed the app for them). Published by the adapter once per install; what waited for them can go now.
 *
 * @param accounts every form of the account the platform knows them by (on Teams: their Entra object id and their
 * Teams user id, in their tenant); a person enrolled under any of them is the one
 * @param at when
 */
public record BecameReachable(List<ChatAccount> accounts, Instant at) {

	public BecameReachable {
		accounts = List.copyOf(accounts);
	}
}
