package org.fieldnotes.logbook;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.placement.Role;

/**
 * Who a blocker is for, or who acted on it: the participant or one of the placement's followers. The participant
 * picks the owner in the status form; the participant is the default.
 */
public enum BlockerOwner {
	PARTICIPANT, ACADEMIC_COACH, BUSINESS_COACH, MANAGER;

	/** The follower role of this owner; empty for the participant. */
	public Optional<Role> role() {
		return this == PARTICIPANT ? Optional.empty() : Optional.of(Role.valueOf(name()));
	}

	public static BlockerOwner of(Role role) {
		return valueOf(role.name());
	}

	/** What a form or an API caller sent ({@code participant}, {@code business_coach}…); empty when it is none. */
	public static Optional<BlockerOwner> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** The lower-case name the API and message keys use. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
