package org.fieldnotes.commands;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes audit [n]} (admins): the latest n admin actions (default 20, at most 100), newest first. */
@Component
class AuditCommand implements Subcommand {

	static final int DEFAULT = 20;

	private final AuditLog audit;
	private final Replies replies;

	AuditCommand(AuditLog audit, Replies replies) {
		this.audit = audit;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "audit";
	}

	@Override
	public int helpOrder() {
		return 180;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		int n = DEFAULT;
		String rest = invocation.rest().strip();
		if (!rest.isEmpty()) {
			try {
				n = Integer.parseInt(rest);
			}
			catch (NumberFormatException e) {
				n = -1;
			}
			if (n < 1 || n > AuditLog.MAX) {
				return replies.usage(replies.t("audit.badNumber", locale, rest), name(), locale);
			}
		}
		List<AuditRecord> records = audit.latest(n);
		if (records.isEmpty()) {
			return replies.text("audit.none", locale);
		}
		String heading = replies.t("audit.heading", locale, records.size());
		DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", locale).withZone(ZoneOffset.UTC);
		var message = ChatMessage.builder(heading).heading(heading);
		List<Item> items = records.stream().map(r -> item(r, time, locale)).toList();
		for (int i = 0; i < items.size(); i += 20) {
			message.items(items.subList(i, Math.min(items.size(), i + 20)));
		}
		return message.build();
	}

	private Item item(AuditRecord r, DateTimeFormatter time, Locale locale) {
		List<String> parts = new ArrayList<>();
		parts.add((AuditRecord.API.equals(r.actor()) ? "API" : "@" + r.actor()) + " · " + r.action());
		if (r.person() != null) {
			parts.add(replies.t("audit.person", locale, r.person()));
		}
		if (r.placementId() != null) {
			parts.add(replies.t("audit.target", locale, r.placementId()));
		}
		String outcome = replies.t("audit.outcome." + r.outcome(), locale);
		parts.add(r.detail() == null ? outcome : outcome + " (" + r.detail() + ")");
		return new Item(time.format(r.at()), String.join(" · ", parts));
	}
}
