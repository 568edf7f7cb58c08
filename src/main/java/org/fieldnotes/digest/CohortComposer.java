package org.fieldnotes.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.digest.attention.Attention;
import org.fieldnotes.hours.HoursAmount;
import org.fieldnotes.hours.HoursSummary;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the cohort digest in a coordinator's language: per programme (its name as a heading), one compact line per
 * placement, flagged placements first. Slack has no tables, and a monospace table is unreadable on a phone, so
 * each placement is one labelled item: "⚠ Ada Lindqvist · Scania — week 5 of 26 · answered 3/4 (75%), this week
 * 1/1 · last entry 30 Nov · status 🔴 red · no entry for 16 days (last: 16 Nov)".
 */
@Component
class CohortComposer {

	private final MessageSource messages;
	private final Attention attention;

	CohortComposer(MessageSource messages, Attention attention) {
		this.messages = messages;
		this.attention = attention;
	}

	ChatMessage compose(List<CohortLine> lines, Locale locale, LocalDate from, LocalDate today) {
		return compose(lines, List.of(), locale, from, today);
	}

	/**
	 * The cohort table, and first, when there are any, the messages Fieldnotes gave up on this week, by reason: a
	 * coordinator learns that someone cannot be reached (e.g. a deactivated account, whose placement is paused).
	 */
	ChatMessage compose(List<CohortLine> lines, List<Outbox.FailedDelivery> undelivered, Locale locale, LocalDate from,
			LocalDate today) {
		return compose(lines, undelivered, List.of(), locale, from, today);
	}

	/**
	 * The cohort table as above, and after the undelivered messages the people their chat platform cannot reach yet
	 * (one item each: their name, and what reaches them meanwhile).
	 */
	ChatMessage compose(List<CohortLine> lines, List<Outbox.FailedDelivery> undelivered,
			List<ChatMessage.Item> notYetReachable, Locale locale, LocalDate from, LocalDate today) {
		Map<String, List<CohortLine>> programmes = new LinkedHashMap<>();
		for (CohortLine line : lines) {
			programmes.computeIfAbsent(line.placement().getProgram(), p -> new ArrayList<>()).add(line);
		}
		long flagged = lines.stream().filter(CohortLine::flagged).count();
		var message = ChatMessage.builder(text("cohort.summary", locale, lines.size(), programmes.size(), flagged))
			.heading(text("cohort.heading", locale))
			.context(text("cohort.context", locale, DateTimeFormatter.ofPattern("d MMM", locale).format(from),
					DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(today), lines.size(), programmes.size()));
		if (!undelivered.isEmpty()) {
			message.divider()
				.heading(text("cohort.undelivered.heading", locale))
				.context(text("cohort.undelivered.context", locale, undelivered.size()))
				.items(undeliveredItems(undelivered, locale));
		}
		if (!notYetReachable.isEmpty()) {
			message.divider()
				.heading(text("cohort.unreachable.heading", locale))
				.context(text("cohort.unreachable.context", locale, notYetReachable.size()))
				.items(notYetReachable);
		}
		programmes.forEach((programme, inProgramme) -> {
			List<CohortLine> ordered = new ArrayList<>(inProgramme.stream().filter(CohortLine::flagged).toList());
			ordered.addAll(inProgramme.stream().filter(l -> !l.flagged()).toList());
			message.divider()
				.heading(text("cohort.programme", locale, programme))
				.context(text("cohort.programme.count", locale, ordered.size(),
						ordered.stream().filter(CohortLine::flagged).count()))
				.items(ordered.stream().map(line -> item(line, locale)).toList());
		});
		return message.build();
	}

	private List<Item> undeliveredItems(List<Outbox.FailedDelivery> undelivered, Locale locale) {
		Map<String, List<Outbox.FailedDelivery>> byReason = new java.util.TreeMap<>();
		undelivered.forEach(f -> byReason.computeIfAbsent(f.reason() == null ? "unknown" : f.reason(),
				r -> new ArrayList<>()).add(f));
		List<Item> items = new ArrayList<>();
		byReason.forEach((reason, failures) -> {
			Map<MessageKind, Long> kinds = new java.util.EnumMap<>(MessageKind.class);
			failures.forEach(f -> kinds.merge(f.kind(), 1L, Long::sum));
			List<String> parts = new ArrayList<>();
			kinds.forEach((kind, n) -> parts.add(text("cohort.undelivered.kind." + kind.name(), locale, n)));
			String text = String.join(text("cohort.separator", locale), parts);
			if (failures.get(0).recipientGone()) {
				text += text("cohort.separator", locale) + text("cohort.undelivered.gone", locale);
			}
			items.add(new Item(reason, text));
		});
		return items;
	}

	private Item item(CohortLine line, Locale locale) {
		Placement placement = line.placement();
		String who = text("cohort.who", locale, placement.getParticipant().name(), placement.getHostOrganisation());
		DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", locale);
		List<String> parts = new ArrayList<>();
		if (line.ended()) {
			parts.add(text("cohort.ended", locale, day.format(line.endedOn())));
		}
		else if (!line.started()) {
			parts.add(text("cohort.starts", locale, day.format(placement.getStartDate())));
		}
		else {
			parts.add(text("cohort.week", locale, placement.weekNumberOn(line.today()), placement.totalWeeks()));
			if (placement.getStatus() == PlacementStatus.PAUSED) {
				parts.add(text("cohort.paused", locale));
			}
		}
		parts.add(line.due() == 0 ? text("cohort.rate.none", locale)
				: text("cohort.rate", locale, line.answered(), line.due(), Math.round(100.0 * line.answered() / line.due()),
						line.answeredThisWeek(), line.dueThisWeek()));
		parts.add(line.lastEntry() == null ? text("cohort.lastEntry.none", locale)
				: text("cohort.lastEntry", locale, day.format(line.lastEntry())));
		parts.add(line.status() == null ? text("cohort.status.none", locale)
				: text("cohort.status", locale, text("cohort.status." + line.status(), locale)));
		if (line.signOff() != null) {
			parts.add(text("cohort.signoff", locale, line.signOff().week(),
					text("cohort.signoff." + line.signOff().rating().name(), locale)));
		}
		if (line.hours() != null) {
			parts.add(hours(line.hours(), locale));
		}
		if (line.flagged()) {
			parts.add(attention.describe(line.flags(), locale));
		}
		return new Item(line.flagged() ? text("cohort.flagged", locale, who) : who,
				String.join(text("cohort.separator", locale), parts));
	}

	/** {@code 112 of 400 h}, and the even pace where the placement is clearly behind it. */
	private String hours(HoursSummary hours, Locale locale) {
		String logged = HoursAmount.hours(hours.loggedMinutes(), locale);
		if (hours.requiredHours() == null) {
			return text("cohort.hours.free", locale, logged);
		}
		String total = text("cohort.hours", locale, logged, hours.requiredHours());
		return hours.behind() ? total + text("cohort.separator", locale)
				+ text("cohort.hours.behind", locale, HoursAmount.hours(hours.expectedMinutes(), locale)) : total;
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
