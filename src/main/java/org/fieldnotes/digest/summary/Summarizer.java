package org.fieldnotes.digest.summary;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the short summary that opens a placement's part of a digest. It is given only the entries the digest
 * quotes for its recipient, and says nothing (empty) about a week without entries. The texts are people's own
 * words: implementations never log them and send them nowhere but the configured summary endpoint.
 */
public interface Summarizer {

	/**
	 * @param entries the texts of the week's entries the recipient may see, oldest first
	 * @param locale the recipient's language (English or Swedish)
	 * @return one or two sentences, and perhaps the recurring themes; empty when there is nothing to summarize
	 */
	Optional<String> summarize(List<String> entries, Locale locale);
}
