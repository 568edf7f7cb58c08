/**
 * The end-of-placement report: the participant drafts it from their logbook ({@code /fieldnotes report}, a form on
 * every chat platform), saves it as a draft and submits it; the placement's manager approves it or returns it with a
 * comment, from chat buttons or from a signed e-mail link ({@code /e/{token}}); the approval is recorded (who, when,
 * through which surface) and the report is a PDF for coordinators. Only the participant, the manager and admins
 * see it ({@link org.fieldnotes.access.AccessPolicy}); its words are escaped wherever they are shown, never logged.
 */
package org.fieldnotes.endreport;
