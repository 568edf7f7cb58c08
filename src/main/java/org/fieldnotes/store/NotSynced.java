package org.fieldnotes.store;

/**
 * A collection whose writes are not worth a sync of their own on the embedded store, declared (as a bean) by the
 * module that owns it: its writes reach the disk with the next synced write, or MVStore's background commit about a
 * second later. Only for data whose loss in a crash costs nothing anyone was told was saved (a pacing slot, say):
 * never entries, messages, claims or anything a person or platform was answered about. On a real MongoDB the write
 * concern applies to every collection alike.
 *
 * @param collection the collection's name
 * @param why what a crash costs, for the reader of the declaration
 */
public record NotSynced(String collection, String why) {

	public NotSynced {
		if (collection == null || collection.isBlank() || why == null || why.isBlank()) {
			throw new IllegalArgumentException("A collection left unsynced needs its name and why that is safe");
		}
	}
}
