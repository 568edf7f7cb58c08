package org.fieldnotes.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Form;
import org.springframework.stereotype.Component;

/**
 * The forms open in Teams chats: a form is a card in the person's 1:1 chat with the bot, and its buttons name it by
 * a random key. What the form is about (its id and metadata) stays here, never on the card, so a submission can only
 * be of a form Fieldnotes opened, in the conversation it was opened in. Kept in memory, like the web chat's open forms:
 * after a restart an open form card answers that it is no longer open, and the person opens it again. A form
 * not sent within a day is forgotten.
 */
@Component
class TeamsForms {

	static final Duration KEPT = Duration.ofDays(1);
	private static final int MOST = 10_000;

	/** A form opened for {@code account} in the conversation {@code conversationId}. */
	record OpenForm(String key, ChatAccount account, String conversationId, Form form, Instant openedAt) {
	}

	private final Map<String, OpenForm> open = new ConcurrentHashMap<>();
	private final Clock clock;

	TeamsForms(Clock clock) {
		this.clock = clock;
	}

	/** Opens a form; returns its key. */
	String open(ChatAccount account, String conversationId, Form form) {
		forgetOld();
		String key = UUID.randomUUID().toString();
		open.put(key, new OpenForm(key, account, conversationId, form, clock.instant()));
		return key;
	}

	/** The form with this key, if it is open in this conversation. */
	Optional<OpenForm> in(String conversationId, String key) {
		if (key == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(open.get(key))
			.filter(f -> f.conversationId().equals(conversationId))
			.filter(f -> f.openedAt().plus(KEPT).isAfter(clock.instant()));
	}

	/** The form turned into another (e.g. "Reply sent"): the same card, the same key. */
	void replace(OpenForm form, Form next) {
		open.put(form.key(), new OpenForm(form.key(), form.account(), form.conversationId(), next, form.openedAt()));
	}

	/** Closes a form: its card's buttons do nothing from now on. Returns whether it was open. */
	boolean close(String key) {
		return key != null && open.remove(key) != null;
	}

	private void forgetOld() {
		Instant oldest = clock.instant().minus(KEPT);
		open.values().removeIf(f -> f.openedAt().isBefore(oldest));
		if (open.size() >= MOST) {
			open.values().stream().min(java.util.Comparator.comparing(OpenForm::openedAt)).ifPresent(f -> open.remove(f.key()));
		}
	}
}
