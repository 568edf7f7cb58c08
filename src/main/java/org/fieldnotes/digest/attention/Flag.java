package org.fieldnotes.digest.attention;

import java.util.List;

/**
 * Why a placement needs attention, with the numbers and dates that say so. The arguments are facts (day counts,
 * dates, mood points, an error code), never a participant's words.
 *
 * @param kind which rule fired
 * @param variant a variant of the rule's wording, or {@literal null}
 * @param args the message arguments, in the order the message uses them
 */
public record Flag(Kind kind, String variant, List<Object> args) {

	public Flag {
		args = List.copyOf(args);
	}

	static Flag of(Kind kind, Object... args) {
		return new Flag(kind, null, List.of(args));
	}

	/** The message key of this flag in {@code i18n/digest}. */
	public String messageKey() {
		return "digest.attention." + kind + (variant == null ? "" : "." + variant);
	}

	public enum Kind {
		/** No logbook entry for 14+ days (counting from the start when none was ever written). */
		NO_RECENT_ENTRY,
		/** The latest status update is red. */
		RED_STATUS,
		/** Mood down by 2+ points against the highest mood of the preceding 3 weeks. */
		MOOD_DROP,
		/**
		 * A blocker item (not private) unresolved for 14+ days; for a placement without items, status updates have
		 * reported a blocker continuously for 14+ days.
		 */
		LONG_BLOCKER,
		/** The last three prompts that fell due were all skipped or missed. */
		SKIPPED_IN_A_ROW,
		/** A prompt could not be delivered in the last 7 days. */
		DELIVERY_FAILED
	}
}
