package org.fieldnotes.commands;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Closures;
import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.springframework.stereotype.Component;

/**
 * The programme forms of {@code pause} and {@code resume} (admins): {@code pause program:"KTP 2026"
 * from:2027-07-06 to:2027-07-31 [reason:"summer closure"]} closes a programme (or every programme, without
 * {@code program:}) for those days through {@link Closures}, as {@code POST /api/v1/placements:pause} does;
 * {@code resume program:"KTP 2026"} ends its closures. A line with one of these keys is a programme form; one with a
 * mention is the person form.
 */
@Component
class ClosureLines {

	static final Set<String> KEYS = Set.of("program", "from", "to", "reason");

	private final Closures closures;
	private final PlacementManagement placements;
	private final Replies replies;
	private final AuditLog audit;
	private final Coordination coordination;

	ClosureLines(Closures closures, PlacementManagement placements, Replies replies, AuditLog audit,
			Coordination coordination) {
		this.closures = closures;
		this.placements = placements;
		this.replies = replies;
		this.audit = audit;
		this.coordination = coordination;
	}

	/**
	 * {@literal null} when the admin may close or reopen this programme ({@literal null}: every programme); else the
	 * refusal, audited. An admin limited to programmes names one of theirs: "every programme" is not theirs to close.
	 */
	private ChatMessage refusal(Invocation invocation, String program, String action) {
		org.fieldnotes.access.Actor actor = coordination.of(invocation);
		boolean allowed = program == null ? actor.programs().isEmpty() : actor.coordinates(program);
		if (allowed) {
			return null;
		}
		audit.record(invocation.actor(), action, null, null, AuditLog.REFUSED, "other programme");
		return coordination.refusal(actor, invocation.locale());
	}

	/** Whether the line is a programme form: a {@code key:} of {@link #KEYS} and no mention. */
	static boolean isProgramForm(Invocation invocation) {
		return invocation.mention().isEmpty()
				&& KEYS.stream().anyMatch(k -> invocation.rest().toLowerCase(Locale.ROOT).contains(k + ":"));
	}

	ChatMessage pause(Invocation invocation) {
		Locale locale = invocation.locale();
		List<String> problems = new ArrayList<>();
		Map<String, String> values = values(invocation, problems, "pause");
		if (!problems.isEmpty()) {
			return problems(problems, "pause", locale);
		}
		ChatMessage refused = refusal(invocation, values.get("program"), "closure");
		if (refused != null) {
			return refused;
		}
		Closure closure;
		try {
			closure = closures.close(values.get("program"), values.get("from"), values.get("to"), values.get("reason"));
		}
		catch (InvalidPlacement e) {
			audit.record(invocation.actor(), "closure", null, null, AuditLog.REFUSED,
					"fields: " + String.join(",", e.violations().stream().map(v -> v.field()).distinct().toList()));
			return problems(e.violations().stream().map(v -> replies.t("enroll.error." + v.code(), locale,
					v.field() + ":", v.args().isEmpty() ? "" : v.args().get(0),
					v.args().size() > 1 ? v.args().get(1) : "")).toList(), "pause", locale);
		}
		long concerned = placements.all().stream().filter(p -> p.getStatus() != PlacementStatus.ENDED)
			.filter(p -> closure.covers(p.getProgram())).filter(p -> !p.getEndDate().isBefore(closure.from()))
			.filter(p -> closure.to() == null || !p.getStartDate().isAfter(closure.to())).count();
		audit.record(invocation.actor(), "closure", null, null, AuditLog.DONE, "programme "
				+ Optional.ofNullable(closure.program()).orElse("all") + ", " + closure.from() + "→"
				+ (closure.to() == null ? "open" : closure.to()) + ", " + concerned + " placements");
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		String program = closure.program() == null ? replies.t("closure.everyProgramme", locale) : closure.program();
		return closure.to() == null
				? replies.text("closure.doneOpen", locale, program, date.format(closure.from()), concerned)
				: replies.text("closure.done", locale, program, date.format(closure.from()), date.format(closure.to()),
						concerned);
	}

	ChatMessage resume(Invocation invocation) {
		Locale locale = invocation.locale();
		List<String> problems = new ArrayList<>();
		Map<String, String> values = values(invocation, problems, "resume");
		if (!problems.isEmpty()) {
			return problems(problems, "resume", locale);
		}
		ChatMessage refused = refusal(invocation, values.get("program"), "closure-end");
		if (refused != null) {
			return refused;
		}
		List<Closure> ended = closures.resume(values.get("program"), c -> true);
		audit.record(invocation.actor(), "closure-end", null, null, AuditLog.DONE,
				"programme " + Optional.ofNullable(values.get("program")).orElse("all") + ", " + ended.size()
						+ " closures");
		return replies.text("closure.resumed", locale, ended.size());
	}

	private Map<String, String> values(Invocation invocation, List<String> problems, String command) {
		Map<String, String> values = new LinkedHashMap<>();
		Matcher matcher = EnrollCommand.PART.matcher(invocation.rest());
		Locale locale = invocation.locale();
		while (matcher.find()) {
			String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
			String value = matcher.group(1) != null ? matcher.group(2) : matcher.group(4);
			if (key == null) {
				problems.add(replies.t("enroll.unexpected", locale, matcher.group(5)));
				continue;
			}
			key = key.toLowerCase(Locale.ROOT);
			boolean allowed = command.equals("pause") ? KEYS.contains(key) : key.equals("program");
			if (!allowed) {
				problems.add(replies.t("enroll.unknownPart", locale, key));
			}
			else if (values.containsKey(key)) {
				problems.add(replies.t("enroll.twice", locale, key));
			}
			else {
				values.put(key, value.strip());
			}
		}
		return values;
	}

	private ChatMessage problems(List<String> problems, String command, Locale locale) {
		var message = ChatMessage.builder(problems.get(0));
		problems.forEach(p -> message.paragraph(Span.plain("⚠ " + p)));
		return message.context(replies.t("command.usage", locale, replies.t("closure.usage." + command, locale)))
			.build();
	}
}
