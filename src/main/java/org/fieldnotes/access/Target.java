package org.fieldnotes.access;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Visibility;

/**
 * What an operation acts on, as far as access is concerned: nothing in particular, a placement (a prompt's, or one
 * the admin API names), an entry or status update (its placement, author and visibility), or a programme by name.
 *
 * @param placement the placement, or {@literal null} when the operation has no target or it is unknown
 * @param authorId the item's author (a person id), or {@literal null} when the target is not an item
 * @param visibility the item's visibility, or {@literal null} when the target is not an item
 * @param program a programme named by the request (e.g. {@code PUT /api/v1/programs/{program}}, or the programme
 * of a placement to enrol), or {@literal null}
 */
public record Target(Placement placement, String authorId, Visibility visibility, String program) {

	private static final Target NONE = new Target(null, null, null, null);

	public static Target none() {
		return NONE;
	}

	public static Target placement(Placement placement) {
		return new Target(placement, null, null, null);
	}

	/** An entry or a status update of {@code placement} (which may be {@literal null} for author-only operations). */
	public static Target item(Placement placement, String authorId, Visibility visibility) {
		return new Target(placement, authorId, visibility, null);
	}

	/** A programme, by name (compared without regard to case). */
	public static Target program(String program) {
		return new Target(null, null, null, program);
	}

	boolean isItem() {
		return authorId != null && visibility != null;
	}

	/** The programme the target belongs to (its placement's, or the one named), or {@literal null} when none. */
	String programKey() {
		String name = placement != null ? placement.getProgram() : program;
		return name == null || name.isBlank() ? null : ProgramSettings.keyOf(name);
	}
}
