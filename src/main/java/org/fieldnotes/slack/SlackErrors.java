package org.fieldnotes.slack;

import java.util.Set;

import org.fieldnotes.chat.DeliveryFailed;

/**
 * What Slack's error codes mean for another try. Only rate limits, server errors and network trouble pass by
 * themselves; everything else (a deleted user, a channel the app is not in, a malformed message, a revoked token)
 * would fail the same way for ever. Some failures leave the outcome unknown: Slack may have posted the message.
 */
final class SlackErrors {

	/** Our code for a request that went out and got no answer (a read timeout, a connection reset). */
	static final String NO_ANSWER = "no_answer";
	/** Our code for a request that never went out (connection refused, connect timeout, unknown host). */
	static final String UNREACHABLE = "unreachable";

	private static final Set<String> TRANSIENT = Set.of(UNREACHABLE, NO_ANSWER, "internal_error", "fatal_error",
			"service_unavailable", "request_timeout", "timeout");

	/**
	 * Failures after which Slack may have posted the message all the same. Slack documents {@code internal_error}
	 * and {@code fatal_error} as "it's possible some aspect of the operation succeeded"; a 5xx other than 503 may come
	 * from a gateway that had passed the request on. A 503 ({@code service_unavailable}) and {@code request_timeout}
	 * ("the POST data was either missing or truncated") mean it was not taken.
	 */
	private static final Set<String> OUTCOME_UNKNOWN = Set.of(NO_ANSWER, "internal_error", "fatal_error");

	/** The person cannot receive anything any more: their account is deleted or deactivated. */
	private static final Set<String> RECIPIENT_GONE = Set.of("account_inactive", "user_not_found", "user_disabled",
			"user_is_restricted", "cannot_dm_bot");

	private SlackErrors() {
	}

	/** A failure with Slack's error code ({@code ok: false}), or our own code for the HTTP or network level. */
	static DeliveryFailed failure(String code, Throwable cause) {
		return outcomeUnknown(code) ? DeliveryFailed.outcomeUnknown(code, kindOf(code), cause)
				: new DeliveryFailed(code, kindOf(code), cause);
	}

	/** Whether Slack may have posted the message although the call failed with this code. */
	static boolean outcomeUnknown(String code) {
		String reason = code == null ? "" : code;
		return OUTCOME_UNKNOWN.contains(reason) || (reason.startsWith("http_5") && !"http_503".equals(reason));
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
