/**
 * The participant's logbook: replies to prompts and free-form entries, their edits and deletions. Each entry is
 * stored once per natural key (the chat message's channel + ts), whatever the platform redelivers.
 */
package org.fieldnotes.logbook;
