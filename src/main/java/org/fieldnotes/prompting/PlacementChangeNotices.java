package org.fieldnotes.prompting;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Reachability;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementEdit;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells everyone a change to a placement affects, each once and in their own language, through the outbox (their
 * chat, or e-mail for someone reached that way): the participant what changed for them (dates, prompt schedule,
 * work days, time zone, manager and coaches, programme and host, prompts starting again); a manager or coach who
 * joins that they now follow the placement and what of its logbook their role may read; one who leaves that they
 * no longer follow it. One message per person per change, whatever number of fields changed; none when nothing
 * changed for them. Facts only: no entry text.
 */
@Component
class PlacementChangeNotices {

	/** The outbox key of a notice is this, the change's own id and the person's id. */
	static final String PREFIX = "placement-change:";
	private static final Logger log = LoggerFactory.getLogger(PlacementChangeNotices.class);
	/** The fields whose change the participant is told of (the learning goals are theirs and they set them). */
	private static final List<String> TOLD = List.of("program", "hostOrganisation", "startDate", "endDate",
			"manager", "academicCoach", "businessCoach", "schedule", "workDays", "timezone", "locale", "status");

	private final Outbox outbox;
	private final Reachability reachability;
	private final MessageSource messages;
	private final Languages languages;

	PlacementChangeNotices(Outbox outbox, Reachability reachability, MessageSource messages, Languages languages) {
		this.outbox = outbox;
		this.reachability = reachability;
		this.messages = messages;
		this.languages = languages;
	}

	@EventListener
	void on(PlacementEdit edit) {
		if (!edit.changedAnything()) {
			return;
		}
		String change = UUID.randomUUID().toString();
		Placement after = edit.after();
		// each person's lines, so that someone who leaves one role and takes another gets one message
		Map<String, Person> people = new LinkedHashMap<>();
		Map<String, List<String>> lines = new LinkedHashMap<>();
		Person participant = after.getParticipant();
		Locale participantLocale = languages.of(participant);
		List<String> forParticipant = participantLines(edit, participantLocale);
		if (!forParticipant.isEmpty()) {
			people.put(participant.id().value(), participant);
			lines.put(participant.id().value(), forParticipant);
		}
		edit.left().forEach((role, person) -> {
			Locale locale = languages.of(person);
			people.put(person.id().value(), person);
			lines.computeIfAbsent(person.id().value(), id -> new ArrayList<>()).add(t("placementChange.left", locale,
					participant.name(), after.getHostOrganisation(), roleName(role, locale)));
		});
		edit.joined().forEach((role, person) -> {
			Locale locale = languages.of(person);
			people.put(person.id().value(), person);
			lines.computeIfAbsent(person.id().value(), id -> new ArrayList<>()).add(t("placementChange.joined",
					locale, participant.name(), after.getHostOrganisation(), after.getProgram(),
					roleName(role, locale), readable(role, locale)));
		});
		for (Map.Entry<String, List<String>> each : lines.entrySet()) {
			Person person = people.get(each.getKey());
			try {
				tell(person, change, each.getValue());
			}
			catch (RuntimeException e) {
				// the change is stored; a notice that cannot be queued is logged, not thrown at the admin
				log.warn("A notice of a change to placement {} could not be queued: {}", after.getId(),
						e.getClass().getSimpleName());
			}
		}
	}

	private void tell(Person person, String change, List<String> lines) {
		if (!reachability.canSend(person)) {
			log.debug("Someone affected by a placement change has neither chat nor a reachable address");
			return;
		}
		Locale locale = languages.of(person);
		String heading = t("placementChange.heading", locale);
		ChatMessage.Builder message = ChatMessage.builder(heading).heading(heading);
		lines.forEach(message::paragraph);
		outbox.enqueue(reachability.to(person, PREFIX + change + ":" + person.id().value(), MessageKind.NOTICE,
				change, message.build(), List.of(), locale, heading));
	}

	/** What changed for the participant, a line each, in their language; empty when nothing they are told of. */
	private List<String> participantLines(PlacementEdit edit, Locale locale) {
		Placement before = edit.before();
		Placement after = edit.after();
		List<String> lines = new ArrayList<>();
		List<String> fields = edit.fields().stream().filter(TOLD::contains).toList();
		DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		if (fields.contains("program") || fields.contains("hostOrganisation")) {
			lines.add(t("placementChange.where", locale, after.getProgram(), after.getHostOrganisation()));
		}
		if (fields.contains("startDate") || fields.contains("endDate")) {
			lines.add(t("placementChange.dates", locale, date.format(after.getStartDate()),
					date.format(after.getEndDate())));
		}
		if (fields.contains("schedule") || fields.contains("timezone")) {
			lines.add(t("placementChange.schedule", locale,
					after.getSchedule().dayOfWeek().getDisplayName(TextStyle.FULL, locale),
					after.getSchedule().time().toString(), after.getParticipant().timezone()));
		}
		if (fields.contains("workDays")) {
			lines.add(t("placementChange.workDays", locale, after.getWorkDays().stream().sorted()
				.map(d -> d.getDisplayName(TextStyle.FULL, locale)).collect(Collectors.joining(", "))));
		}
		if (fields.contains("locale")) {
			lines.add(t("placementChange.language", locale, t("language." + after.getParticipant().locale(), locale)));
		}
		for (Role role : Role.values()) {
			Person was = before.followers().get(role);
			Person now = after.followers().get(role);
			if (now != null && (was == null || !was.id().equals(now.id()))) {
				lines.add(t("placementChange.follower", locale, roleName(role, locale), now.displayName()));
			}
			else if (now == null && was != null) {
				lines.add(t("placementChange.noFollower", locale, roleName(role, locale)));
			}
		}
		if (fields.contains("status") && after.isActive()) {
			lines.add(t("placementChange.reopened", locale));
		}
		return lines;
	}

	/** What a follower in this role may read of the placement's logbook, e.g. "entries shared with coaches…". */
	private String readable(Role role, Locale locale) {
		return java.util.Arrays.stream(Visibility.values()).filter(v -> v.readableBy(role))
			.map(v -> t("placementChange.reads." + v.name(), locale)).collect(Collectors.joining(", "));
	}

	private String roleName(Role role, Locale locale) {
		return t("role." + role.name(), locale);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
