package org.fieldnotes.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.personaldata.DataSubject;
import org.springframework.stereotype.Component;

/**
 * Reads who an admin means when they name a person to export or erase: a person id, {@code email:<address>} (the
 * prefix and the address in any case), or a chat member as their platform's people write them (read by that
 * platform's adapter, e.g. {@code U012ADA} or {@code @U012ADA} on Slack).
 */
@Component
public class Subjects {

	public static final String EMAIL_PREFIX = DataSubject.EMAIL_PREFIX;
	private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,255}");

	private final AccountReferences references;

	Subjects(AccountReferences references) {
		this.references = references;
	}

	/**
	 * The person named by what was typed; empty when it is none of the forms above.
	 * @param typedOn the account it was typed from (its platform reads member references first), or
	 * {@literal null} (the admin API: any platform's adapter may recognise it)
	 */
	public Optional<DataSubject> parse(String typed, ChatAccount typedOn) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		String value = typed.strip();
		Optional<PersonId> person = PersonId.parse(value);
		if (person.isPresent()) {
			return Optional.of(DataSubject.person(person.get().value()));
		}
		if (value.regionMatches(true, 0, EMAIL_PREFIX, 0, EMAIL_PREFIX.length())) {
			String address = value.substring(EMAIL_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
			return EMAIL.matcher(address).matches()
					? Optional.of(DataSubject.asked(EMAIL_PREFIX + address, List.of(), List.of(), List.of(address)))
					: Optional.empty();
		}
		Optional<ChatAccount> account = typedOn == null ? Optional.empty()
				: references.account(typedOn.platform(), value, typedOn.workspace());
		return account.or(() -> references.anyAccount(value))
			.map(a -> DataSubject.asked(a.memberId(), List.of(), List.of(a.key()), List.of()));
	}

	/** The person with this account (their own data, {@code /fieldnotes my-data}). */
	public DataSubject of(ChatAccount account) {
		return DataSubject.asked(account.memberId(), List.of(), List.of(account.key()), List.of());
	}
}
