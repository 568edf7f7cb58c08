package org.fieldnotes.commands;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.admin.AdminDirectory;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PeopleDirectory;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes admin add @person} and {@code admin remove @person} (admins): admins stored in MongoDB. Those
 * named in {@code FIELDNOTES_ADMINS} stay admins whatever is stored and cannot be removed by command.
 */
@Component
class AdminCommand implements Subcommand {

	private final AdminDirectory admins;
	private final PeopleDirectory people;
	private final AuditLog audit;
	private final Replies replies;

	AdminCommand(AdminDirectory admins, PeopleDirectory people, AuditLog audit, Replies replies) {
		this.admins = admins;
		this.people = people;
		this.audit = audit;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "admin";
	}

	@Override
	public int helpOrder() {
		return 170;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		String action = invocation.rest().isBlank() ? "" : invocation.rest().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
		Optional<String> target = invocation.mention();
		if (!(action.equals("add") || action.equals("remove")) || target.isEmpty()) {
			return replies.usage(replies.t("admin.badAction", locale), name(), locale);
		}
		String id = target.get();
		if (action.equals("add")) {
			Optional<ChatPerson> person;
			try {
				person = people.lookup(id);
			}
			catch (DirectoryUnavailable e) {
				return replies.usage(replies.t("enroll.error.lookupFailed", locale, replies.t("enroll.field.body", locale), "@" + id), name(), locale);
			}
			if (person.isEmpty() || person.get().deleted()) {
				audit.record(invocation.userId(), "admin-add", null, id, AuditLog.REFUSED, "unknown user");
				return replies.usage(replies.t("enroll.error.unknownUser", locale, replies.t("enroll.field.admin", locale), "@" + id), name(), locale);
			}
			String who = person.get().name();
			if (admins.add(id, invocation.userId()) == AdminDirectory.Added.ADDED) {
				audit.record(invocation.userId(), "admin-add", null, id, AuditLog.DONE, null);
				return replies.text("admin.added", locale, who);
			}
			audit.record(invocation.userId(), "admin-add", null, id, AuditLog.REFUSED, "already admin");
			return replies.text("admin.alreadyAdmin", locale, who);
		}
		String who = name(id);
		if (id.equals(invocation.userId()) && !admins.isConfigured(id)) {
			audit.record(invocation.userId(), "admin-remove", null, id, AuditLog.REFUSED, "self");
			return replies.text("admin.self", locale);
		}
		AdminDirectory.Removed removed = admins.remove(id);
		audit.record(invocation.userId(), "admin-remove", null, id,
				removed == AdminDirectory.Removed.REMOVED ? AuditLog.DONE : AuditLog.REFUSED,
				removed == AdminDirectory.Removed.REMOVED ? null : removed.name().toLowerCase(Locale.ROOT));
		switch (removed) {
			case REMOVED:
				return replies.text("admin.removed", locale, who);
			case CONFIGURED:
				return replies.text("admin.configured", locale, who);
			default:
				return replies.text("admin.notAdmin", locale, who);
		}
	}

	/** The person's name for answers; their @id when the directory can't say. */
	private String name(String id) {
		try {
			return people.lookup(id).map(ChatPerson::name).orElse("@" + id);
		}
		catch (DirectoryUnavailable e) {
			return "@" + id;
		}
	}
}
