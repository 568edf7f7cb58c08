package org.fieldnotes.commands;

import java.util.List;

import org.fieldnotes.placement.Placement;

/**
 * What an enrolment from chat came to: the stored placement and a confirmation, or every error by field (and nothing
 * stored).
 *
 * @param confirmation the confirmation text in the admin's language, {@literal null} when refused
 */
public record EnrolmentOutcome(Placement placement, String confirmation, List<FieldError> errors) {

	/** One error, in the admin's language, on a field named as in {@link EnrolmentForm}. */
	public record FieldError(String field, String message) {
	}

	public boolean enrolled() {
		return placement != null;
	}
}
