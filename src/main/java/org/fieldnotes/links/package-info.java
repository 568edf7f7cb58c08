/**
 * Signed, expiring links for people outside Slack: an e-mail digest links each entry to a page
 * ({@code GET /r/{token}}) where its recipient can acknowledge it or reply, without an account. The token is the
 * capability: it names the entry and the recipient, expires, and is re-verified on every request.
 */
package org.fieldnotes.links;
