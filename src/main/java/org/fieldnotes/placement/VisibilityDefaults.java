package org.fieldnotes.placement;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.springframework.stereotype.Service;

/**
 * The visibility a new entry or status update gets when its author chose none for it: the author's own default,
 * else their programme's, else {@link Visibility#DEFAULT}.
 */
@Service
public class VisibilityDefaults {

	private final Preferences preferences;
	private final Programs programs;
	private final PlacementManagement placements;
	private final People people;

	VisibilityDefaults(Preferences preferences, Programs programs, PlacementManagement placements, People people) {
		this.people = people;
		this.preferences = preferences;
		this.programs = programs;
		this.placements = placements;
	}

	/** Where an effective default comes from. */
	public enum Origin {
		/** The person chose it ({@code /fieldnotes visibility}, App Home). */
		PERSON,
		/** Their programme's default, set by an admin. */
		PROGRAM,
		/** Neither chose: {@link Visibility#DEFAULT}. */
		FIELDNOTES
	}

	/** An effective default and where it comes from. */
	public record Effective(Visibility visibility, Origin origin) {
	}

	/** The effective default of whoever has this chat account (see {@link #of(PersonId)}). */
	public Effective of(ChatAccount account) {
		return of(people.find(account).map(Person::id).orElse(null));
	}

	/** The effective default of a person, in the programme of their current placement (if any). */
	public Effective of(PersonId person) {
		String program = placements.currentIdFor(person).map(PlacementManagement.CurrentPlacement::program)
			.orElse(null);
		return of(person, program);
	}

	/** The effective default of a person writing in a programme ({@literal null}: none). */
	public Effective of(PersonId person, String program) {
		Visibility own = preferences.of(person).visibility();
		if (own != null) {
			return new Effective(own, Origin.PERSON);
		}
		if (program != null && !program.isBlank()) {
			Visibility programs = this.programs.of(program).defaultVisibility();
			if (programs != null) {
				return new Effective(programs, Origin.PROGRAM);
			}
		}
		return new Effective(Visibility.DEFAULT, Origin.FIELDNOTES);
	}

	/** What a new item of this person gets: {@code chosen} when they chose one, else their effective default. */
	public Visibility forNew(PersonId author, String program, Visibility chosen) {
		return chosen != null ? chosen : of(author, program).visibility();
	}
}
