package org.fieldnotes.endreport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code end_reports} collection. A report is its participant's words: exported to them whole, to an admin only
 * once submitted (a draft's sections are withheld and counted), erased with the participant and purged with their
 * placement by the retention sweep. The manager it was sent to is named in it (as a person id): their erasure
 * replaces their id by the pseudonym, and the report stays the participant's.
 */
@Component
class EndReportPersonalData implements PersonalData {

	static final String END_REPORTS = "end_reports";
	static final String MANAGER_NAMED = "end_reports_manager";

	private final MongoTemplate mongo;

	EndReportPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return WRITINGS;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(EndReport.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		List<Document> shown = new ArrayList<>();
		long withheld = 0;
		for (Document report : mongo.find(written(subject), Document.class, END_REPORTS)) {
			if (reader == Reader.ADMIN && EndReportState.DRAFT.name().equals(report.getString("state"))) {
				report.remove("sections");
				withheld++;
			}
			shown.add(report);
		}
		shown.addAll(mongo.find(Query.query(named(subject)), Document.class, END_REPORTS).stream()
			.map(report -> new Document("_id", report.get("_id")).append("managerId", report.get("managerId"))
				.append("approvedBy", report.get("approvedBy")).append("approvedAt", report.get("approvedAt")))
			.toList());
		return List.of(new Section(END_REPORTS, shown, withheld == 0 ? Map.of() : Map.of("draft", withheld)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(END_REPORTS, mongo.count(written(subject), END_REPORTS));
		counts.put(MANAGER_NAMED, mongo.count(Query.query(named(subject)), END_REPORTS));
		return counts;
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(END_REPORTS, mongo.remove(written(subject), END_REPORTS).getDeletedCount());
		long named = 0;
		for (Document report : mongo.find(Query.query(named(subject)), Document.class, END_REPORTS)) {
			Object history = report.get("history");
			if (history instanceof List<?> steps) {
				List<Object> renamed = new ArrayList<>();
				for (Object step : steps) {
					if (step instanceof Document line && isThem(subject, line.getString("by"))) {
						line.put("by", pseudonym);
					}
					renamed.add(step);
				}
				report.put("history", renamed);
			}
			if (isThem(subject, report.getString("managerId"))) {
				report.put("managerId", pseudonym);
			}
			if (isThem(subject, report.getString("approvedBy"))) {
				report.put("approvedBy", pseudonym);
			}
			mongo.save(report, END_REPORTS);
			named++;
		}
		counts.put(MANAGER_NAMED, named);
		return counts;
	}

	/** Whether this id is one of the person's; {@literal false} for none (a report not approved has no approver). */
	private static boolean isThem(DataSubject subject, String personId) {
		return personId != null && subject.personIds().contains(personId);
	}

	@Override
	public Map<String, Long> purge(String placementId) {
		return Map.of(END_REPORTS, mongo.remove(Query.query(Criteria.where("_id").is(placementId)), END_REPORTS)
			.getDeletedCount());
	}

	@Override
	public List<String> purged() {
		return List.of(END_REPORTS);
	}

	/** The subject's own reports: as the participant, or of a placement of theirs. */
	private static Query written(DataSubject subject) {
		return Query.query(new Criteria().orOperator(Criteria.where("participantId").in(subject.personIds()),
				Criteria.where("_id").in(subject.ownPlacementIds())));
	}

	/** Reports that name the subject as the manager (and are not their own). */
	private static Criteria named(DataSubject subject) {
		return new Criteria().andOperator(new Criteria().orOperator(Criteria.where("managerId").in(subject.personIds()),
				Criteria.where("approvedBy").in(subject.personIds()), Criteria.where("history.by").in(subject.personIds())),
				Criteria.where("participantId").nin(subject.personIds()));
	}
}
