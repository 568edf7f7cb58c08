package org.fieldnotes.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a person chose for themselves, keyed by their person id (one document each, so every change is an
 * idempotent single-document upsert): their language, whether they want reminders, and an absence.
 *
 * @param language {@code en} or {@code sv}, overriding the placement's; {@literal null} when not chosen
 * @param remindersOff no reminders for unanswered prompts ({@literal null}: never chosen, so reminders are on)
 * @param awayFrom first day of an absence, in the person's time zone; {@literal null} when none
 * @param awayTo last day of the absence (inclusive)
 * @param visibility who may read their new entries and status updates unless they choose otherwise for one;
 * {@literal null} when never chosen (their programme's default applies)
 */
@Document("person_preferences")
public record PersonPreferences(@Id String personId, String language, Boolean remindersOff, LocalDate awayFrom,
		LocalDate awayTo, Instant updatedAt, Visibility visibility) {

	@PersistenceCreator
	public PersonPreferences {
	}

	/** Preferences without a visibility of their own. */
	public PersonPreferences(String personId, String language, Boolean remindersOff, LocalDate awayFrom,
			LocalDate awayTo, Instant updatedAt) {
		this(personId, language, remindersOff, awayFrom, awayTo, updatedAt, null);
	}

	static PersonPreferences none(String personId) {
		return new PersonPreferences(personId, null, null, null, null, null, null);
	}

	/** Whether the person turned reminders off. */
	public boolean wantsNoReminders() {
		return Boolean.TRUE.equals(remindersOff);
	}

	/** Whether the person is away on that day of theirs. */
	public boolean isAwayOn(LocalDate date) {
		return awayFrom != null && awayTo != null && !date.isBefore(awayFrom) && !date.isAfter(awayTo);
	}

	public boolean hasAbsence() {
		return awayFrom != null && awayTo != null;
	}

	public Locale locale() {
		return language == null ? null : Locale.forLanguageTag(language);
	}
}
