/**
 * Who is placed where, with whom, and when: placements, the people in them and their prompt schedule.
 */
package org.fieldnotes.placement;
