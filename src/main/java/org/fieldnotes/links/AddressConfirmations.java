package org.fieldnotes.links;

/**
 * Where a confirmed e-mail address takes effect: implemented by the module that asked for the confirmation (the
 * digest's settings), so that this module, which serves the page, depends on none of them.
 */
public interface AddressConfirmations {

	/** Where a confirmation stands. */
	enum State {
		/** Waiting for this very link: confirming it now takes effect. */
		PENDING,
		/** Done: the address is in use (this link, or an earlier one for the same address, was used). */
		CONFIRMED,
		/** This link is no longer the pending one: a newer one was asked for, or the settings changed since. */
		REPLACED
	}

	/** Where the confirmation this link stands for (person, address, single-use nonce) stands; changes nothing. */
	State state(String recipientKey, String address, String nonce);

	/**
	 * Puts the address to use if this link is still the pending one, at most once (atomically: a link used twice,
	 * or by two requests at once, takes effect once).
	 *
	 * @return {@link State#CONFIRMED} when the address is now in use (now or before); {@link State#REPLACED} otherwise
	 */
	State confirm(String recipientKey, String address, String nonce);

	/**
	 * Who confirmed this address from its inbox (compared without regard to case): their recipient keys; empty when
	 * nobody did (an address still waiting for its confirmation counts for nothing).
	 */
	java.util.List<String> confirmedBy(String address);
}
