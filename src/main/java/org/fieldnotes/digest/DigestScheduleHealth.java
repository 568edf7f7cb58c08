package org.fieldnotes.digest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health's {@code digestSchedule}: always UP (the app answers while the digests' catch-up runs after a start),
 * with how far that catch-up is as a detail ({@code waiting to catch up}, {@code catching up: …}, then
 * {@code caught up: …}), shown where the health shows details ({@code MANAGEMENT_ENDPOINT_HEALTH_SHOW_DETAILS}).
 */
@Component("digestSchedule")
class DigestScheduleHealth implements HealthIndicator {

	private final DigestScheduler scheduler;

	DigestScheduleHealth(DigestScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public Health health() {
		return Health.up().withDetail("catchUp", scheduler.progress()).build();
	}
}
