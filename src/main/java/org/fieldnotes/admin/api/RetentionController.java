package org.fieldnotes.admin.api;

import java.util.Locale;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.retention.RetentionSweep;
import org.fieldnotes.text.IcuMessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/retention:sweep}: runs the retention sweep now (it is idempotent, so running it on top of the
 * daily one deletes nothing twice) and answers with the numbers deleted per collection. Audited with the counts.
 */
@RestController
class RetentionController {

	private final RetentionSweep sweep;
	private final AuditLog audit;

	RetentionController(RetentionSweep sweep, AuditLog audit) {
		this.sweep = sweep;
		this.audit = audit;
	}

	@PostMapping("/api/v1/retention:sweep")
	RetentionSweep.Result sweep() {
		RetentionSweep.Result result = sweep.sweep();
		audit.record(AuditRecord.API, "retention-sweep", null, null, AuditLog.DONE,
				IcuMessageSource.format("{0, plural, one {# placement} other {# placements}}, "
						+ "{1, plural, one {# document} other {# documents}} deleted", Locale.ENGLISH,
						result.placements(), result.total())
						+ (result.failed() > 0 ? ", " + result.failed() + " failed" : ""));
		return result;
	}
}
