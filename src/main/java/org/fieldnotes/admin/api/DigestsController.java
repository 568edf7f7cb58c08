package org.fieldnotes.admin.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.digest.DigestRecord;
import org.fieldnotes.digest.DigestRun;
import org.fieldnotes.digest.DigestRuns;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.digest.DigestStatus;
import org.fieldnotes.text.IcuMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Digests on demand: a run composes and queues this week's digests and answers at once; the outbox's worker
 * delivers them at the platforms' pace, and the run's {@code Location} says how far it got.
 */
@RestController
@RequestMapping("/api/v1/digests")
class DigestsController {

	static final String RUNS = "/api/v1/digests/runs/";

	private final DigestService digests;
	private final DigestRuns runs;
	private final AuditLog audit;

	DigestsController(DigestService digests, DigestRuns runs, AuditLog audit) {
		this.digests = digests;
		this.runs = runs;
		this.audit = audit;
	}

	/** Queues this week's digest for every recipient who has not had it yet; answers before any is sent. */
	@PostMapping("/send")
	ResponseEntity<Started> send() {
		DigestRun.Started started = digests.queueAll();
		audit.record(AuditRecord.API, "digests-send", null, null, AuditLog.DONE,
				IcuMessageSource.format("{0, plural, one {# recipient} other {# recipients}}", Locale.ENGLISH,
						started.records().size()));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(RUNS + started.run().id()))
			.body(Started.of(started));
	}

	/** How far a run has got: queued, sent, failed, still waiting. */
	@GetMapping("/runs/{id}")
	Progress run(@PathVariable String id) {
		return runs.progress(id).map(Progress::of).orElseThrow(() -> new UnknownRun(id));
	}

	/**
	 * What a run handled: {@code handled} digests, of which {@code queued} (per channel in {@code byChannel}) wait in
	 * the outbox and {@code skipped} (per reason in {@code skippedFor}) will not go; each digest's status is
	 * {@code QUEUED} or {@code SKIPPED}.
	 */
	record Started(String run, String location, int handled, int queued, Map<String, Integer> byChannel, int skipped,
			Map<String, Integer> skippedFor, List<Item> digests) {

		record Item(String recipient, String week, String status, List<String> placementIds, int entries,
				String failure) {
		}

		static Started of(DigestRun.Started started) {
			DigestRun run = started.run();
			return new Started(run.id(), RUNS + run.id(), started.records().size(), run.queuedCount(), run.queued(),
					run.skippedCount(), run.skipped(), started.records().stream()
						.map(r -> new Item(r.recipientKey(), r.week(),
								r.status() == DigestStatus.CLAIMED ? "QUEUED" : r.status().name(), r.placementIds(),
								r.entryIds().size(), r.failure()))
						.toList());
		}
	}

	/** Where a run stands; {@code done} once nothing of it waits in the outbox. */
	record Progress(String run, Instant startedAt, int recipients, int queued, Map<String, Integer> byChannel,
			int sent, int failed, int waiting, int skipped, int gone, boolean done) {

		static Progress of(DigestRun.Progress progress) {
			DigestRun run = progress.run();
			return new Progress(run.id(), run.startedAt(), run.recipients(), run.queuedCount(), run.queued(),
					progress.sent(), progress.failed(), progress.waiting(), progress.skipped(), progress.gone(),
					progress.done());
		}
	}

	/** An id that names no run: {@code 404}. */
	static class UnknownRun extends RuntimeException {

		UnknownRun(String id) {
			super("There is no digest run " + id + " (runs are kept for 30 days).");
		}
	}
}
