package org.fieldnotes.logbook;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.placement.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The buttons under a blocker in a digest, and what pressing one does, for every chat adapter: each button's value
 * is the blocker id; {@link #press} acts ({@link Blockers#act}) and returns what to tell the person who pressed, in
 * their language. Adapters only route the action id here and show the answer their way.
 */
@Component
public class BlockerButtons {

	/** "✓ Acknowledge blocker". */
	public static final String ACKNOWLEDGE = "blocker_acknowledge";
	/** "Resolved". */
	public static final String RESOLVE = "blocker_resolve";

	private final Blockers blockers;
	private final AccessPolicy access;
	private final Languages languages;
	private final MessageSource messages;

	BlockerButtons(Blockers blockers, AccessPolicy access, Languages languages, MessageSource messages) {
		this.blockers = blockers;
		this.access = access;
		this.languages = languages;
		this.messages = messages;
	}

	/** Whether the action id is one of these buttons. */
	public static boolean handles(String actionId) {
		return ACKNOWLEDGE.equals(actionId) || RESOLVE.equals(actionId);
	}

	/** What was pressed, and the answer for the person who pressed it. */
	public record Pressed(Blockers.Outcome outcome, String answer) {
	}

	/**
	 * Acts on the blocker for the member who pressed; empty when the action id is not one of these buttons.
	 */
	public Optional<Pressed> press(ChatAccount member, String actionId, String blockerId) {
		if (!handles(actionId)) {
			return Optional.empty();
		}
		boolean acknowledge = ACKNOWLEDGE.equals(actionId);
		Blockers.Action action = acknowledge ? Blockers.Action.ACKNOWLEDGE : Blockers.Action.RESOLVE;
		Blockers.Outcome outcome = blockers.act(blockerId, action, access.member(member),
				acknowledge ? Operation.BLOCKER_ACKNOWLEDGE_BUTTON : Operation.BLOCKER_RESOLVE_BUTTON);
		Locale locale = languages.of(member);
		String answer = switch (outcome.status()) {
			case DONE -> t("blockers.done." + action.name(), locale, outcome.participantFirstName());
			case ALREADY_DONE -> t("blockers.already." + action.name(), locale, outcome.participantFirstName());
			case GONE -> t("blockers.gone", locale);
			default -> t("blockers.refused", locale);
		};
		return Optional.of(new Pressed(outcome, answer));
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
