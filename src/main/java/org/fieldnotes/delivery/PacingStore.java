package org.fieldnotes.delivery;

import org.fieldnotes.store.NotSynced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the outbox's pacing asks of the store. */
@Configuration(proxyBeanMethods = false)
public class PacingStore {

	/**
	 * The pacing slots and learned rates ({@code outbox_pace}) are written twice per message sent; synced, those
	 * were two more fsyncs per message on the path every DM's answers take (docs/performance.md, P1).
	 */
	public static final NotSynced SLOTS = new NotSynced(SharedPaceBudgets.COLLECTION,
			"after a crash a slot or learned rate may be a second old: at worst one message goes early and is answered "
					+ "429 (and retried), or a rate is learned again; no message, entry or claim is in it");

	@Bean
	NotSynced pacingSlotsNotSynced() {
		return SLOTS;
	}
}
