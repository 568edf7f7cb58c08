package org.fieldnotes.admin;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.logbook.VisibilityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records in the audit log each time a participant changes who may read one of their entries or status updates:
 * by id only (action {@code visibility}, detail e.g. {@code entry 6f1…: coaches → private}), never the words.
 */
@Component
class VisibilityAudit {

	private final AuditLog audit;

	VisibilityAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(VisibilityChanged changed) {
		audit.record(changed.authorId(), "visibility", changed.placementId(), changed.authorId(), AuditLog.DONE,
				changed.kind().code() + " " + changed.id() + ": " + changed.from().key() + " → " + changed.to().key());
	}
}
