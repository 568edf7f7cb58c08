/**
 * The Slack adapter: Bolt for Java at {@code POST /slack/events} (or Socket Mode), a signature check stricter
 * than Bolt's, listeners that turn Slack payloads into calls on the feature modules, and the Slack
 * {@link org.fieldnotes.chat.Messenger} that renders chat messages as Block Kit.
 */
package org.fieldnotes.slack;
