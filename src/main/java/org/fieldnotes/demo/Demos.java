package org.fieldnotes.demo;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The demo a visitor tries in the browser: a made-up placement whose four people have web chat accounts. Off when a
 * chat platform is configured, unless {@code FIELDNOTES_DEMO=true}.
 */
public interface Demos {

	/** Whether <em>Try it</em> is offered now. */
	boolean enabled();

	/**
	 * Enrols a new demo placement: a participant, a manager, an academic coach and a business coach with made-up
	 * names and web accounts, in the visitor's time zone and language, marked as demo data.
	 * @throws IllegalStateException when the demo is not enabled
	 */
	Demo start(ZoneId timeZone, Locale language);

	/** Sends the demo participant's next due prompt now, through the outbox like any prompt. */
	void sendNextPrompt(String placementId);

	/** Sends this week's digests of the demo placement now, to its manager and coaches, as they would get them. */
	void sendDigests(String placementId);
}
