package org.fieldnotes.placement;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
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
	/** The preferences a batch of this thread read at once ({@link #preload}); none outside one. */
	private final ThreadLocal<Map<PersonId, PersonPreferences>> preloaded = new ThreadLocal<>();

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

	/**
	 * Reads the chosen languages of these people in one query, for this thread's {@link #of(Person)}s of them until
	 * the returned scope is closed (try-with-resources): a digest run writes to thousands of people, and asking the
	 * store once per person was most of its reads (docs/performance.md, P3).
	 */
	public Preloaded preload(Collection<Person> persons) {
		preloaded.set(preferences.of(persons.stream().map(Person::id).toList()));
		return preloaded::remove;
	}

	/** The languages preloaded by {@link #preload}; closing it ends this thread's use of them. */
	public interface Preloaded extends AutoCloseable {

		@Override
		void close();
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
		Map<PersonId, PersonPreferences> loaded = preloaded.get();
		PersonPreferences chosen = loaded != null && loaded.containsKey(person.id()) ? loaded.get(person.id())
				: preferences.of(person.id());
		return Optional.ofNullable(chosen.locale()).or(() -> Optional.ofNullable(person.language()));
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
