package org.fieldnotes.prompting;

import org.springframework.context.ApplicationContext;

/**
 * For tests outside this package: what Quartz does when a placement's prompt trigger fires (Quartz does not run in
 * tests), as {@code PromptScheduler#fire} does it.
 */
public final class PromptFirings {

	private PromptFirings() {
	}

	/** Fires the placement's prompt job now, at the test clock's time. */
	public static void fire(ApplicationContext context, String placementId) {
		context.getBean(PromptScheduler.class).fire(placementId);
	}
}
