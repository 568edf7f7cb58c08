package org.fieldnotes.placement;

import java.util.List;

/** A draft was refused; nothing was stored. */
public class InvalidPlacement extends RuntimeException {

	private final List<Violation> violations;

	/** A refusal naming these violations (an adapter may rename their fields as its callers wrote them). */
	public InvalidPlacement(List<Violation> violations) {
		super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}
}
