package org.fieldnotes.people;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.personaldata.LegacyPeople;

/**
 * The people module's answer to how people were named before they had ids ({@link LegacyPeople}). A member id is read
 * by whichever chat adapter recognises it (all data from before was Slack's), with its workspace not known: it is
 * recorded on the person's first contact.
 */
class LegacyKeys implements LegacyPeople {

	private static final String EMAIL = "email:";

	private final People people;
	private final AccountReferences references;

	LegacyKeys(People people, AccountReferences references) {
		this.people = people;
		this.references = references;
	}

	@Override
	public boolean isPersonId(String value) {
		return PersonId.parse(value).isPresent();
	}

	@Override
	public Optional<String> personFor(String key, boolean create) {
		if (key == null || key.isBlank()) {
			return Optional.empty();
		}
		if (isPersonId(key)) {
			return Optional.of(key);
		}
		if (key.regionMatches(true, 0, EMAIL, 0, EMAIL.length())) {
			String address = key.substring(EMAIL.length()).strip();
			if (address.isEmpty()) {
				return Optional.empty();
			}
			Optional<Person> found = people.withAddressOnly(address);
			return found.or(() -> create ? Optional.of(people.ensureAddress(address)) : Optional.empty())
				.map(p -> p.id().value());
		}
		Optional<ChatAccount> account = references.anyAccount(key);
		if (account.isEmpty()) {
			return Optional.empty();
		}
		return people.find(account.get())
			.or(() -> create ? Optional.of(people.ensure(account.get())) : Optional.empty())
			.map(p -> p.id().value());
	}

	@Override
	public Optional<String> personFor(Document embedded) {
		Optional<ChatAccount> account = references.anyAccount(embedded.getString("slackUserId"));
		String email = blankToNull(embedded.getString("email"));
		if (account.isEmpty() && email == null) {
			return Optional.empty();
		}
		People.Details details = new People.Details(blankToNull(embedded.getString("name")),
				account.map(List::of).orElse(List.of()), email, blankToNull(embedded.getString("timezone")),
				blankToNull(embedded.getString("locale")), blankToNull(embedded.getString("country")));
		return Optional.of(people.enrol(details, null, null).id().value());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
