package org.fieldnotes.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.delivery.MessageDelivered;
import org.fieldnotes.delivery.MessageKind;
import org.fieldnotes.delivery.Outbox;
import org.fieldnotes.delivery.Outgoing;
import org.fieldnotes.placement.Closures;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.prompting.Prompt;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptOccurrence;
import org.fieldnotes.prompting.PromptPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Sends surveys. A scheduled survey goes with the prompt of its moment, as a message of its own, once that prompt
 * has reached the participant (so in their time zone, on their working day; a prompt skipped for a closure or an
 * absence takes no survey with it). A coordinator can send one now to a programme. Every send is claimed first
 * ({@link SurveySend}), so each goes once, with several instances too.
 */
@Service
public class SurveySender {

	private static final Logger log = LoggerFactory.getLogger(SurveySender.class);
	/** The outbox key prefix of a survey message. */
	static final String PREFIX = "survey:";

	private final SurveyLibrary library;
	private final PromptHistory prompts;
	private final PlacementManagement placements;
	private final Closures closures;
	private final Outbox outbox;
	private final Languages languages;
	private final MessageSource messages;
	private final MongoTemplate mongo;
	private final Clock clock;

	SurveySender(SurveyLibrary library, PromptHistory prompts, PlacementManagement placements, Closures closures,
			Outbox outbox, Languages languages, MessageSource messages, MongoTemplate mongo, Clock clock) {
		this.library = library;
		this.prompts = prompts;
		this.placements = placements;
		this.closures = closures;
		this.outbox = outbox;
		this.languages = languages;
		this.messages = messages;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** What a send now came to: surveys sent, placements that had it today already, placements closed today. */
	public record Sent(int sent, int alreadySent, int closed) {
	}

	/**
	 * Sends the survey now to every active placement of the programme that has started and is not closed today, once
	 * a day at most.
	 * @throws UnknownSurvey when there is no such survey, or it does not serve the programme
	 */
	public Sent sendNow(String program, String surveyId) {
		Survey survey = library.find(surveyId).filter(s -> s.serves(program))
			.orElseThrow(() -> new UnknownSurvey(surveyId));
		String key = ProgramSettings.keyOf(program);
		int sent = 0;
		int already = 0;
		int closed = 0;
		for (Placement placement : placements.active()) {
			if (placement.getProgram() == null || !ProgramSettings.keyOf(placement.getProgram()).equals(key)) {
				continue;
			}
			LocalDate today = clock.instant().atZone(placement.getParticipant().zone()).toLocalDate();
			if (today.isBefore(placement.getStartDate())) {
				continue;
			}
			if (closures.closedOn(placement, today)) {
				closed++;
				continue;
			}
			if (send(placement, survey, SurveyMoment.NOW, today.toString()).isPresent()) {
				sent++;
			}
			else {
				already++;
			}
		}
		return new Sent(sent, already, closed);
	}

	/** There is no survey of that id for the programme. */
	public static class UnknownSurvey extends RuntimeException {

		UnknownSurvey(String surveyId) {
			super("No survey '" + surveyId + "' for this programme");
		}
	}

	/**
	 * A prompt reached its participant: the surveys of its phase's moment go too. Never fails the delivery that
	 * published the event; a survey that could not be queued is logged.
	 */
	@EventListener
	void promptDelivered(MessageDelivered event) {
		if (event.kind() != MessageKind.PROMPT) {
			return;
		}
		try {
			Optional<PromptOccurrence> occurrence = prompts.occurrence(event.ref());
			if (occurrence.isEmpty()) {
				return;
			}
			Optional<SurveyMoment> moment = prompts.prompt(occurrence.get().getPromptId()).map(Prompt::phase)
				.flatMap(SurveySender::momentOf);
			if (moment.isEmpty()) {
				return;
			}
			Placement placement = placements.get(occurrence.get().getPlacementId());
			for (Survey survey : library.at(moment.get(), placement.getProgram())) {
				// the mid survey goes with the first review only: its claim is taken by then
				send(placement, survey, moment.get(), null);
			}
		}
		catch (RuntimeException e) {
			log.error("Could not send the surveys that go with prompt occurrence {}", event.ref(), e);
		}
	}

	static Optional<SurveyMoment> momentOf(PromptPhase phase) {
		return switch (phase) {
			case FIRST_WEEK -> Optional.of(SurveyMoment.START);
			case MIDPOINT, REVIEW -> Optional.of(SurveyMoment.MID);
			case LAST_WEEK -> Optional.of(SurveyMoment.END);
			case FOLLOW_UP -> Optional.of(SurveyMoment.FOLLOW_UP);
			default -> Optional.empty();
		};
	}

	/** Claims and queues the survey for the placement's participant; empty when it was claimed already. */
	Optional<SurveySend> send(Placement placement, Survey survey, SurveyMoment moment, String day) {
		Instant now = clock.instant();
		SurveySend claim = new SurveySend(SurveySend.idOf(placement.getId(), survey.id(), moment, day),
				placement.getId(), placement.getParticipant().id().value(), placement.getProgram(), survey.id(),
				moment.fileName(), now);
		Optional<SurveySend> claimed = org.fieldnotes.store.Claims.insertOnce(mongo, claim);
		if (claimed.isEmpty()) {
			return Optional.empty();
		}
		Locale locale = languages.of(placement.getParticipant());
		outbox.enqueue(Outgoing.to(placement.getParticipant(), PREFIX + claim.id(), MessageKind.NOTICE, claim.id(),
				message(survey, claim.id(), locale)));
		log.info("Survey {} ({}) queued for placement {}", survey.id(), moment.fileName(), placement.getId());
		return claimed;
	}

	private ChatMessage message(Survey survey, String sendId, Locale locale) {
		return ChatMessage.builder(t("survey.message.summary", locale, survey.title(locale)))
			.heading(survey.title(locale))
			.paragraph(survey.intro(locale))
			.context(t("survey.message.count", locale, survey.questions().size()))
			.buttons(ChatMessage.Button.primary(SurveyButtons.OPEN, t("survey.message.answer", locale), sendId))
			.build();
	}

	Optional<SurveySend> sent(String sendId) {
		return Optional.ofNullable(sendId == null ? null : mongo.findById(sendId, SurveySend.class));
	}

	List<SurveySend> sentTo(List<String> placementIds) {
		return mongo.find(Query.query(Criteria.where("placementId").in(placementIds)), SurveySend.class);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
