package org.fieldnotes.commands;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.ButtonStyle;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.privacy.Erasure;
import org.fieldnotes.privacy.Subjects;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes erase @person} (admins): shows what would be removed, by collection, with Confirm and Cancel.
 * {@link #confirm} checks again that the presser is an admin and erases; pressing it twice erases once (the second
 * time there is nothing left). The buttons carry the person as the admin named them (a member id, {@code email:…}
 * or a person id), nothing else.
 */
@Component
public class EraseCommand implements Subcommand {

	public static final String CONFIRM = "privacy_erase_confirm";
	public static final String CANCEL = "privacy_erase_cancel";

	private final Erasure erasure;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Replies replies;
	private final Subjects subjects;

	EraseCommand(Erasure erasure, AccessPolicy access, AuditLog audit, Replies replies, Subjects subjects) {
		this.subjects = subjects;
		this.erasure = erasure;
		this.access = access;
		this.audit = audit;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "erase";
	}

	@Override
	public int helpOrder() {
		return 175;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		Optional<DataSubject> subject = invocation.mention()
			.map(account -> DataSubject.asked(account.memberId(), java.util.List.of(), java.util.List.of(account.key()),
					java.util.List.of()))
			.or(() -> subjects.parse(invocation.rest(), invocation.caller()));
		if (subject.isEmpty()) {
			return replies.usage(replies.t("privacy.erase.who", locale), name(), locale);
		}
		Map<String, Long> counts = erasure.preview(subject.get());
		if (!Erasure.anything(counts)) {
			return replies.text("privacy.erase.nothing", locale, subject.get().key());
		}
		String key = subject.get().key();
		return ChatMessage.builder(replies.t("privacy.erase.preview", locale, key))
			.paragraph(replies.t("privacy.erase.preview", locale, key))
			.items(items(counts, locale))
			.context(replies.t("privacy.erase.warning", locale))
			.buttons(new Button(CONFIRM, replies.t("privacy.erase.confirm", locale), key, ButtonStyle.DANGER),
					Button.of(CANCEL, replies.t("privacy.erase.cancel", locale), key))
			.build();
	}

	/** The Confirm button: erases when the presser is (still) an admin; refuses and audits otherwise. */
	public ChatMessage confirm(ChatAccount presser, String key, Locale locale) {
		Optional<DataSubject> subject = subjects.parse(key, presser);
		Actor actor = access.member(presser);
		if (!access.decide(actor, Operation.ERASE_CONFIRM_BUTTON, Target.none()).allowed()) {
			audit.record(actor.key(), "erase", null, null, AuditLog.REFUSED, "not an admin");
			return replies.text("command.adminOnly", locale);
		}
		if (subject.isEmpty()) {
			return replies.text("privacy.erase.who", locale);
		}
		Erasure.Erased erased = erasure.erase(subject.get(), actor.key());
		if (!Erasure.anything(erased.counts())) {
			return replies.text("privacy.erase.already", locale);
		}
		return ChatMessage.builder(replies.t("privacy.erase.done", locale, erased.pseudonym()))
			.paragraph(replies.t("privacy.erase.done", locale, erased.pseudonym()))
			.items(items(erased.counts(), locale))
			.build();
	}

	/** The Cancel button: nothing changes. */
	public ChatMessage cancel(String key, Locale locale) {
		return replies.text("privacy.erase.cancelled", locale, key);
	}

	private java.util.List<Item> items(Map<String, Long> counts, Locale locale) {
		return counts.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.map(e -> new Item(replies.t("privacy.count." + e.getKey(), locale), Long.toString(e.getValue())))
			.toList();
	}
}
