package org.fieldnotes.digest;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatPerson;
import org.fieldnotes.chat.DirectoryUnavailable;
import org.fieldnotes.chat.PeopleDirectory;
import org.fieldnotes.mail.Mailer;
import org.fieldnotes.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A recipient's own digest settings (day, time, channel, e-mail address), what {@code /fieldnotes digest settings}
 * shows and changes. A change is stored in one upsert and moves the recipient's trigger at once; a week whose digest
 * already went out is not sent again (the week's claim guards it, and the next time shown skips that week).
 *
 * <p>An address is used at once only when Fieldnotes already knows it belongs to the person: the one in use, their
 * placement's, or their chat profile's. Any other typed address waits for confirmation from its inbox
 * ({@link AddressConfirmation}); until then the digest keeps going where it went.
 */
@Service
public class DigestPreferences {

	private static final Logger log = LoggerFactory.getLogger(DigestPreferences.class);
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final Recipients recipients;
	private final DigestPreferenceStore store;
	private final DigestScheduler scheduler;
	private final DigestSettings defaults;
	private final PeopleDirectory people;
	private final Mailer mailer;
	private final AddressConfirmation confirmation;
	private final Clock clock;
	private final ProgramDigestDefaults programDefaults;

	DigestPreferences(Recipients recipients, DigestPreferenceStore store, DigestScheduler scheduler,
			DigestSettings defaults, PeopleDirectory people, Mailer mailer, AddressConfirmation confirmation,
			Clock clock, ProgramDigestDefaults programDefaults) {
		this.programDefaults = programDefaults;
		this.confirmation = confirmation;
		this.recipients = recipients;
		this.store = store;
		this.scheduler = scheduler;
		this.defaults = defaults;
		this.people = people;
		this.mailer = mailer;
		this.clock = clock;
	}

	/**
	 * A recipient's settings as they apply now.
	 *
	 * @param zone the recipient's time zone, in which day and time are meant
	 * @param email where an e-mail digest goes; {@literal null} when no address is known
	 * @param next when the next digest goes out
	 * @param mailServer whether e-mail can be sent at all ({@code SPRING_MAIL_HOST}); without it, a chat member who
	 * chose e-mail gets a DM
	 * @param chat whether the recipient has a chat account (else e-mail is their only channel)
	 * @param pendingEmail a new address waiting to be confirmed from its inbox (its link still working), or
	 * {@literal null}; the digest does not go there yet
	 */
	public record Current(DayOfWeek day, LocalTime time, ZoneId zone, DigestChannel channel, String email, Instant next,
			boolean mailServer, boolean chat, String pendingEmail) {

		/** The channel the next digest will actually use. */
		public DigestChannel effectiveChannel() {
			return channel == DigestChannel.EMAIL && chat && !mailServer ? DigestChannel.CHAT : channel;
		}
	}

	/**
	 * What to change; {@literal null} fields stay as they are. An e-mail address without a channel means "e-mail it
	 * to this address".
	 */
	public record Change(DayOfWeek day, LocalTime time, DigestChannel channel, String email) {
	}

	public enum Outcome {
		/** Stored and rescheduled. */
		CHANGED,
		/** The person follows no placement, so has no digest to set. */
		NOT_A_RECIPIENT,
		/** E-mail was chosen and no address is known: ask for one. */
		EMAIL_NEEDED,
		/** The address given is not an e-mail address. */
		EMAIL_INVALID,
		/**
		 * The address given is new and cannot be confirmed here (no mail server, or no signed links:
		 * {@code FIELDNOTES_PUBLIC_URL}, {@code FIELDNOTES_LINK_SECRET}); nothing is stored.
		 */
		EMAIL_UNCONFIRMABLE
	}

	/** @param current the settings after the change (or as they were when nothing changed) */
	public record Changed(Outcome outcome, Current current) {
	}

	/** A chat member's digest settings; empty when they follow no placement that is running. */
	public Optional<Current> current(ChatAccount member) {
		return recipient(member).map(r -> current(r, store.find(r.key()), scheduler.nextDigest(r)));
	}

	/**
	 * The address to offer for e-mail: the one chosen before, else the placement's, else the member's chat profile
	 * (Slack: {@code users:read.email}); empty when none is known or the directory cannot be asked.
	 */
	public Optional<String> knownEmail(ChatAccount member) {
		Optional<Recipient> recipient = recipient(member);
		if (recipient.isEmpty()) {
			return Optional.empty();
		}
		return Optional.ofNullable(storedEmail(recipient.get(), store.find(recipient.get().key())))
			.or(() -> profileEmail(member));
	}

	/** Changes a chat member's settings; nothing is stored unless the outcome is {@link Outcome#CHANGED}. */
	public Changed change(ChatAccount member, Change change) {
		Optional<Recipient> found = recipient(member);
		if (found.isEmpty()) {
			return new Changed(Outcome.NOT_A_RECIPIENT, null);
		}
		Recipient recipient = found.get();
		Optional<DigestPreference> before = store.find(recipient.key());
		String given = change.email() == null || change.email().isBlank() ? null : change.email().strip();
		if (given != null && !EMAIL.matcher(given).matches()) {
			return new Changed(Outcome.EMAIL_INVALID, current(recipient, before, scheduler.nextDigest(recipient)));
		}
		DigestChannel channel = change.channel() != null ? change.channel()
				: given != null ? DigestChannel.EMAIL : null;
		DigestChannel resulting = channel != null ? channel
				: before.map(DigestPreference::channel).orElse(DigestChannel.CHAT);
		Update update = new Update().set("updatedAt", clock.instant());
		String awaiting = null;
		if (given != null && !known(given, recipient, before, member)) {
			// a new address: used only once confirmed from its inbox; until then the digest goes where it went
			if (!confirmation.possible()) {
				return new Changed(Outcome.EMAIL_UNCONFIRMABLE, current(recipient, before, scheduler.nextDigest(recipient)));
			}
			awaiting = confirmation.pending(update, given, resulting);
			channel = null;
		}
		else if (resulting == DigestChannel.EMAIL) {
			String address = given != null ? given : storedEmail(recipient, before);
			if (address == null) {
				address = profileEmail(member).orElse(null);
				if (address == null) {
					return new Changed(Outcome.EMAIL_NEEDED, current(recipient, before, scheduler.nextDigest(recipient)));
				}
			}
			update.set("email", address);
		}
		else if (given != null) {
			update.set("email", given);
		}
		if (awaiting == null && (change.channel() != null || given != null)) {
			AddressConfirmation.forget(update); // a choice made since replaces one still waiting
		}
		if (change.day() != null) {
			update.set("day", change.day());
		}
		if (change.time() != null) {
			update.set("time", change.time().withSecond(0).withNano(0));
		}
		if (channel != null) {
			update.set("channel", channel);
		}
		DigestPreference saved = store.upsert(recipient.key(), update);
		if (awaiting != null) {
			confirmation.send(recipient.person(), recipient.key(), given, awaiting);
		}
		Instant next = scheduler.reschedule(recipient.key()).orElseGet(() -> scheduler.nextDigest(recipient));
		log.info("Digest settings changed: day {}, time {}, channel {}; next digest at {}", saved.day(), saved.time(),
				saved.channel(), next);
		return new Changed(Outcome.CHANGED, current(recipient, Optional.of(saved), next));
	}

	private Current current(Recipient recipient, Optional<DigestPreference> chosen, Instant next) {
		Person person = recipient.person();
		// what they chose, else their programmes' defaults, else the global ones
		ProgramDigestDefaults.Defaults programme = programDefaults.of(recipient);
		DigestChannel channel = chosen.map(DigestPreference::channel)
			.orElse(programme.channel() != null ? programme.channel()
					: person.hasChat() ? DigestChannel.CHAT : DigestChannel.EMAIL);
		if (!person.hasChat()) {
			channel = DigestChannel.EMAIL;
		}
		return new Current(
				chosen.map(DigestPreference::day).orElse(programme.day() != null ? programme.day() : defaults.day()),
				chosen.map(DigestPreference::time).orElse(programme.time() != null ? programme.time() : defaults.time()),
				person.zone(), channel,
				storedEmail(recipient, chosen), next, mailer.configured(), person.hasChat(),
				confirmation.waiting(chosen));
	}

	/**
	 * Whether the address is one Fieldnotes already knows belongs to the person (compared without regard to case):
	 * the one in use or one of their own, or else their chat profile's (asked only then).
	 */
	private boolean known(String address, Recipient recipient, Optional<DigestPreference> before, ChatAccount member) {
		String inUse = storedEmail(recipient, before);
		return address.equalsIgnoreCase(inUse) || recipient.person().hasAddress(address)
				|| profileEmail(member).map(address::equalsIgnoreCase).orElse(false);
	}

	private static String storedEmail(Recipient recipient, Optional<DigestPreference> chosen) {
		String chosenAddress = chosen.map(DigestPreference::email).orElse(null);
		if (chosenAddress != null && !chosenAddress.isBlank()) {
			return chosenAddress;
		}
		String own = recipient.person().email();
		return own == null || own.isBlank() ? null : own;
	}

	private Optional<String> profileEmail(ChatAccount member) {
		try {
			return people.lookup(member).map(ChatPerson::email).filter(e -> e != null && EMAIL.matcher(e).matches());
		}
		catch (DirectoryUnavailable e) {
			log.debug("No e-mail address from the chat directory: {}", e.getMessage());
			return Optional.empty();
		}
	}

	private Optional<Recipient> recipient(ChatAccount member) {
		if (member == null) {
			return Optional.empty();
		}
		return recipients.all().stream().filter(r -> r.person().has(member)).findFirst();
	}
}
