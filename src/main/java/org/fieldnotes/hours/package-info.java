/**
 * Hours logged against a required total: where a programme counts time ({@code requiredHours}), a participant logs
 * the hours they worked on the placement, one figure per day ({@code /fieldnotes hours 7.5}); they see how far they
 * are, and coordinators see the totals (the admin API, the cohort digest, the evaluation export). A day's note is the
 * participant's own: nobody else reads it.
 */
package org.fieldnotes.hours;
