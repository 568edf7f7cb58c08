/**
 * Quartz as the clock: {@link org.fieldnotes.schedule.OneShotTriggers}, the one-shot triggers that prompts, digests
 * and snoozes are fired by, and that no failed firing can lose.
 */
package org.fieldnotes.schedule;
