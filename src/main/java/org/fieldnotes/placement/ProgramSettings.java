package org.fieldnotes.placement;

import java.time.Instant;
import java.util.Locale;

import org.fieldnotes.personaldata.NoPersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an admin set for a whole programme, one document per programme. Programme names are compared without
 * regard to case (as {@code /fieldnotes programs} lists them), so the id is the name in lower case.
 *
 * @param id the programme's name, trimmed, in lower case
 * @param name the programme's name as the admin last wrote it
 * @param defaultVisibility who may read a participant's entries when they chose nothing themselves; {@literal null}
 * when never set ({@link Visibility#DEFAULT} applies)
 */
@Document("programs")
@NoPersonalData("a programme's name and default visibility, set by admins for everyone in it")
public record ProgramSettings(@Id String id, String name, Visibility defaultVisibility, Instant updatedAt) {

	@PersistenceCreator
	public ProgramSettings {
	}

	/** The key a programme's settings are stored under: how programme names compare (trimmed, without case). */
	public static String keyOf(String program) {
		return program.strip().toLowerCase(Locale.ROOT);
	}

	static ProgramSettings none(String program) {
		return new ProgramSettings(keyOf(program), program.strip(), null, null);
	}

	/** The programme's default, or {@link Visibility#DEFAULT} when none was set. */
	public Visibility visibility() {
		return defaultVisibility == null ? Visibility.DEFAULT : defaultVisibility;
	}
}
