package org.fieldnotes.people;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's stable Fieldnotes id: a random UUID, the same whatever channel they use and whatever accounts they
 * gain or lose. Stored as its string.
 */
public record PersonId(String value) {

	public PersonId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("A person id cannot be blank");
		}
	}

	/** A new id. */
	public static PersonId random() {
		return new PersonId(UUID.randomUUID().toString());
	}

	/** The id written as text (a UUID), e.g. in an API path; empty for anything else. */
	public static Optional<PersonId> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		if (value.length() != 36) {
			return Optional.empty();
		}
		try {
			UUID.fromString(value);
			return Optional.of(new PersonId(value.toLowerCase(java.util.Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
