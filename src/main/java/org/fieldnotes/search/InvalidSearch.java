package org.fieldnotes.search;

/** A search that cannot be run as asked: {@link #field()} names what is wrong, {@link #getMessage()} what it must be. */
public class InvalidSearch extends IllegalArgumentException {

	private final String field;

	public InvalidSearch(String field, String expected) {
		super(field + ": " + expected);
		this.field = field;
	}

	/** The {@link SearchQuery} component that is wrong: {@code words}, {@code to}, {@code page} or {@code size}. */
	public String field() {
		return field;
	}
}
