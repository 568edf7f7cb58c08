package org.fieldnotes.admin.api;

import java.util.List;
import java.util.Map;

import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.OutboxStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/deliveries}: the outbox at a glance for admins — how many outbound messages are pending, being
 * sent, sent and given up, how many may have arrived twice — and the newest given up, with the platform's reason
 * (e.g. {@code account_inactive}), so a coordinator can see who Fieldnotes cannot reach. No message bodies: they
 * are dropped once a message is settled.
 */
@RestController
class DeliveriesController {

	static final int MAX_LIMIT = 500;

	private final Outbox outbox;

	DeliveriesController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/api/v1/deliveries")
	Deliveries deliveries(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidQuery("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return new Deliveries(outbox.counts(), outbox.possiblyDuplicated(), outbox.failed(limit));
	}

	/** A query parameter out of range: answered 400 with problem+json naming it. */
	static class InvalidQuery extends RuntimeException {

		private final String field;

		InvalidQuery(String field, String message) {
			super(message);
			this.field = field;
		}

		String field() {
			return field;
		}
	}

	/** {@code possiblyDuplicated}: messages that may have reached the person once more than their status shows. */
	record Deliveries(Map<OutboxStatus, Long> counts, long possiblyDuplicated, List<Outbox.FailedDelivery> failed) {
	}
}
