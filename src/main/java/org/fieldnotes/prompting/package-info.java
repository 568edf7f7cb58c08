/**
 * The prompt library, choosing the prompt for a placement's phase, and the schedule: Quartz is the clock, MongoDB
 * (claimed {@link org.fieldnotes.prompting.PromptOccurrence}s) is the truth.
 */
package org.fieldnotes.prompting;
