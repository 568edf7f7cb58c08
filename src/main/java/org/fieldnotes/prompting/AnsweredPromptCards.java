package org.fieldnotes.prompting;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Turns an answered prompt's message into "✓ answered": the question stays, its buttons go (a Teams card or a Slack
 * message updated in place, the web chat's message redrawn), so that nobody answers a prompt twice by a button
 * that still offers it. Runs on a thread of its own after the answer was stored: the platform's update is a call
 * that the request storing the answer (which Slack and Teams wait on) should not wait for. Best effort: a message
 * that cannot be updated stays as it was, and the answer is stored all the same. An e-mailed prompt, or one sent
 * before the account it went to was kept, has nothing to update.
 */
@Component
class AnsweredPromptCards implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AnsweredPromptCards.class);

	private final PromptOccurrences occurrences;
	private final PromptLibrary library;
	private final PlacementManagement placements;
	private final PromptComposer composer;
	private final Messenger messenger;
	private final Languages languages;
	private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
			new LinkedBlockingQueue<>(10_000), r -> {
				Thread thread = new Thread(r, "answered-prompt-cards");
				thread.setDaemon(true);
				return thread;
			});

	AnsweredPromptCards(PromptOccurrences occurrences, PromptLibrary library, PlacementManagement placements,
			PromptComposer composer, Messenger messenger, Languages languages) {
		this.occurrences = occurrences;
		this.library = library;
		this.placements = placements;
		this.composer = composer;
		this.messenger = messenger;
		this.languages = languages;
	}

	/** Updates the answered prompt's message soon, on the worker. */
	void update(String occurrenceId) {
		try {
			worker.execute(() -> updateNow(occurrenceId));
		}
		catch (RuntimeException e) {
			// a full queue or a shut-down worker refuses the task: the message keeps its buttons
			log.warn("The answered prompt {} keeps its buttons: {}", occurrenceId, e.getClass().getSimpleName());
		}
	}

	private void updateNow(String occurrenceId) {
		try {
			PromptOccurrence occurrence = occurrences.findById(occurrenceId).orElse(null);
			if (occurrence == null || occurrence.getSentTo() == null || occurrence.getChannel() == null
					|| occurrence.getMessageTs() == null) {
				return;
			}
			Placement placement = placements.get(occurrence.getPlacementId());
			library.find(occurrence.getPromptId()).ifPresent(prompt -> messenger.update(
					new SentMessage(occurrence.getSentTo(), occurrence.getChannel(), occurrence.getMessageTs()),
					composer.answered(placement, prompt, occurrence, languages.of(placement.getParticipant()))));
		}
		catch (DeliveryFailed e) {
			log.warn("The answered prompt {} keeps its buttons: {}", occurrenceId, e.reason());
		}
		catch (RuntimeException e) {
			log.warn("The answered prompt {} keeps its buttons: {}", occurrenceId, e.getClass().getSimpleName());
		}
	}

	@Override
	public void destroy() {
		worker.shutdown();
	}
}
