/**
 * The portal: web pages for the people around a placement, behind a sign-in of their own ({@code /portal/**}, its
 * own Spring Security filter chain: a session, CSRF, a Content-Security-Policy that allows nothing from outside the
 * app). People sign in with a one-time link mailed to an address Fieldnotes knows is theirs (Spring Security's
 * one-time-token login, the tokens signed and kept in MongoDB, single use, 15 minutes); the session carries their
 * person id and nothing else. Every page asks {@link org.fieldnotes.access.AccessPolicy}; a placement's items are
 * shown to a reader only as {@link org.fieldnotes.access.Operation#READ_ITEM} allows, as a digest shows them.
 */
package org.fieldnotes.portal;
