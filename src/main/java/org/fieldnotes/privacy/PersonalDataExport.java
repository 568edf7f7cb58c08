package org.fieldnotes.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything Fieldnotes stores about one person, as they are stored: for a participant, their placements with
 * everything in them (every entry and status update whatever its visibility: it is their own data, the prompts sent
 * to them, the replies to their entries); for anyone, what they wrote (entries, status updates, acknowledgements and
 * replies), their preferences, the digests addressed to them and the audit records they did or that are about them.
 * Of a placement they only follow (manager, coach), it holds their own person data and the placement's frame, never
 * the participant's entries: those are the participant's.
 */
@Service
public class PersonalDataExport {

	/** The key of the placements the person follows, in the export. */
	public static final String FOLLOWED = "followed_placements";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final PersonalData data;
	private final Clock clock;

	PersonalDataExport(PersonalData data, Clock clock) {
		this.data = data;
		this.clock = clock;
	}

	/**
	 * The export as a JSON-ready tree: {@code person}, {@code exportedAt}, then one list per collection (and
	 * {@value #FOLLOWED}), in a fixed order; empty lists where nothing is stored.
	 */
	public Map<String, Object> export(DataSubject subject) {
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("person", subject.key());
		export.put("exportedAt", clock.instant().toString());
		Map<String, Query> queries = data.queries(subject);
		for (Map.Entry<String, Query> entry : queries.entrySet()) {
			export.put(entry.getKey(), plain(data.find(entry.getKey(), entry.getValue())));
			if (entry.getKey().equals(PersonalData.PLACEMENTS)) {
				export.put(FOLLOWED, followed(subject));
			}
		}
		return export;
	}

	/** Whether anything at all is stored about the person. */
	public boolean anything(Map<String, Object> export) {
		return export.values().stream().anyMatch(v -> v instanceof List<?> list && !list.isEmpty());
	}

	public byte[] json(Map<String, Object> export) {
		return JSON.writeValueAsBytes(export);
	}

	/** Their part of the placements they follow: the role, the person record, and the placement's frame. */
	private List<Object> followed(DataSubject subject) {
		List<Object> followed = new ArrayList<>();
		for (String role : PersonalData.FOLLOWER_ROLES) {
			for (Document placement : data.find(PersonalData.PLACEMENTS, data.followed(subject, role))) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("placementId", placement.get("_id"));
				item.put("role", role);
				item.put("program", placement.get("program"));
				item.put("hostOrganisation", placement.get("hostOrganisation"));
				item.put("startDate", placement.get("startDate"));
				item.put("endDate", placement.get("endDate"));
				item.put("status", placement.get("status"));
				item.put("person", placement.get(role));
				followed.add(plain(item));
			}
		}
		return followed;
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
