/**
 * The Slack adapter: Bolt for Java at {@code POST /slack/events} (or Socket Mode), a signature check stricter
 * than Bolt's, thin listeners that turn Slack payloads into calls on the feature modules, and the Slack
 * {@link org.fieldnotes.chat.Messenger} that renders the modules' neutral models as Block Kit: messages
 * ({@link org.fieldnotes.slack.BlockKitRenderer}), forms as modals and their submissions back
 * ({@link org.fieldnotes.slack.ModalRenderer}), and the Home as the App Home ({@link org.fieldnotes.slack.HomeRenderer}).
 */
package org.fieldnotes.slack;
