/**
 * The {@code /fieldnotes} command, independent of the chat platform: adapters pass the sender's id and the text
 * (with mentions written as {@code @<member id>}) and render the {@link org.fieldnotes.chat.ChatMessage} answer.
 */
package org.fieldnotes.commands;
