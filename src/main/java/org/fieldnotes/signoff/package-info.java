/**
 * Host sign-off of weeks: where a programme asks for it ({@code hostSignOff}), each placement's manager is asked,
 * once a placement week is over, to sign it off with a rating (green, amber, red) and an optional comment, in chat
 * (buttons and a comment form on every chat platform) or from a signed e-mail link ({@code /w/{token}}). A week is
 * signed off once ({@code week_signoffs}); the participant is told, coordinators read the sign-offs through the admin
 * API. Only the placement's manager signs off ({@link org.fieldnotes.access.AccessPolicy}); the week they are shown
 * holds only the entries and status updates they may read (a private entry never reaches them).
 */
package org.fieldnotes.signoff;
