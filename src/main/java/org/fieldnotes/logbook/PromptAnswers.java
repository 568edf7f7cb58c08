package org.fieldnotes.logbook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.prompting.Prompt;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.prompting.PromptResponses;
import org.fieldnotes.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Answers to a prompt written in its form (one field per question): stored as one entry, each question's label
 * followed by its answer, blank answers left out. Idempotent per submission, so a double submit stores once.
 */
@Service
public class PromptAnswers {

	private static final Logger log = LoggerFactory.getLogger(PromptAnswers.class);

	private final PromptResponses responses;
	private final PromptHistory prompts;
	private final MongoTemplate mongo;
	private final PlacementManagement placements;
	private final VisibilityDefaults visibility;
	private final Clock clock;

	PromptAnswers(PromptResponses responses, PromptHistory prompts, MongoTemplate mongo,
			PlacementManagement placements, VisibilityDefaults visibility, Clock clock) {
		this.responses = responses;
		this.prompts = prompts;
		this.mongo = mongo;
		this.placements = placements;
		this.visibility = visibility;
		this.clock = clock;
	}

	/** What became of a form's answers. */
	public enum Outcome {
		SAVED,
		/** The same submission was stored before: nothing new. */
		ALREADY_SAVED,
		/** Every answer was blank: nothing stored. */
		EMPTY,
		/** The prompt was skipped or is unknown: nothing stored. */
		CLOSED
	}

	public record Answered(Outcome outcome, LogbookEntry entry) {
	}

	/**
	 * Stores the answers as one entry linked to the prompt and marks the prompt answered.
	 * @param submissionKey unique per submitted form, e.g. {@code slack-view:<view id>}
	 * @param answers one per question, in the prompt's order; blank or missing ones are left out
	 * @throws org.fieldnotes.prompting.NotYourPrompt when the prompt was sent to someone else
	 */
	public Answered answer(ChatAccount author, String occurrenceId, String submissionKey, List<String> answers) {
		return answer(author, occurrenceId, submissionKey, answers, null);
	}

	/**
	 * The same, readable by whom the author chose.
	 * @param chosen who may read the entry; {@literal null}: the author's effective default
	 */
	public Answered answer(ChatAccount author, String occurrenceId, String submissionKey, List<String> answers,
			Visibility chosen) {
		Optional<PromptResponses.Form> form = responses.form(occurrenceId, author, Operation.PROMPT_ANSWER_FORM);
		if (form.isEmpty()) {
			return new Answered(Outcome.CLOSED, null);
		}
		String text = text(form.get(), answers);
		if (text.isEmpty()) {
			return new Answered(Outcome.EMPTY, null);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		// the prompt's addressee (the policy let only them through)
		Placement placement = placements.get(form.get().placementId());
		PersonId person = placement.getParticipant().id();
		LogbookEntry entry = new LogbookEntry(UUID.randomUUID().toString(), placement.getId(), person.value(), text,
				EntrySource.PROMPT_REPLY, occurrenceId, form.get().prompt().id(), submissionKey, null, null, now, null,
				null, null, visibility.forNew(person, placement.getProgram(), chosen));
		Optional<LogbookEntry> saved = Claims.insertOnce(mongo, entry);
		if (saved.isEmpty()) {
			return new Answered(Outcome.ALREADY_SAVED, null);
		}
		prompts.markAnswered(occurrenceId, now);
		log.info("Logbook entry {} saved for placement {} from a prompt form", saved.get().id(), saved.get().placementId());
		return new Answered(Outcome.SAVED, saved.get());
	}

	private static String text(PromptResponses.Form form, List<String> answers) {
		List<String> parts = new ArrayList<>();
		List<Prompt.Question> questions = form.prompt().questions();
		for (int i = 0; i < questions.size() && i < answers.size(); i++) {
			String answer = answers.get(i);
			if (answer != null && !answer.isBlank()) {
				parts.add(questions.get(i).label(form.locale()) + "\n" + answer.strip());
			}
		}
		return String.join("\n\n", parts);
	}
}
