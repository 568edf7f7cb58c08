package org.fieldnotes.commands;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.report.BriefMessage;
import org.fieldnotes.report.ReportTexts;
import org.fieldnotes.report.SteeringBriefs;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonLookup;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes brief @person [since:YYYY-MM-DD]}: the steering-meeting brief of the mentioned participant's
 * placement, for someone who follows it (manager, academic or business coach) or an admin, with only what the asker
 * may read. Anyone else is told they follow no such placement, and learns nothing of it.
 */
@Component
class BriefCommand implements Subcommand {

	private final AccessPolicy access;
	private final PersonLookup people;
	private final PlacementManagement placements;
	private final SteeringBriefs briefs;
	private final BriefMessage messages;
	private final Replies replies;
	private final ReportTexts texts;

	BriefCommand(AccessPolicy access, PersonLookup people, PlacementManagement placements, SteeringBriefs briefs,
			BriefMessage messages, Replies replies, ReportTexts texts) {
		this.access = access;
		this.people = people;
		this.placements = placements;
		this.briefs = briefs;
		this.messages = messages;
		this.replies = replies;
		this.texts = texts;
	}

	@Override
	public String name() {
		return "brief";
	}

	@Override
	public int helpOrder() {
		return 57;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		Optional<ChatAccount> mentioned = invocation.mention();
		if (mentioned.isEmpty()) {
			return replies.usage(texts.t("report.brief.whom", locale), name(), locale);
		}
		LocalDate since = null;
		for (String word : invocation.rest().split("\\s+")) {
			if (word.toLowerCase(Locale.ROOT).startsWith("since:")) {
				try {
					since = LocalDate.parse(word.substring("since:".length()));
				}
				catch (DateTimeParseException e) {
					return replies.usage(texts.t("report.brief.since", locale, word), name(), locale);
				}
			}
		}
		Actor actor = access.member(invocation.caller());
		Optional<Placement> placement = people.find(mentioned.get()).flatMap(person -> placementOf(person, actor));
		Optional<String> role = placement.flatMap(p -> briefs.readerRole(actor, p));
		if (role.isEmpty()) {
			return replies.text("report.brief.notFollowing", locale);
		}
		return messages.of(briefs.generate(actor, role.get(), placement.get(), since, locale), locale);
	}

	/**
	 * The participant's placement the asker may have a brief of: one they follow (an admin: any), the one not
	 * ended first, then the latest.
	 */
	private Optional<Placement> placementOf(Person participant, Actor actor) {
		Comparator<Placement> preferred = Comparator
			.comparing((Placement p) -> p.getStatus() == PlacementStatus.ENDED)
			.thenComparing(Placement::getStartDate, Comparator.reverseOrder());
		if (actor.person() != null) {
			Optional<Placement> followed = placements.followedBy(actor.person()).stream()
				.filter(p -> p.isParticipant(participant.id()))
				.sorted(preferred)
				.findFirst();
			if (followed.isPresent()) {
				return followed;
			}
		}
		return actor.admin() ? placements.currentFor(participant.id()).filter(p -> actor.coordinates(p.getProgram()))
				: Optional.empty();
	}
}
