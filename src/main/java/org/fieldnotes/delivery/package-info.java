/**
 * Durable outbound delivery: every message Fieldnotes sends on its own (prompts, reminders, digests, notices to a
 * participant) is written to the {@code outbox} collection first, under an idempotency key naming what it is, and
 * then delivered — at once when the sender can, else by {@link org.fieldnotes.delivery.OutboxWorker}. Deliveries are
 * paced to Slack's limits, retried with backoff on rate limits, 5xx and timeouts, and given up on permanent errors.
 * Claims on messages carry a lease (owner and expiry), so two instances never send the same message and a dead
 * instance's work is picked up when its lease runs out.
 */
package org.fieldnotes.delivery;
