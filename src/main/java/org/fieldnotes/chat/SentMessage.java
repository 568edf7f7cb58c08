package org.fieldnotes.chat;

/**
 * A delivered message: its conversation and its platform timestamp/id.
 */
public record SentMessage(String channel, String ts) {
}
