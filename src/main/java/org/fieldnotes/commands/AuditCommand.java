package org.fieldnotes.commands;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;


import org.fieldnotes.access.Actor;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/** {@code /fieldnotes audit [n]} (admins): the latest n admin actions (default 20, at most 100), newest first. */
@Component
class AuditCommand implements Subcommand {

	static final int DEFAULT = 20;

	private final AuditLog audit;
	private final Replies replies;
	private final People people;
	private final AccountReferences references;
	private final Coordination coordination;
	private final PlacementManagement placements;

	AuditCommand(AuditLog audit, Replies replies, People people, AccountReferences references,
			Coordination coordination, PlacementManagement placements) {
		this.audit = audit;
		this.replies = replies;
		this.people = people;
		this.references = references;
		this.coordination = coordination;
		this.placements = placements;
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
		List<AuditRecord> records = ofTheirProgrammes(coordination.of(invocation), n);
		if (records.isEmpty()) {
			return replies.text("audit.none", locale);
		}
		String heading = replies.t("audit.heading", locale, records.size());
		DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", locale).withZone(ZoneOffset.UTC);
		var message = ChatMessage.builder(heading).heading(heading);
		List<Item> items = records.stream().map(r -> item(r, time, locale, invocation.caller())).toList();
		for (int i = 0; i < items.size(); i += 20) {
			message.items(items.subList(i, Math.min(items.size(), i + 20)));
		}
		return message.build();
	}

	/**
	 * The latest {@code n} records; for an admin limited to programmes, the latest {@code n} about placements of
	 * those programmes (read from the latest {@link AuditLog#MAX}), and nothing that concerns no placement.
	 */
	private List<AuditRecord> ofTheirProgrammes(Actor admin, int n) {
		if (admin.programs().isEmpty()) {
			return audit.latest(n);
		}
		Map<String, String> programmes = placements.all().stream()
			.collect(Collectors.toMap(Placement::getId, Placement::getProgram, (a, b) -> a));
		return audit.latest(AuditLog.MAX).stream()
			.filter(r -> r.placementId() != null && programmes.containsKey(r.placementId())
					&& admin.coordinates(programmes.get(r.placementId())))
			.limit(n)
			.toList();
	}

	private Item item(AuditRecord r, DateTimeFormatter time, Locale locale, ChatAccount reader) {
		List<String> parts = new ArrayList<>();
		parts.add((AuditRecord.API.equals(r.actor()) ? "API" : mention(r.actor(), reader)) + " · " + r.action());
		if (r.person() != null) {
			parts.add(replies.t("audit.person", locale, bare(r.person(), reader)));
		}
		if (r.placementId() != null) {
			parts.add(replies.t("audit.target", locale, r.placementId()));
		}
		String outcome = replies.t("audit.outcome." + r.outcome(), locale);
		parts.add(r.detail() == null ? outcome : outcome + " (" + r.detail() + ")");
		return new Item(time.format(r.at()), String.join(" · ", parts));
	}

	/** Who acted, as the reader's platform writes a member ({@code @U012ADMIN}); else by name or as recorded. */
	private String mention(String recorded, ChatAccount reader) {
		Optional<Person> person = people.byKey(recorded);
		Optional<ChatAccount> account = person
			.flatMap(p -> p.account(reader.platform()).or(() -> Optional.ofNullable(p.chatAccount())))
			.or(() -> accountKey(recorded));
		if (account.isPresent()) {
			return references.written(account.get());
		}
		return person.map(Person::displayName).orElse("@" + recorded);
	}

	/** Whom it was about: their member id on the reader's platform, else their address or name; else as recorded. */
	private String bare(String recorded, ChatAccount reader) {
		Optional<Person> person = people.byKey(recorded);
		if (person.isEmpty()) {
			return accountKey(recorded).map(ChatAccount::memberId).orElse(recorded);
		}
		return person.get().account(reader.platform()).or(() -> Optional.ofNullable(person.get().chatAccount()))
			.map(ChatAccount::memberId)
			.orElse(person.get().email() != null ? person.get().email() : person.get().displayName());
	}

	/** A member recorded as their account ({@code platform:memberId}), for someone Fieldnotes did not know. */
	private Optional<ChatAccount> accountKey(String recorded) {
		int colon = recorded.indexOf(':');
		if (colon <= 0 || !references.knows(recorded.substring(0, colon))) {
			return Optional.empty();
		}
		return Optional.of(new ChatAccount(recorded.substring(0, colon), null, recorded.substring(colon + 1)));
	}
}
