package org.fieldnotes.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.logbook.EntryResponse;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A placement week by week, as one reader may see it: the entries and status updates that
 * {@link Operation#READ_ITEM} lets them read (the rule every digest, summary and brief asks: a private item only to
 * its author, a confidential one only to the academic coach and the author, the rest to the roles its visibility
 * names and to coordinators when shared beyond the academic coach), and the prompts that fell due with what became
 * of each (facts every follower's digest shows). Deleted entries are not shown. Weeks are the participant's, newest
 * first; times are in the participant's time zone.
 */
@Component
class Timeline {

	private final Logbook logbook;
	private final StatusUpdates statusUpdates;
	private final PromptHistory prompts;
	private final AccessPolicy policy;
	private final MessageSource messages;
	private final Clock clock;
	private final Responses responses;

	Timeline(Logbook logbook, StatusUpdates statusUpdates, PromptHistory prompts, AccessPolicy policy,
			MessageSource messages, Clock clock, Responses responses) {
		this.responses = responses;
		this.logbook = logbook;
		this.statusUpdates = statusUpdates;
		this.prompts = prompts;
		this.policy = policy;
		this.messages = messages;
		this.clock = clock;
	}

	/** What happened in one placement week, oldest first. */
	record Week(int number, LocalDate from, LocalDate to, List<Item> items) {
	}

	/**
	 * One thing on the timeline.
	 *
	 * @param kind {@code entry}, {@code status} or {@code prompt}
	 * @param when when, in the participant's time zone, e.g. "Fri 4 Dec 14:05"
	 * @param title what it is: the visibility of an entry or update, the prompt's title
	 * @param text the words of an entry; a status update's progress; a prompt's fate
	 * @param detail a status update's colour, mood and blockers; else {@literal null}
	 * @param id the item's id, for tests and links to come
	 * @param respond whether the reader may acknowledge and reply to it (an entry they follow and may read, not
	 * their own)
	 * @param responses the acknowledgements and replies it had, in words ("✓ academic coach", "academic coach: …")
	 */
	record Item(String kind, Instant at, String when, String title, String text, String detail, String id,
			boolean respond, List<String> responses) {

		Item(String kind, Instant at, String when, String title, String text, String detail, String id) {
			this(kind, at, when, title, text, detail, id, false, List.of());
		}
	}

	List<Week> of(Placement placement, Actor reader, Locale locale) {
		ZoneId zone = placement.getParticipant().zone();
		DateTimeFormatter time = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale);
		List<Item> items = new ArrayList<>();
		List<LogbookEntry> readable = logbook.entries(placement.getId(), false).stream()
			.filter(entry -> mayRead(reader, placement, entry.authorId(), entry.visibility()))
			.toList();
		Map<String, List<EntryResponse>> answered = responses.to(readable.stream().map(LogbookEntry::id).toList());
		for (LogbookEntry entry : readable) {
			Target target = Target.item(placement, entry.authorId(), entry.visibility());
			items.add(new Item("entry", entry.createdAt(), time.format(entry.createdAt().atZone(zone)),
					t("visibility.label." + entry.visibility().name().toLowerCase(Locale.ROOT), locale), entry.text(),
					null, entry.id(), policy.permits(reader, Operation.PORTAL_ACKNOWLEDGE, target),
					answered.getOrDefault(entry.id(), List.of()).stream().map(r -> said(r, locale)).toList()));
		}
		for (StatusUpdate update : statusUpdates.of(placement.getId())) {
			if (mayRead(reader, placement, update.authorId(), update.visibility())) {
				String detail = t("portal.timeline.status", locale, t("cohort.status." + update.status(), locale),
						update.mood())
						+ (update.blockers() == null || update.blockers().isBlank() ? ""
								: " · " + t("portal.timeline.blockers", locale, update.blockers()));
				items.add(new Item("status", update.createdAt(), time.format(update.createdAt().atZone(zone)),
						t("visibility.label." + update.visibility().name().toLowerCase(Locale.ROOT), locale),
						update.progress(), detail, update.id()));
			}
		}
		for (PromptOccurrence occurrence : prompts.within(placement.getId(), Instant.EPOCH, clock.instant().plusSeconds(1))) {
			Instant at = occurrence.getSentAt() != null ? occurrence.getSentAt() : occurrence.getDueAt();
			String title = prompts.prompt(occurrence.getPromptId()).map(p -> p.title(locale))
				.orElse(occurrence.getPromptId());
			items.add(new Item("prompt", at, time.format(at.atZone(zone)), title, t(fate(occurrence), locale), null,
					occurrence.getId()));
		}
		Map<Integer, List<Item>> byWeek = new TreeMap<>(Comparator.reverseOrder());
		items.stream().sorted(Comparator.comparing(Item::at))
			.forEach(item -> byWeek.computeIfAbsent(placement.weekNumberAt(item.at()), w -> new ArrayList<>()).add(item));
		List<Week> weeks = new ArrayList<>();
		byWeek.forEach((number, inWeek) -> {
			LocalDate from = placement.getStartDate().plusWeeks(number - 1L);
			weeks.add(new Week(number, from, from.plusDays(6), List.copyOf(inWeek)));
		});
		return weeks;
	}

	/** A response in words: who (by role) acknowledged it, or what they replied. */
	private String said(EntryResponse response, Locale locale) {
		String role = t("role." + response.role().name(), locale);
		return response.isReply() ? t("portal.timeline.replied", locale, role, response.text())
				: t("portal.timeline.acknowledged", locale, role);
	}

	private boolean mayRead(Actor reader, Placement placement, String authorId,
			org.fieldnotes.placement.Visibility visibility) {
		return policy.permits(reader, Operation.READ_ITEM, Target.item(placement, authorId, visibility));
	}

	/** What became of a prompt, in the digest's words. */
	private static String fate(PromptOccurrence occurrence) {
		if (occurrence.isAnswered()) {
			return "digest.prompt.answered";
		}
		if (occurrence.getStatus() == OccurrenceStatus.SKIPPED
				&& ("away".equals(occurrence.getSkipReason()) || "holiday".equals(occurrence.getSkipReason())
						|| "closed".equals(occurrence.getSkipReason()))) {
			return "digest.prompt.SKIPPED." + occurrence.getSkipReason();
		}
		return occurrence.getStatus() == OccurrenceStatus.SENT ? "digest.prompt.unanswered"
				: "digest.prompt." + occurrence.getStatus();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
