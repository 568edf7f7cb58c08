package org.fieldnotes.delivery;

import java.util.Set;

import org.fieldnotes.chat.DeliveryFailed;

/**
 * Which failures are worth another try. Slack answers a refused message with a short error code; only rate limits,
 * server errors and network trouble pass by themselves. Everything else (a deleted user, a channel the app is not
 * in, a malformed message, a revoked token) would fail the same way for ever, so it is given up at once.
 */
final class Failures {

	enum Kind {
		/** 429: wait as long as the platform said, then try again. */
		RATE_LIMITED,
		/** 5xx, timeouts, connection resets: try again later, with backoff. */
		TRANSIENT,
		/** Anything else: give up now. */
		PERMANENT
	}

	private static final Set<String> TRANSIENT_CODES = Set.of("unreachable", "internal_error", "fatal_error",
			"service_unavailable", "request_timeout", "timeout",
			// the mail server could not be reached or did not take the message now
			"MailSendException");

	/** The person cannot receive anything any more: their account is deleted or deactivated. */
	private static final Set<String> RECIPIENT_GONE = Set.of("account_inactive", "user_not_found", "user_disabled",
			"user_is_restricted", "cannot_dm_bot");

	private Failures() {
	}

	static Kind classify(DeliveryFailed failure) {
		String reason = failure.reason() == null ? "" : failure.reason();
		if ("ratelimited".equals(reason) || "http_429".equals(reason)) {
			return Kind.RATE_LIMITED;
		}
		if (TRANSIENT_CODES.contains(reason) || reason.startsWith("http_5") || reason.startsWith("upload_http_5")) {
			return Kind.TRANSIENT;
		}
		return Kind.PERMANENT;
	}

	static boolean recipientGone(String reason) {
		return reason != null && RECIPIENT_GONE.contains(reason);
	}
}
