package org.fieldnotes.personaldata;

import java.util.List;
import java.util.Map;

/**
 * One module's answer for what it stores about people. Every module that stores something about a person
 * implements it for its own collections (and only those), so export, erasure and the retention sweep ask each
 * module instead of naming its collections or fields. {@code PersonalDataCoverageTests} fails when a stored
 * document type is claimed by no implementation (or by two) and is not declared {@link NoPersonalData}.
 * <p>
 * Erasure has no transactions to lean on, so it goes module by module in {@link #order()}: first what is only found
 * through other documents, last what leads to them (where a person's addresses and placements are found). A crash
 * midway leaves everything that is left findable, and erasing again finishes the job.
 */
public interface PersonalData {

	/** Messages waiting for or sent to the person (and others' messages that name them). */
	int MESSAGES = 100;
	/** Records of what was sent to whom, which refer to entries and prompts by id. */
	int RECORDS = 200;
	/** What people wrote. */
	int WRITINGS = 300;
	/** What was scheduled or noted for a placement. */
	int SCHEDULES = 400;
	/** What the retention sweep kept of a placement. */
	int RETENTION = 500;
	/** Roles in the installation (admins, tokens). */
	int ROLES = 600;
	/** The audit trail: pseudonymised, not deleted. */
	int AUDIT = 700;
	/** Where further addresses of the person are found (digest settings). */
	int ADDRESSES = 800;
	/** Placements and preferences: how a person's placements are found. */
	int PLACEMENTS = 900;
	/** The person records: how a person's accounts, addresses and names are found; always last. */
	int PEOPLE = 1000;

	/** When this module erases, relative to the others (see the constants); lower goes first. */
	int order();

	/** The stored document types this module answers for. */
	List<Class<?>> documents();

	/**
	 * The subject with whatever more this module knows about who they are (addresses, member ids, names, their own
	 * placements). Asked again until no module adds anything. The default adds nothing.
	 */
	default DataSubject identify(DataSubject subject) {
		return subject;
	}

	/** What is stored here about the subject, one section per kind, as {@code reader} may see it. */
	List<Section> export(DataSubject subject, Reader reader);

	/** What {@link #erase} would delete or change now, by count key (zeros included); changes nothing. */
	Map<String, Long> count(DataSubject subject);

	/**
	 * Deletes what is about the subject, or replaces them by {@code pseudonym} where a record must stay; returns
	 * the same keys as {@link #count}. Running it again finds nothing more.
	 */
	Map<String, Long> erase(DataSubject subject, String pseudonym);

	/**
	 * The retention sweep, for a placement over for the retention period: deletes what participants wrote in it and
	 * what was recorded around it; counts by collection, the keys of {@link #purged()} (zeros included). The
	 * default deletes nothing.
	 */
	default Map<String, Long> purge(String placementId) {
		return Map.of();
	}

	/** The keys {@link #purge} counts, in order; empty when it deletes nothing. */
	default List<String> purged() {
		return List.of();
	}

	/** Who is reading an export. */
	enum Reader {
		/** The person themself ({@code /fieldnotes my-data}): everything. */
		SUBJECT,
		/**
		 * An admin ({@code GET /api/v1/people/{id}/export}): what an admin may read; the words of private and
		 * confidential items (and anything quoting them) are withheld, and counted.
		 */
		ADMIN
	}

	/**
	 * One kind of document in an export.
	 *
	 * @param name its key in the export, e.g. {@code logbook_entries}
	 * @param items the documents as stored (Spring's {@code _class} may be left in; the export removes it)
	 * @param withheld what the reader may not see, counted by why (e.g. {@code private: 2}); empty when nothing was
	 */
	record Section(String name, List<? extends Map<String, Object>> items, Map<String, Long> withheld) {

		public Section {
			items = List.copyOf(items);
			withheld = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(withheld));
		}

		public static Section of(String name, List<? extends Map<String, Object>> items) {
			return new Section(name, items, Map.of());
		}
	}
}
