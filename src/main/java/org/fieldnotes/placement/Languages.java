package org.fieldnotes.placement;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PeopleDirectory;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.springframework.stereotype.Service;

/**
 * The one place that decides the language Fieldnotes writes to someone in (prompts, reminders, answers, digests,
 * e-mails, pages): the one they chose ({@code /fieldnotes language}), else the one they were enrolled with, else
 * the one they use on their chat platform (asked only then), else English.
 */
@Service
public class Languages {

	private final Preferences preferences;
	private final People people;
	private final PeopleDirectory directory;

	Languages(Preferences preferences, People people, PeopleDirectory directory) {
		this.preferences = preferences;
		this.people = people;
		this.directory = directory;
	}

	/** The person's language. */
	public Locale of(Person person) {
		return known(person).orElse(Locale.ENGLISH);
	}

	/** The language of the person with this id (English when there is nobody by that id). */
	public Locale of(PersonId person) {
		return people.find(person).flatMap(this::known).orElse(Locale.ENGLISH);
	}

	/** The language of whoever has this chat account, known to Fieldnotes or not. */
	public Locale of(ChatAccount account) {
		return known(account).orElse(Locale.ENGLISH);
	}

	/** The language of whoever has this account; empty when neither they nor their platform say. */
	public Optional<Locale> known(ChatAccount account) {
		Optional<Person> person = people.find(account);
		Optional<Locale> own = person.flatMap(this::chosenOrEnrolled);
		return own.isPresent() ? own : platformLanguage(account);
	}

	/** The person's language; empty when neither they nor their platform say. */
	public Optional<Locale> known(Person person) {
		Optional<Locale> own = chosenOrEnrolled(person);
		return own.isPresent() || person.chatAccount() == null ? own : platformLanguage(person.chatAccount());
	}

	private Optional<Locale> chosenOrEnrolled(Person person) {
		return Optional.ofNullable(preferences.of(person.id()).locale()).or(() -> Optional.ofNullable(person.language()));
	}

	/** The language someone set on their chat platform (Slack's {@code locale}); empty when it can't be asked. */
	private Optional<Locale> platformLanguage(ChatAccount account) {
		try {
			return directory.lookup(account).map(person -> Locale.forLanguageTag(person.language()));
		}
		catch (DirectoryUnavailable e) {
			return Optional.empty();
		}
	}
}
