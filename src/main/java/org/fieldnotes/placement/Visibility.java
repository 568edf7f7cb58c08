package org.fieldnotes.placement;

import java.util.Locale;
import java.util.Optional;


/**
 * Who may read an entry or a status update besides its author. The participant chooses; the default comes from
 * their own setting, else their programme's, else {@link #COACHES}. Admins (programme coordinators, through the
 * admin API) read what is shared with the coaches or the whole placement, never what is private or confidential to
 * the academic coach.
 */
public enum Visibility {

	/** Only the participant. Never in a digest, a summary, a chart, an export for others or an API answer. */
	PRIVATE,
	/** The academic coach and the business coach (the default). */
	COACHES,
	/** The coaches and the manager. */
	PLACEMENT,
	/** Only the academic coach: wellbeing and personal matters. */
	CONFIDENTIAL;

	/** The default when neither the participant nor their programme chose one. */
	public static final Visibility DEFAULT = COACHES;

	/** Whether someone following the placement in this role may read it. The author always may. */
	public boolean readableBy(Role role) {
		switch (this) {
			case PRIVATE:
				return false;
			case COACHES:
				return role == Role.ACADEMIC_COACH || role == Role.BUSINESS_COACH;
			case PLACEMENT:
				return true;
			case CONFIDENTIAL:
				return role == Role.ACADEMIC_COACH;
			default:
				throw new IllegalStateException(name());
		}
	}

	/**
	 * Whether admins (programme coordinators) may read it through the admin API: what is shared with the coaches or
	 * the whole placement. They are not the academic coach, so confidential items stay hidden from them.
	 */
	public boolean readableByAdmins() {
		switch (this) {
			case PRIVATE:
			case CONFIDENTIAL:
				return false;
			case COACHES:
			case PLACEMENT:
				return true;
			default:
				throw new IllegalStateException(name());
		}
	}

	/** Parses what a person or an API caller typed: {@code private}, {@code coaches}, {@code placement}, {@code confidential}. */
	public static Optional<Visibility> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.trim().toUpperCase(Locale.ROOT);
		for (Visibility visibility : values()) {
			if (visibility.name().equals(wanted)) {
				return Optional.of(visibility);
			}
		}
		return Optional.empty();
	}

	/** The lower-case name used in commands, the API and message keys. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
