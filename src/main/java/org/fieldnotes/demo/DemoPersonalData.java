package org.fieldnotes.demo;

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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The demo's part of export and erasure: the mark on a demo placement names its people (accounts and ids). Erasing
 * a person takes them off their mark and deletes the mark with its last person, so that until then the mark still
 * leads a removal to the people not yet erased. It goes just before the placements (it leads to nothing an erasure
 * looks for).
 */
@Component
class DemoPersonalData implements PersonalData {

	static final String MARKS = "demo_placements";

	private final MongoTemplate mongo;

	DemoPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return ADDRESSES;
	}

	@Override
	public List<Class<?>> documents() {
		return List.of(DemoRecord.class);
	}

	@Override
	public List<Section> export(DataSubject subject, Reader reader) {
		return List.of(Section.of(MARKS, mongo.find(theirs(subject), Document.class, MARKS)));
	}

	@Override
	public Map<String, Long> count(DataSubject subject) {
		return Map.of(MARKS, mongo.count(theirs(subject), DemoRecord.class));
	}

	@Override
	public Map<String, Long> erase(DataSubject subject, String pseudonym) {
		List<DemoRecord> marks = mongo.find(theirs(subject), DemoRecord.class);
		for (DemoRecord mark : marks) {
			Query one = Query.query(Criteria.where("_id").is(mark.id()));
			// one $pull per value: each is a single-document update every store supports
			for (String account : subject.accountKeys()) {
				mongo.updateFirst(one, new Update().pull("accountKeys", account), DemoRecord.class);
			}
			for (String person : subject.personIds()) {
				mongo.updateFirst(one, new Update().pull("personIds", person), DemoRecord.class);
			}
			DemoRecord left = mongo.findOne(one, DemoRecord.class);
			if (left != null && left.accountKeys().isEmpty()) {
				mongo.remove(one, DemoRecord.class);
			}
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(MARKS, (long) marks.size());
		return counts;
	}

	private static Query theirs(DataSubject subject) {
		List<Criteria> any = new ArrayList<>();
		if (!subject.accountKeys().isEmpty()) {
			any.add(Criteria.where("accountKeys").in(subject.accountKeys()));
		}
		if (!subject.personIds().isEmpty()) {
			any.add(Criteria.where("personIds").in(subject.personIds()));
		}
		if (any.isEmpty()) {
			return Query.query(Criteria.where("_id").exists(false));
		}
		return Query.query(any.size() == 1 ? any.get(0) : new Criteria().orOperator(any.toArray(new Criteria[0])));
	}
}
