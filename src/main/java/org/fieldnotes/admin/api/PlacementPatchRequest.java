package org.fieldnotes.admin.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.PlacementDraft;
import org.fieldnotes.placement.PlacementPatch;
import org.fieldnotes.placement.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code PATCH /api/v1/placements/{id}}, a JSON merge patch (RFC 7396): a field left out keeps its
 * value, a field set to {@code null} is removed (see {@link PlacementPatch}), anything else replaces it. People
 * ({@code manager}, {@code academicCoach}, {@code businessCoach}) are given whole, as at enrolment; {@code schedule}
 * is merged ({@code {"time": "09:00"}} keeps the day). {@code timezone} and {@code locale} are the participant's.
 * A field that is not one of these, or of the wrong type, is named in the refusal; nothing is changed then.
 */
final class PlacementPatchRequest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** What a placement response shows but a patch cannot change (the participant is enrolled anew instead). */
	private static final Set<String> FIXED = Set.of("id", "participant", "status", "createdAt", "updatedAt",
			"closures");

	private final Map<String, PlacementRequest.PersonRequest> people = new HashMap<>();
	private final PlacementPatch patch;

	private PlacementPatchRequest(JsonNode body) {
		List<Violation> violations = new ArrayList<>();
		if (body == null || !body.isObject()) {
			throw new InvalidPlacement(List.of(new Violation("body", "must be a JSON object (a merge patch)")));
		}
		Map<String, String> texts = new HashMap<>();
		Set<String> removed = new LinkedHashSet<>();
		PlacementDraft.ScheduleDraft schedule = null;
		List<String> workDays = null;
		List<String> goals = null;
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			if (FIXED.contains(name)) {
				violations.add(new Violation(name, "cannot be changed here"));
				continue;
			}
			if (!PlacementPatch.FIELDS.contains(name)) {
				violations.add(new Violation(name, "is not a field of a placement"));
				continue;
			}
			if (value.isNull()) {
				removed.add(name);
				continue;
			}
			switch (name) {
				case "manager", "academicCoach", "businessCoach" -> {
					if (!value.isObject()) {
						violations.add(new Violation(name, "has the wrong type (expected an object)"));
						continue;
					}
					try {
						people.put(name, JSON.treeToValue(value, PlacementRequest.PersonRequest.class));
					}
					catch (JacksonException e) {
						violations.add(new Violation(name, "has the wrong type (expected a person, as at enrolment)"));
					}
				}
				case "schedule" -> {
					if (!value.isObject()) {
						violations.add(new Violation(name, "has the wrong type (expected an object)"));
						continue;
					}
					String day = text(value.get("dayOfWeek"), "schedule.dayOfWeek", violations);
					String time = text(value.get("time"), "schedule.time", violations);
					value.propertyNames().stream().filter(n -> !n.equals("dayOfWeek") && !n.equals("time"))
						.forEach(n -> violations.add(new Violation("schedule." + n, "is not a field of a schedule")));
					schedule = new PlacementDraft.ScheduleDraft(day, time);
				}
				case "workDays", "learningGoals" -> {
					if (!value.isArray()) {
						violations.add(new Violation(name, "has the wrong type (expected an array)"));
						continue;
					}
					List<String> items = new ArrayList<>();
					for (int i = 0; i < value.size(); i++) {
						items.add(text(value.get(i), name + "[" + i + "]", violations));
					}
					if (name.equals("workDays")) {
						workDays = items;
					}
					else {
						goals = items;
					}
				}
				default -> texts.put(name, text(value, name, violations));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidPlacement(violations);
		}
		this.patch = new PlacementPatch(texts.get("program"), texts.get("hostOrganisation"), texts.get("startDate"),
				texts.get("endDate"), person("manager"), person("academicCoach"), person("businessCoach"), schedule,
				workDays, texts.get("timezone"), texts.get("locale"), goals, removed, texts.get("addedValue"));
	}

	/** Reads a merge patch. @throws InvalidPlacement naming every field that is unknown or of the wrong type */
	static PlacementPatchRequest read(JsonNode body) {
		return new PlacementPatchRequest(body);
	}

	PlacementPatch patch() {
		return patch;
	}

	/** The programme the patch moves the placement to; {@literal null} when it keeps its own. */
	String program() {
		return patch.program();
	}

	/** The refusal with the people's fields named as the caller wrote them ({@code manager.slackUserId}, …). */
	InvalidPlacement asWritten(InvalidPlacement refusal) {
		return new InvalidPlacement(refusal.violations().stream().map(v -> {
			String role = v.field().contains(".") ? v.field().substring(0, v.field().indexOf('.')) : v.field();
			PlacementRequest.PersonRequest person = people.get(role);
			return person == null ? v : new Violation(person.field(role, v.field()), v.message(), v.code(), v.args());
		}).toList());
	}

	private PlacementDraft.PersonDraft person(String role) {
		PlacementRequest.PersonRequest request = people.get(role);
		return request == null ? null : request.draft();
	}

	/** A string value; {@literal null} when absent or null; a violation (and {@literal null}) for anything else. */
	private static String text(JsonNode value, String field, List<Violation> violations) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			violations.add(new Violation(field, "has the wrong type (expected text)"));
			return null;
		}
		return value.asString();
	}
}
