package org.fieldnotes.commands;

import java.util.Locale;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.placement.Placement;
import org.springframework.stereotype.Component;

/**
 * Which programmes the admin who typed a command coordinates: an admin may be limited to programmes
 * ({@code /fieldnotes admin add @p program:"…"}), and then sees and acts on only those.
 */
@Component
class Coordination {

	private final AccessPolicy access;
	private final Replies replies;
	private final AuditLog audit;

	Coordination(AccessPolicy access, Replies replies, AuditLog audit) {
		this.access = access;
		this.replies = replies;
		this.audit = audit;
	}

	/** The admin as the policy sees them (with the programmes they are limited to). */
	Actor of(Invocation invocation) {
		return access.member(invocation.caller());
	}

	/**
	 * {@literal null} when the admin coordinates the placement's programme; else the refusal to answer with, audited
	 * under {@code action} as refused.
	 */
	ChatMessage refusal(Invocation invocation, Placement placement, String action) {
		Actor actor = of(invocation);
		if (actor.coordinates(placement.getProgram())) {
			return null;
		}
		audit.record(invocation.actor(), action, placement.getId(), null, AuditLog.REFUSED, "other programme");
		return refusal(actor, invocation.locale());
	}

	/** "That is not one of your programmes", naming the ones the admin coordinates. */
	ChatMessage refusal(Actor actor, Locale locale) {
		return replies.text("command.otherProgramme", locale, String.join(", ", actor.programs().stream().sorted()
			.toList()));
	}
}
