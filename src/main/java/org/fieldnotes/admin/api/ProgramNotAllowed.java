package org.fieldnotes.admin.api;

/**
 * A token limited to one programme asked to enrol a placement of another; nothing was stored. Answered 403, naming
 * the field {@code program}.
 */
class ProgramNotAllowed extends RuntimeException {

	private final String program;

	ProgramNotAllowed(String program) {
		super("The placement was not created: this token is limited to programme '" + program + "'.");
		this.program = program;
	}

	/** What the field must be, for {@code errors}. */
	String rule() {
		return "must be '" + program + "' (the programme this token is limited to)";
	}
}
