package org.fieldnotes.digest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementNotFound;
import org.fieldnotes.placement.Role;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A recorded digest, sent again at its recipient's request ({@code /fieldnotes digest last}, {@code digest week
 * 2026-W47}) as a direct message they can keep. It is rebuilt from the ids its {@link DigestRecord} holds: exactly
 * the placements, prompts and entries it contained, as they stand now (a deleted entry, or one its author has since
 * hidden from the recipient's role, is left out; an entry written later for that week is not added). Nothing is
 * claimed: it is not that week's delivery, and the schedule is unchanged.
 */
@Service
public class DigestResender {

	private static final Logger log = LoggerFactory.getLogger(DigestResender.class);
	private static final Duration WEEK = Duration.ofDays(7);

	private final DigestRecords records;
	private final PlacementManagement placements;
	private final Logbook logbook;
	private final PromptHistory prompts;
	private final DigestComposer composer;
	private final Messenger messenger;
	private final Languages languages;
	private final People people;
	private final MessageSource messages;

	DigestResender(DigestRecords records, PlacementManagement placements, Logbook logbook, PromptHistory prompts,
			DigestComposer composer, Messenger messenger, Languages languages, MessageSource messages,
			People people) {
		this.people = people;
		this.records = records;
		this.placements = placements;
		this.logbook = logbook;
		this.prompts = prompts;
		this.composer = composer;
		this.messenger = messenger;
		this.languages = languages;
		this.messages = messages;
	}

	public enum Outcome {
		/** Sent to the member's DM. */
		SENT,
		/** No digest was ever recorded for them. */
		NO_DIGEST,
		/** None was recorded for them in that week. */
		NOT_FOUND,
		/** It was recorded, but none of its placements is followed by them any more. */
		NOTHING_LEFT,
		/** The DM could not be delivered. */
		FAILED
	}

	/** @param week the ISO week of the digest concerned, when one was found */
	public record Resent(Outcome outcome, String week) {
	}

	/**
	 * Sends a chat member their recorded digest again, to the account that asked.
	 * @param week an ISO week such as {@code 2026-W47}, or {@literal null} for their latest digest
	 */
	public Resent resend(ChatAccount member, String week) {
		Optional<String> key = people.find(member).map(p -> p.id().value());
		Optional<DigestRecord> found = key.flatMap(k -> week == null ? records.latest(k) : records.find(k, week));
		if (found.isEmpty()) {
			return new Resent(week == null ? Outcome.NO_DIGEST : Outcome.NOT_FOUND, week);
		}
		DigestRecord record = found.get();
		Optional<ChatMessage> message = rebuild(record);
		if (message.isEmpty()) {
			return new Resent(Outcome.NOTHING_LEFT, record.week());
		}
		try {
			messenger.sendDirect(member, message.get());
			log.info("Digest {} sent again on request: {} placements", record.week(), record.placementIds().size());
			return new Resent(Outcome.SENT, record.week());
		}
		catch (DeliveryFailed e) {
			log.warn("Digest {} not sent again: {}", record.week(), e.reason());
			return new Resent(Outcome.FAILED, record.week());
		}
	}

	/** The recorded digest rebuilt from its ids, with a line saying which week it is; empty when nothing is left. */
	Optional<ChatMessage> rebuild(DigestRecord record) {
		Map<String, List<LogbookEntry>> entries = logbook.entriesWithIds(nullSafe(record.entryIds()))
			.stream()
			.collect(Collectors.groupingBy(LogbookEntry::placementId));
		Map<String, List<PromptOccurrence>> occurrences = prompts.occurrences(nullSafe(record.occurrenceIds()))
			.stream()
			.collect(Collectors.groupingBy(PromptOccurrence::getPlacementId));
		Person person = null;
		List<Recipient.Followed> followed = new ArrayList<>();
		List<PlacementWeek> weeks = new ArrayList<>();
		for (String placementId : nullSafe(record.placementIds())) {
			Placement placement;
			try {
				placement = placements.get(placementId);
			}
			catch (PlacementNotFound e) {
				continue;
			}
			for (Map.Entry<Role, Person> follower : placement.followers().entrySet()) {
				if (!follower.getValue().id().value().equals(record.recipientKey())) {
					continue;
				}
				Role role = follower.getKey();
				person = person == null ? follower.getValue() : person;
				followed.add(new Recipient.Followed(placement, role));
				weeks.add(new PlacementWeek(placement, role, occurrences.getOrDefault(placementId, List.of()),
						entries.getOrDefault(placementId, List.of())
							.stream()
							.filter(entry -> entry.readableBy(role))
							.toList()));
				break;
			}
		}
		if (weeks.isEmpty()) {
			return Optional.empty();
		}
		Recipient recipient = new Recipient(person, followed);
		ZoneId zone = person.zone();
		LocalDate to = record.claimedAt().atZone(zone).toLocalDate();
		ChatMessage digest = composer.compose(recipient, weeks, record.claimedAt().minus(WEEK), record.claimedAt());
		Locale locale = languages.of(person);
		String again = messages.getMessage("digestsettings.again", new Object[] { record.week(),
				DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale).format(to) }, locale);
		List<ChatMessage.Block> blocks = new ArrayList<>();
		blocks.add(new ChatMessage.Block.Context(List.of(ChatMessage.Span.plain(again))));
		blocks.addAll(digest.blocks());
		return Optional.of(new ChatMessage(again + " — " + digest.summary(), blocks));
	}

	private static List<String> nullSafe(List<String> ids) {
		return ids == null ? List.of() : ids;
	}
}
