package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldnotes.chat.DeliveryFailed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What Slack's error codes mean for another try, as the outbox sees them through {@link DeliveryFailed#kind()}. */
class SlackErrorsTests {

	@ParameterizedTest
	@CsvSource({ "ratelimited, RATE_LIMITED", "http_429, RATE_LIMITED", "http_500, TRANSIENT", "http_503, TRANSIENT",
			"unreachable, TRANSIENT", "internal_error, TRANSIENT", "fatal_error, TRANSIENT",
			"service_unavailable, TRANSIENT", "request_timeout, TRANSIENT", "user_not_found, RECIPIENT_GONE",
			"account_inactive, RECIPIENT_GONE", "channel_not_found, PERMANENT", "not_in_channel, PERMANENT",
			"invalid_auth, PERMANENT", "invalid_blocks, PERMANENT", "http_404, PERMANENT",
			"error_IllegalStateException, PERMANENT" })
	void onlyRateLimitsServerErrorsAndNetworkTroubleAreRetried(String reason, DeliveryFailed.Kind kind) {
		DeliveryFailed failure = SlackErrors.failure(reason, null);
		assertThat(failure.kind()).isEqualTo(kind);
		assertThat(failure.reason()).isEqualTo(reason);
		assertThat(failure.retryable()).isEqualTo(kind == DeliveryFailed.Kind.RATE_LIMITED || kind == DeliveryFailed.Kind.TRANSIENT);
	}

	@ParameterizedTest
	@CsvSource({ "account_inactive, true", "user_not_found, true", "user_disabled, true", "channel_not_found, false",
			"http_500, false" })
	void aGoneAccountIsToldApartFromOtherRefusals(String reason, boolean gone) {
		assertThat(SlackErrors.kindOf(reason) == DeliveryFailed.Kind.RECIPIENT_GONE).isEqualTo(gone);
	}
}
