package org.fieldnotes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.fieldnotes.chat.DeliveryFailed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTests {

	@ParameterizedTest
	@CsvSource({ "ratelimited, RATE_LIMITED", "http_429, RATE_LIMITED", "http_500, TRANSIENT", "http_503, TRANSIENT",
			"unreachable, TRANSIENT", "internal_error, TRANSIENT", "fatal_error, TRANSIENT",
			"service_unavailable, TRANSIENT", "request_timeout, TRANSIENT", "user_not_found, PERMANENT",
			"account_inactive, PERMANENT", "channel_not_found, PERMANENT", "not_in_channel, PERMANENT",
			"invalid_auth, PERMANENT", "invalid_blocks, PERMANENT", "http_404, PERMANENT",
			"error_IllegalStateException, PERMANENT" })
	void onlyRateLimitsServerErrorsAndNetworkTroubleAreRetried(String reason, Failures.Kind kind) {
		assertThat(Failures.classify(new DeliveryFailed(reason, Duration.ofSeconds(1), null))).isEqualTo(kind);
	}

	@ParameterizedTest
	@CsvSource({ "account_inactive, true", "user_not_found, true", "user_disabled, true", "channel_not_found, false",
			"http_500, false" })
	void aGoneAccountIsToldApartFromOtherRefusals(String reason, boolean gone) {
		assertThat(Failures.recipientGone(reason)).isEqualTo(gone);
	}
}
