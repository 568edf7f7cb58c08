package org.fieldnotes.admin.api;

import java.util.List;
import java.util.Locale;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.digest.DigestRecord;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.text.IcuMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Digests on demand.
 */
@RestController
@RequestMapping("/api/v1/digests")
class DigestsController {

	private final DigestService digests;
	private final AuditLog audit;

	DigestsController(DigestService digests, AuditLog audit) {
		this.digests = digests;
		this.audit = audit;
	}

	/** Sends this week's digest to every recipient who has not had it yet. */
	@PostMapping("/send")
	ResponseEntity<DigestRun> send() {
		List<DigestRecord> records = digests.sendAll();
		audit.record(AuditRecord.API, "digests-send", null, null, AuditLog.DONE,
				IcuMessageSource.format("{0, plural, one {# recipient} other {# recipients}}", Locale.ENGLISH,
						records.size()));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(DigestRun.of(records));
	}

	record DigestRun(int handled, List<Item> digests) {

		record Item(String recipient, String week, String status, List<String> placementIds, int entries,
				String failure) {
		}

		static DigestRun of(List<DigestRecord> records) {
			return new DigestRun(records.size(), records.stream()
				.map(r -> new Item(r.recipientKey(), r.week(), r.status().name(), r.placementIds(),
						r.entryIds().size(), r.failure()))
				.toList());
		}
	}
}
