/**
 * Progress per learning goal: once a calendar month the participant says which of their goals moved (a note per goal
 * if they like), on every channel through one form; stored per placement and month ({@code goal_progress}) and shown
 * by {@code /fieldnotes goals}, the portfolio, the steering brief and the end report's draft.
 */
package org.fieldnotes.goals;
