/**
 * The platform-neutral conversation port: the {@link org.fieldnotes.chat.Messenger} that delivers a
 * {@link org.fieldnotes.chat.ChatMessage}, and the facts that arrive from a chat platform. Imports nothing of ours.
 *
 * <p>A {@code ChatMessage} carries no markup at all: every string in it is data, and each platform adapter escapes
 * all of it when rendering. That is why a participant's words can never ping a channel or disguise a link.
 */
package org.fieldnotes.chat;
