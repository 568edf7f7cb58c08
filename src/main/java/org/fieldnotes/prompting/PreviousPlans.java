package org.fieldnotes.prompting;

import java.time.Instant;
import java.util.Optional;

import org.fieldnotes.placement.Placement;

/**
 * Where a prompt finds the participant's own last plan to quote ({@link Placeholder#LAST_PLAN}); the logbook's
 * reader lives in another module, which implements this.
 */
public interface PreviousPlans {

	/**
	 * The "Now what?" plan in the placement participant's own latest entry written before {@code before}; empty when
	 * there is none. Only the participant's own words: a prompt is sent to them alone.
	 */
	Optional<String> latestBefore(Placement placement, Instant before);
}
