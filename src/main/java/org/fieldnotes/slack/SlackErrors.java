package org.fieldnotes.slack;

import java.util.Set;

import org.fieldnotes.chat.DeliveryFailed;

/**
 * What Slack's error codes mean for another try. Only rate limits, server errors and network trouble pass by
 * themselves; everything else (a deleted user, a channel the app is not in, a malformed message, a revoked token)
 * would fail the same way for ever.
 */
final class SlackErrors {

	private static final Set<String> TRANSIENT = Set.of("unreachable", "internal_error", "fatal_error",
			"service_unavailable", "request_timeout", "timeout");

	/** The person cannot receive anything any more: their account is deleted or deactivated. */
	private static final Set<String> RECIPIENT_GONE = Set.of("account_inactive", "user_not_found", "user_disabled",
			"user_is_restricted", "cannot_dm_bot");

	private SlackErrors() {
	}

	/** A failure with Slack's error code ({@code ok: false}), or our own code for the HTTP or network level. */
	static DeliveryFailed failure(String code, Throwable cause) {
		return new DeliveryFailed(code, kindOf(code), cause);
	}

	static DeliveryFailed.Kind kindOf(String code) {
		String reason = code == null ? "" : code;
		if ("ratelimited".equals(reason) || "http_429".equals(reason)) {
			return DeliveryFailed.Kind.RATE_LIMITED;
		}
		if (TRANSIENT.contains(reason) || reason.startsWith("http_5") || reason.startsWith("upload_http_5")) {
			return DeliveryFailed.Kind.TRANSIENT;
		}
		if (RECIPIENT_GONE.contains(reason)) {
			return DeliveryFailed.Kind.RECIPIENT_GONE;
		}
		return DeliveryFailed.Kind.PERMANENT;
	}
}
