package org.fieldnotes.delivery;

import org.fieldnotes.chat.SentMessage;

/**
 * Published (synchronously, in the delivering thread) once an outbound message has reached the platform; senders
 * listen to record it on their own documents. Listeners must be idempotent: a sender recovering after a crash may
 * record the same delivery again from {@link Outbox#find}.
 */
public record MessageDelivered(String key, MessageKind kind, String ref, String recipient, SentMessage sent) {
}
