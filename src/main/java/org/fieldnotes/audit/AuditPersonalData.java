package org.fieldnotes.audit;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The audit trail's part of export and erasure: the records a person did ({@code actor}), that are about them
 * ({@code person}) or whose note names them. On erasure the records stay, with the person replaced by the
 * erasure's pseudonym wherever they appear, so one erasure's records still belong together and nobody can tell
 * whose they were.
 */
@Component
class AuditPersonalData implements PersonalData {

	static final String AUDIT = "audit";
	static final String PSEUDONYMISED = "audit_pseudonymised";

	private final MongoTemplate mongo;

	AuditPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return PersonalData.AUDIT;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(AuditRecord.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(Section.of(AUDIT, mongo.find(theirs(subject), Document.class, collection())));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(PSEUDONYMISED, mongo.count(theirs(subject), AuditRecord.class));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		long pseudonymised = mongo.count(theirs(subject), AuditRecord.class);
		for (String field : List.of("actor", "person")) {
			mongo.updateMulti(Query.query(subject.isNamedInAudit(field)), Update.update(field, pseudonym),
					AuditRecord.class);
		}
		// notes are machine-made (counts, codes, ids), so an id or address in one is replaced where it stands
		for (Document record : mongo.find(Query.query(subject.mentions("detail")), Document.class, collection())) {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(record.get("_id"))),
					Update.update("detail", subject.pseudonymise(record.getString("detail"), pseudonym)), collection());
		}
		return Map.of(PSEUDONYMISED, pseudonymised);
	}

	private static Query theirs(DataSubject subject) {
		return Query.query(new Criteria().orOperator(subject.isNamedInAudit("actor"), subject.isNamedInAudit("person"),
				subject.mentions("detail")));
	}

	private String collection() {
		return mongo.getCollectionName(AuditRecord.class);
	}
}
