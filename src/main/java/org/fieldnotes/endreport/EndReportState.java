package org.fieldnotes.endreport;

/** Where an end-of-placement report is: the participant's draft, with the manager, returned to the participant, approved. */
public enum EndReportState {
	DRAFT, SUBMITTED, RETURNED, APPROVED
}
