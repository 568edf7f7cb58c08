package org.fieldnotes.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.personaldata.PersonalData.Reader;
import org.fieldnotes.personaldata.PersonalData.Section;
import org.springframework.stereotype.Service;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything Fieldnotes stores about one person, as it is stored, gathered from every module
 * ({@link PersonalData#export}) after the person is recognised by all their identifiers. For a participant: their
 * placements with everything in them; for anyone: what they wrote, their preferences, the digests and messages
 * addressed to them, the audit records they did or that are about them. Of a placement they only follow it holds
 * their own part, never the participant's entries.
 * <p>
 * The person themself ({@link Reader#SUBJECT}, {@code /fieldnotes my-data}) gets everything, private entries
 * included. An admin ({@link Reader#ADMIN}, the API) gets what an admin may read: the words of private and
 * confidential items, of replies to them and of queued messages are left out, and {@value #WITHHELD} counts what
 * was left out and says why.
 */
@Service
public class PersonalDataExport {

	/** The key of the placements the person follows, in the export. */
	public static final String FOLLOWED = "followed_placements";
	/** The key of what an admin's export leaves out. */
	public static final String WITHHELD = "withheld";
	static final String WITHHELD_NOTE = "Private and confidential entries and status updates are the participant's "
			+ "own (confidential ones are shared with their academic coach only). An admin export counts them here, by "
			+ "visibility, and never shows them, nor the replies to them, nor the words of messages to the person. The "
			+ "person gets everything with /fieldnotes my-data.";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final PersonalDataModules modules;
	private final Clock clock;

	PersonalDataExport(PersonalDataModules modules, Clock clock) {
		this.modules = modules;
		this.clock = clock;
	}

	/**
	 * The export as a JSON-ready tree: {@code person}, {@code exportedAt}, then one list per kind of document (who
	 * they are and their placements first, what was sent to them last), empty where nothing is stored; for an
	 * admin, then {@value #WITHHELD}: {@code note}, and per kind the counts left out (e.g.
	 * {@code "logbook_entries": {"private": 2, "confidential": 1}}).
	 */
	public Map<String, Object> export(DataSubject asked, Reader reader) {
		DataSubject subject = modules.resolve(asked);
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("person", subject.key());
		export.put("exportedAt", clock.instant().toString());
		Map<String, Object> withheld = new LinkedHashMap<>();
		withheld.put("note", WITHHELD_NOTE);
		List<PersonalData> presentation = new ArrayList<>(modules.inErasureOrder());
		java.util.Collections.reverse(presentation);
		for (PersonalData module : presentation) {
			for (Section section : module.export(subject, reader)) {
				export.put(section.name(), plain(section.items()));
				if (!section.withheld().isEmpty()) {
					withheld.put(section.name(), section.withheld());
				}
			}
		}
		if (reader == Reader.ADMIN) {
			export.put(WITHHELD, withheld);
		}
		return export;
	}

	/** Whether anything at all is stored about the person (shown or withheld). */
	public boolean anything(Map<String, Object> export) {
		return export.values().stream().anyMatch(v -> v instanceof List<?> list && !list.isEmpty())
				|| export.get(WITHHELD) instanceof Map<?, ?> withheld && withheld.size() > 1;
	}

	public byte[] json(Map<String, Object> export) {
		return JSON.writeValueAsBytes(export);
	}

	/** Stored values as JSON values: dates as ISO instants, ObjectIds as hex; Spring's {@code _class} left out. */
	@SuppressWarnings("unchecked")
	static Object plain(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> plain = new LinkedHashMap<>();
			((Map<String, Object>) map).forEach((k, v) -> {
				if (!"_class".equals(k)) {
					plain.put(k, plain(v));
				}
			});
			return plain;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(PersonalDataExport::plain).toList();
		}
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		if (value instanceof ObjectId id) {
			return id.toHexString();
		}
		return value;
	}
}
