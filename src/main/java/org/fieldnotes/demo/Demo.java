package org.fieldnotes.demo;

import java.util.List;

/** A demo placement and the people in it, the participant first. */
public record Demo(String placementId, List<DemoPersona> personas) {

	public Demo {
		personas = List.copyOf(personas);
	}
}
