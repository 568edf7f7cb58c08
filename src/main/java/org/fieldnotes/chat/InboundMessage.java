package org.fieldnotes.chat;

/**
 * A direct message someone wrote to the bot.
 *
 * @param ref the message's natural key
 * @param author the author's account
 * @param text what they wrote, untouched
 * @param threadTs the thread it was written in, or {@literal null} when written straight in the conversation
 * @param redelivery whether the platform says this is a retry of an earlier delivery
 */
public record InboundMessage(MessageRef ref, ChatAccount author, String text, String threadTs, boolean redelivery) {
}
