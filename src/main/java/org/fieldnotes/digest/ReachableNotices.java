package org.fieldnotes.digest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.AdminNotice;
import org.fieldnotes.chat.BecameReachable;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Reachability;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonLookup;
import org.fieldnotes.placement.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the programme coordinators (the admins) once when an enrolled person who could not be reached on their chat
 * platform can be now ("Ada Lindqvist installed Fieldnotes in Microsoft Teams: reachable there now"): one notice per
 * person and coordinator, ever, under the key {@code reachable:<person id>:<coordinator's person id>}, sent at once
 * through the outbox (which retries). Who is still not reachable is in the cohort digest.
 */
@Component
class ReachableNotices {

	private static final Logger log = LoggerFactory.getLogger(ReachableNotices.class);
	static final String PREFIX = "reachable:";

	private final PersonLookup people;
	private final ObjectProvider<Coordinators> coordinators;
	private final Reachability reachability;
	private final Outbox outbox;
	private final Languages languages;
	private final MessageSource messages;

	ReachableNotices(PersonLookup people, ObjectProvider<Coordinators> coordinators, Reachability reachability,
			Outbox outbox, Languages languages, MessageSource messages) {
		this.people = people;
		this.coordinators = coordinators;
		this.reachability = reachability;
		this.outbox = outbox;
		this.languages = languages;
		this.messages = messages;
	}

	@EventListener
	void reachable(BecameReachable event) {
		Optional<Person> person = event.accounts().stream().map(people::find).flatMap(Optional::stream).findFirst();
		Coordinators admins = coordinators.getIfAvailable();
		if (person.isEmpty() || admins == null) {
			return;
		}
		ChatAccount account = event.accounts().get(0);
		for (Person admin : admins.people()) {
			if (admin.id().equals(person.get().id()) || !reachability.canSend(admin)) {
				continue;
			}
			Locale locale = languages.of(admin);
			String platform = messages.getMessage("reach.platform." + account.platform(), null, account.platform(),
					locale);
			String text = messages.getMessage("reach.nowReachable", new Object[] { person.get().name(), platform },
					locale);
			outbox.send(reachability.to(admin, PREFIX + person.get().id().value() + ":" + admin.id().value(),
					MessageKind.NOTICE, person.get().id().value(), ChatMessage.text(text), List.of(), locale, text));
		}
		log.info("A person became reachable on {}: the coordinators are told", account.platform());
	}

	/** Something a chat adapter needs the admins to act on: told to each coordinator once (its key). */
	@EventListener
	void notice(AdminNotice notice) {
		Coordinators admins = coordinators.getIfAvailable();
		if (admins == null) {
			return;
		}
		for (Person admin : admins.people()) {
			if (!reachability.canSend(admin)) {
				continue;
			}
			Locale locale = languages.of(admin);
			String text = messages.getMessage(notice.textKey(), notice.args().toArray(), locale);
			outbox.send(reachability.to(admin, notice.key() + ":" + admin.id().value(), MessageKind.NOTICE,
					notice.key(), ChatMessage.text(text), List.of(), locale, text));
		}
	}
}
