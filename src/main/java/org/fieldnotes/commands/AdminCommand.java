package org.fieldnotes.commands;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldnotes.admin.AdminDirectory;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PeopleDirectory;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes admin add @person} and {@code admin remove @person} (admins): admins stored in MongoDB. Those
 * named in {@code FIELDNOTES_ADMINS} stay admins whatever is stored and cannot be removed by command.
 */
@Component
class AdminCommand implements Subcommand {

	/** {@code program:"KTP 2026"} (straight or curly quotes, or one word), any number of times. */
	private static final Pattern PROGRAM = Pattern.compile("program:(?:\"([^\"]+)\"|“([^”]+)”|([^\\s\"“”]+))",
			Pattern.CASE_INSENSITIVE);

	private final AdminDirectory admins;
	private final PeopleDirectory directory;
	private final People people;
	private final AccountReferences references;
	private final AuditLog audit;
	private final Replies replies;

	AdminCommand(AdminDirectory admins, PeopleDirectory directory, People people, AccountReferences references,
			AuditLog audit, Replies replies) {
		this.admins = admins;
		this.directory = directory;
		this.people = people;
		this.references = references;
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
		Optional<ChatAccount> target = invocation.mention();
		if (!(action.equals("add") || action.equals("remove")) || target.isEmpty()) {
			return replies.usage(replies.t("admin.badAction", locale), name(), locale);
		}
		ChatAccount account = target.get();
		String written = references.written(account);
		if (action.equals("add")) {
			Optional<ChatPerson> member;
			try {
				member = directory.lookup(account);
			}
			catch (DirectoryUnavailable e) {
				return replies.usage(replies.t("enroll.error.lookupFailed", locale, replies.t("enroll.field.body", locale), written), name(), locale);
			}
			if (member.isEmpty() || member.get().deleted()) {
				audit.record(invocation.actor(), "admin-add", null, account.key(), AuditLog.REFUSED, "unknown user");
				return replies.usage(replies.t("enroll.error.unknownUser", locale, replies.t("enroll.field.admin", locale), written), name(), locale);
			}
			String who = member.get().name();
			Person person = people.ensure(account);
			PersonId addedBy = people.find(invocation.caller()).map(Person::id).orElse(null);
			Set<String> programs = programs(invocation.rest());
			AdminDirectory.Added added = admins.add(person, addedBy, programs);
			String named = String.join(", ", programs);
			if (added == AdminDirectory.Added.ADDED) {
				audit.record(invocation.actor(), "admin-add", null, person.id().value(), AuditLog.DONE,
						programs.isEmpty() ? null : "programmes: " + named);
				return programs.isEmpty() ? replies.text("admin.added", locale, who)
						: replies.text("admin.addedPrograms", locale, who, named);
			}
			if (added == AdminDirectory.Added.PROGRAMS_ADDED) {
				audit.record(invocation.actor(), "admin-add", null, person.id().value(), AuditLog.DONE,
						"more programmes: " + named);
				return replies.text("admin.programsAdded", locale, who, named);
			}
			audit.record(invocation.actor(), "admin-add", null, person.id().value(), AuditLog.REFUSED, "already admin");
			return replies.text("admin.alreadyAdmin", locale, who);
		}
		String who = name(account);
		String person = people.find(account).map(p -> p.id().value()).orElse(account.key());
		if (account.sameMember(invocation.caller()) && !admins.isConfigured(account)) {
			audit.record(invocation.actor(), "admin-remove", null, person, AuditLog.REFUSED, "self");
			return replies.text("admin.self", locale);
		}
		AdminDirectory.Removed removed = admins.remove(account);
		audit.record(invocation.actor(), "admin-remove", null, person,
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

	/** The programmes named with {@code program:}, as written (trimmed), in order; none for every programme. */
	static Set<String> programs(String rest) {
		Set<String> programs = new LinkedHashSet<>();
		Matcher matcher = PROGRAM.matcher(rest);
		while (matcher.find()) {
			String name = matcher.group(1) != null ? matcher.group(1)
					: matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
			if (!name.isBlank()) {
				programs.add(name.strip());
			}
		}
		return programs;
	}

	/** The person's name for answers; as their platform writes them ({@code @U…}) when the directory can't say. */
	private String name(ChatAccount account) {
		try {
			return directory.lookup(account).map(ChatPerson::name).orElse(references.written(account));
		}
		catch (DirectoryUnavailable e) {
			return references.written(account);
		}
	}
}
