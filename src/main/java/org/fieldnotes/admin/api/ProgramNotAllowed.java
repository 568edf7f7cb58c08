package org.fieldnotes.admin.api;

/**
 * A token limited to one programme asked to enrol a placement of another; nothing was stored. Answered 403, naming
 * the field {@code program}.
 */
class ProgramNotAllowed extends RuntimeException {

	private final String program;

	ProgramNotAllowed(String program) {
		this(program, "created");
	}

	/** @param what what became of the placement: {@code created}, {@code changed} */
	ProgramNotAllowed(String program, String what) {
		super("The placement was not " + what + ": this token is limited to programme '" + program + "'.");
		this.program = program;
	}

	/** What the field must be, for {@code errors}. */
	String rule() {
		return "must be '" + program + "' (the programme this token is limited to)";
	}
}
