package org.fieldnotes.placement;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.DocumentReferenceSource;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.ReferenceLookupDelegate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Many placements read at once, for work that walks all of them (the prompt schedule's rebuild at start). Reading a
 * placement resolves its four people ({@code @DocumentReference}), one read of the store each: 40,000 reads for
 * 10,000 placements. Here a batch costs two: its placements, then all of their people with one {@code $in}.
 */
@Service
public class PlacementBatches {

	private static final List<String> PEOPLE_FIELDS = List.of("participant", "manager", "academicCoach",
			"businessCoach");

	private final MongoTemplate mongo;

	PlacementBatches(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The ids of the active placements, in id order (one query, ids only). */
	public List<String> activeIds() {
		Query query = Query.query(Criteria.where("status").is(PlacementStatus.ACTIVE.name()))
			.with(Sort.by("_id"));
		query.fields().include("_id");
		return mongo.find(query, Document.class, "placements").stream().map(d -> String.valueOf(d.get("_id"))).toList();
	}

	/** The ids of the placements that have not ended, in id order (one query, ids only). */
	public List<String> notEndedIds() {
		Query query = Query.query(Criteria.where("status").ne(PlacementStatus.ENDED.name())).with(Sort.by("_id"));
		query.fields().include("_id");
		return mongo.find(query, Document.class, "placements").stream().map(d -> String.valueOf(d.get("_id"))).toList();
	}

	/**
	 * The placements with these ids that exist, each with its people, as {@link PlacementManagement#get} reads them;
	 * two queries whatever the number of ids.
	 */
	public List<Placement> withIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Document> placements = mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class,
				"placements");
		Set<Object> personIds = new LinkedHashSet<>();
		for (Document placement : placements) {
			for (String field : PEOPLE_FIELDS) {
				Object id = placement.get(field);
				if (id != null) {
					personIds.add(id);
				}
			}
		}
		Map<Object, Document> people = new HashMap<>();
		if (!personIds.isEmpty()) {
			mongo.find(Query.query(Criteria.where("_id").in(personIds)), Document.class, "people")
				.forEach(person -> people.put(person.get("_id"), person));
		}
		MappingMongoConverter converter = converter(people);
		return placements.stream().map(document -> converter.read(Placement.class, document)).toList();
	}

	/** The application's converter, but resolving people from {@code people} (read already) before the store. */
	private MappingMongoConverter converter(Map<Object, Document> people) {
		MappingMongoConverter application = (MappingMongoConverter) mongo.getConverter();
		MappingMongoConverter converter = new MappingMongoConverter(
				new ReadAlready(mongo, people), application.getMappingContext());
		converter.setCustomConversions(application.getCustomConversions());
		converter.setTypeMapper(application.getTypeMapper());
		converter.setCodecRegistryProvider(mongo.getMongoDatabaseFactory());
		converter.afterPropertiesSet();
		return converter;
	}

	/** A single {@code @DocumentReference} by id answered from the documents read already; anything else as usual. */
	private static final class ReadAlready extends DefaultDbRefResolver {

		private final Map<Object, Document> documents;

		ReadAlready(MongoTemplate mongo, Map<Object, Document> documents) {
			super(mongo.getMongoDatabaseFactory());
			this.documents = documents;
		}

		@Override
		public Object resolveReference(MongoPersistentProperty property, Object source,
				ReferenceLookupDelegate lookup, MongoEntityReader reader) {
			Object id = source instanceof DocumentReferenceSource reference ? reference.getTargetSource() : source;
			Document found = id == null || property.isCollectionLike() || property.isMap() ? null : documents.get(id);
			return found != null ? reader.read(found, property.getTypeInformation())
					: super.resolveReference(property, source, lookup, reader);
		}
	}
}
