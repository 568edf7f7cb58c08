/**
 * A person's Home, composed from the modules' parts: for a participant, their placement, the next prompt, buttons to
 * write, who sees their new entries, and their latest entries and status updates with what was replied; for anyone
 * else, what Fieldnotes is and the placements they follow. Also what the Home's buttons and menus do. Platform-neutral:
 * each chat adapter renders the {@link org.fieldnotes.chat.HomeScreen} its own way.
 */
package org.fieldnotes.home;
