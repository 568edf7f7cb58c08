/**
 * Signed, expiring links for people outside Slack: an e-mail digest links each entry to a page
 * ({@code GET /r/{token}}) where its recipient can acknowledge it or reply, without an account (at most five replies
 * per link in any hour); a new digest address is confirmed from its inbox through a single-use link
 * ({@code /confirm/{token}}). The token is the capability: it names what it is for, expires, and is re-verified on
 * every request. Without {@code FIELDNOTES_LINK_SECRET} (at least 256 bits) there are no links.
 */
package org.fieldnotes.links;
