package org.fieldnotes.prompting;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health's {@code promptSchedule}: always UP (the app answers while the schedule is rebuilt after a start), with
 * how far the rebuild is as a detail ({@code rebuilding 2000/10000 placements}, then {@code rebuilt: …}), shown
 * where the health shows details ({@code MANAGEMENT_ENDPOINT_HEALTH_SHOW_DETAILS}).
 */
@Component("promptSchedule")
class PromptScheduleHealth implements HealthIndicator {

	private final PromptScheduler scheduler;

	PromptScheduleHealth(PromptScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public Health health() {
		return Health.up().withDetail("schedule", scheduler.progress()).build();
	}
}
