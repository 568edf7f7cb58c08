package org.fieldnotes.chat;

import java.util.List;

/**
 * Something a chat adapter needs the admins (the programme coordinators) to know and act on, e.g. that Teams refused
 * to let Fieldnotes install itself for lack of consent. Told to each coordinator once: {@code key} (with their id) is
 * the outbox key.
 *
 * @param key what it is, unique for as long as it should be told only once
 * @param textKey the message's key in the messages, with {@code args}
 */
public record AdminNotice(String key, String textKey, List<String> args) {

	public AdminNotice {
		args = List.copyOf(args);
	}
}
