package org.fieldnotes.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.ResponseKind;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Placements;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.prompting.PromptHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Finds the items a reader may read that match a query: logbook entries (not deleted), status updates (progress
 * and blockers) and replies to entries the reader may read. The store is asked only which items belong to the
 * placements the reader may search in (by the indexed {@code placementId}) and fall in the date range, with only the
 * fields search needs; who may read each item is {@link AccessPolicy}'s to say ({@link Operation#READ_ITEM}), item
 * by item, before its words are even looked at; the words are matched here ({@link Terms}), never by the store.
 *
 * <p>What a reader searches in: the placements they follow as manager or coach (not those they have left: a
 * placement's followers are the people in it now), their own placements as participant, and, for an admin, every
 * placement of the programmes they coordinate. Nothing is cached: an edit, a deletion, a change of visibility or of a
 * placement's people shows in the next search.
 */
@Service
public class Search {

	private static final Logger log = LoggerFactory.getLogger(Search.class);

	/** A text up to this long is shown whole; a longer one is cut around its first match to about this length. */
	static final int SNIPPET = 280;
	/** How many placements one query asks about (as {@code Logbook} batches them). */
	private static final int BATCH = 2_000;
	/** The earliest and latest time zones: a day on any participant's calendar lies between its starts in them. */
	private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);
	private static final ZoneOffset LATEST = ZoneOffset.ofHours(-12);

	private final MongoTemplate mongo;
	private final Placements placements;
	private final AccessPolicy access;
	private final PromptHistory prompts;

	Search(MongoTemplate mongo, Placements placements, AccessPolicy access, PromptHistory prompts) {
		this.mongo = mongo;
		this.placements = placements;
		this.access = access;
		this.prompts = prompts;
	}

	/** One page of the items the reader may read that match the query, newest first. */
	public SearchResults find(Actor reader, SearchQuery query) {
		long started = System.nanoTime();
		Terms terms = Terms.parse(query.words(), query.ignoreAccents());
		if (terms.isEmpty()) {
			return SearchResults.nothingToLookFor(query);
		}
		Map<String, Placement> scope = new LinkedHashMap<>();
		for (Placement placement : searchedBy(reader)) {
			if (wanted(placement, query)) {
				scope.put(placement.getId(), placement);
			}
		}
		List<Found> found = new ArrayList<>();
		if (!scope.isEmpty()) {
			entries(reader, query, terms, scope, found);
			statusUpdates(reader, query, terms, scope, found);
			replies(reader, query, terms, scope, found);
		}
		found.sort(Comparator.comparing(Found::at).reversed().thenComparing(f -> f.item().getString("_id")));
		int from = (int) Math.min(found.size(), (long) query.page() * query.size());
		int to = Math.min(found.size(), from + query.size());
		List<SearchHit> hits = new ArrayList<>();
		for (Found f : found.subList(from, to)) {
			hits.add(hit(f, terms, query));
		}
		log.debug("Search by a {} in {} placements, {} terms: {} found in {} ms", reader.kind(), scope.size(),
				terms.size(), found.size(), (System.nanoTime() - started) / 1_000_000);
		return new SearchResults(hits, found.size(), query.page(), query.size(), false);
	}

	/**
	 * The placements a reader may search in, for a page's filter: those they follow, their own, and those of the
	 * programmes they coordinate as an admin. Whether they may read an item of one is still asked item by item.
	 */
	public List<Placement> placementsOf(Actor reader) {
		return searchedBy(reader);
	}

	private List<Placement> searchedBy(Actor reader) {
		Map<String, Placement> found = new LinkedHashMap<>();
		if (reader == null) {
			return List.of();
		}
		if (reader.admin()) {
			for (Placement placement : placements.findAll()) {
				if (reader.coordinates(placement.getProgram())) {
					found.put(placement.getId(), placement);
				}
			}
		}
		if (reader.person() != null) {
			String person = reader.person().value();
			placements.findFollowedBy(person).forEach(p -> found.putIfAbsent(p.getId(), p));
			placements.findByParticipantId(person).forEach(p -> found.putIfAbsent(p.getId(), p));
		}
		return List.copyOf(found.values());
	}

	private static boolean wanted(Placement placement, SearchQuery query) {
		if (query.placementId() != null && !query.placementId().equals(placement.getId())) {
			return false;
		}
		return query.program() == null || placement.getProgram() != null
				&& ProgramSettings.keyOf(placement.getProgram()).equals(ProgramSettings.keyOf(query.program()));
	}

	private void entries(Actor reader, SearchQuery query, Terms terms, Map<String, Placement> scope,
			List<Found> found) {
		for (Document entry : read("logbook_entries", scope.keySet(), query, Filters.eq("deletedAt", null), "authorId",
				"text", "source", "promptId", "visibility")) {
			Placement placement = scope.get(entry.getString("placementId"));
			Instant at = instant(entry);
			if (placement != null && within(at, placement, query)
					&& readable(reader, placement, entry.getString("authorId"), entry.getString("visibility"))
					&& terms.allIn(folded(query, entry.getString("text")))) {
				found.add(new Found(Source.ENTRY, entry, placement, at, null));
			}
		}
	}

	private void statusUpdates(Actor reader, SearchQuery query, Terms terms, Map<String, Placement> scope,
			List<Found> found) {
		for (Document update : read("status_updates", scope.keySet(), query, null, "authorId", "progress", "blockers",
				"status", "visibility")) {
			Placement placement = scope.get(update.getString("placementId"));
			Instant at = instant(update);
			if (placement != null && within(at, placement, query)
					&& readable(reader, placement, update.getString("authorId"), update.getString("visibility"))
					&& terms.allIn(folded(query, update.getString("progress"), update.getString("blockers")))) {
				found.add(new Found(Source.STATUS_UPDATE, update, placement, at, null));
			}
		}
	}

	/** Replies whose words match, then only those to an entry (not deleted) the reader may read. */
	private void replies(Actor reader, SearchQuery query, Terms terms, Map<String, Placement> scope,
			List<Found> found) {
		List<Document> matching = new ArrayList<>();
		for (Document reply : read("entry_responses", scope.keySet(), query,
				Filters.eq("kind", ResponseKind.REPLIED.name()), "entryId", "role", "text")) {
			Placement placement = scope.get(reply.getString("placementId"));
			if (placement != null && within(instant(reply), placement, query)
					&& terms.allIn(folded(query, reply.getString("text")))) {
				matching.add(reply);
			}
		}
		if (matching.isEmpty()) {
			return;
		}
		Map<String, Document> entries = new HashMap<>();
		List<String> ids = matching.stream().map(r -> r.getString("entryId")).distinct().toList();
		for (int start = 0; start < ids.size(); start += BATCH) {
			mongo.getCollection("logbook_entries")
				.find(Filters.and(Filters.in("_id", ids.subList(start, Math.min(ids.size(), start + BATCH))),
						Filters.eq("deletedAt", null)))
				.projection(Projections.include("authorId", "visibility"))
				.forEach(e -> entries.put(e.getString("_id"), e));
		}
		for (Document reply : matching) {
			Placement placement = scope.get(reply.getString("placementId"));
			Document entry = entries.get(reply.getString("entryId"));
			if (entry != null
					&& readable(reader, placement, entry.getString("authorId"), entry.getString("visibility"))) {
				found.add(new Found(Source.REPLY, reply, placement, instant(reply), Visibility.parse(entry.getString("visibility"))
					.orElse(Visibility.DEFAULT)));
			}
		}
	}

	/**
	 * The items of a collection in the placements and the query's days (widened to every time zone; each item's own
	 * day is checked against its participant's calendar after), with only the fields named.
	 */
	private List<Document> read(String collection, Collection<String> placementIds, SearchQuery query, Bson also,
			String... fields) {
		List<String> ids = List.copyOf(placementIds);
		List<String> projected = new ArrayList<>(List.of(fields));
		projected.add("placementId");
		projected.add("createdAt");
		List<Document> found = new ArrayList<>();
		for (int start = 0; start < ids.size(); start += BATCH) {
			List<Bson> filters = new ArrayList<>();
			filters.add(Filters.in("placementId", ids.subList(start, Math.min(ids.size(), start + BATCH))));
			if (also != null) {
				filters.add(also);
			}
			if (query.from() != null) {
				filters.add(Filters.gte("createdAt", Date.from(query.from().atStartOfDay(EARLIEST).toInstant())));
			}
			if (query.to() != null) {
				filters.add(Filters.lt("createdAt", Date.from(query.to().plusDays(1).atStartOfDay(LATEST).toInstant())));
			}
			mongo.getCollection(collection)
				.find(Filters.and(filters))
				.projection(Projections.include(projected))
				.into(found);
		}
		return found;
	}

	private boolean readable(Actor reader, Placement placement, String authorId, String visibility) {
		Visibility parsed = visibility == null ? Visibility.DEFAULT : Visibility.parse(visibility).orElse(null);
		return authorId != null && parsed != null
				&& access.permits(reader, Operation.READ_ITEM, Target.item(placement, authorId, parsed));
	}

	private static boolean within(Instant at, Placement placement, SearchQuery query) {
		if (at == null) {
			return false;
		}
		if (query.from() == null && query.to() == null) {
			return true;
		}
		LocalDate day = at.atZone(zoneOf(placement)).toLocalDate();
		return (query.from() == null || !day.isBefore(query.from())) && (query.to() == null || !day.isAfter(query.to()));
	}

	private static ZoneId zoneOf(Placement placement) {
		return placement.getParticipant().zone();
	}

	private static Instant instant(Document item) {
		Date date = item.getDate("createdAt");
		return date == null ? null : date.toInstant();
	}

	private static List<String> folded(SearchQuery query, String... texts) {
		List<String> folded = new ArrayList<>(texts.length);
		for (String text : texts) {
			folded.add(text == null ? null : FoldedText.fold(text, query.ignoreAccents()));
		}
		return folded;
	}

	/** The item as the page shows it, with the ranges its words matched. */
	private SearchHit hit(Found found, Terms terms, SearchQuery query) {
		Document item = found.item();
		Placement placement = found.placement();
		String id = item.getString("_id");
		LocalDate date = found.at().atZone(zoneOf(placement)).toLocalDate();
		String participant = placement.getParticipant().name();
		if (found.source() == Source.STATUS_UPDATE) {
			List<Snippet> snippets = new ArrayList<>();
			snippet(Snippet.Field.PROGRESS, item.getString("progress"), terms, query).ifPresent(snippets::add);
			snippet(Snippet.Field.BLOCKERS, item.getString("blockers"), terms, query).ifPresent(snippets::add);
			return new SearchHit(SearchHit.Kind.STATUS_UPDATE, id, null, placement.getId(), placement.getProgram(),
					participant, found.at(), date, null, enumOf(OverallStatus.class, item.getString("status")), null,
					visibility(item.getString("visibility")), snippets);
		}
		List<Snippet> snippets = snippet(Snippet.Field.TEXT, item.getString("text"), terms, query).stream().toList();
		if (found.source() == Source.REPLY) {
			return new SearchHit(SearchHit.Kind.REPLY, id, item.getString("entryId"), placement.getId(),
					placement.getProgram(), participant, found.at(), date, null, null,
					enumOf(Role.class, item.getString("role")), found.visibility(), snippets);
		}
		String promptId = item.getString("promptId");
		boolean answer = promptId != null || EntrySource.PROMPT_REPLY.name().equals(item.getString("source"));
		return new SearchHit(answer ? SearchHit.Kind.PROMPT_ANSWER : SearchHit.Kind.ENTRY, id, id, placement.getId(),
				placement.getProgram(), participant, found.at(), date, promptId == null ? null : title(promptId, query),
				null, null, visibility(item.getString("visibility")), snippets);
	}

	private String title(String promptId, SearchQuery query) {
		return prompts.prompt(promptId).map(p -> p.title(query.locale())).orElse(promptId);
	}

	/** The field cut around its first match, with its ranges; empty when the field has no match. */
	static Optional<Snippet> snippet(Snippet.Field field, String text, Terms terms, SearchQuery query) {
		if (text == null || text.isEmpty()) {
			return Optional.empty();
		}
		List<Range> ranges = terms.ranges(FoldedText.withOffsets(text, query.ignoreAccents()));
		if (ranges.isEmpty()) {
			return Optional.empty();
		}
		if (text.length() <= SNIPPET) {
			return Optional.of(new Snippet(field, text, false, false, ranges));
		}
		Range first = ranges.get(0);
		int start = Math.max(0, Math.min(first.start() - SNIPPET / 4, text.length() - SNIPPET));
		int end = Math.min(text.length(), start + SNIPPET);
		// cut at spaces, never inside the first match, a word or a character
		if (start > 0) {
			int space = text.lastIndexOf(' ', start);
			start = space >= 0 && start - space < SNIPPET / 4 ? space + 1 : start;
		}
		if (end < text.length()) {
			int space = text.indexOf(' ', end);
			end = space >= 0 && space - end < SNIPPET / 4 ? space : end;
		}
		start = start > 0 && Character.isLowSurrogate(text.charAt(start)) ? start - 1 : start;
		end = end < text.length() && Character.isLowSurrogate(text.charAt(end)) ? end + 1 : end;
		end = Math.max(end, first.end());
		List<Range> inside = new ArrayList<>();
		for (Range range : ranges) {
			if (range.start() >= start && range.end() <= end) {
				inside.add(new Range(range.start() - start, range.end() - start));
			}
		}
		return Optional.of(new Snippet(field, text.substring(start, end), start > 0, end < text.length(), inside));
	}

	private static Visibility visibility(String key) {
		return key == null ? Visibility.DEFAULT : Visibility.parse(key).orElse(Visibility.DEFAULT);
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		try {
			return name == null ? null : Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	/**
	 * An item that matched, before it becomes a hit.
	 * @param visibility a reply's entry's; {@literal null} for an entry or a status update (its own is in the item)
	 */
	private record Found(Source source, Document item, Placement placement, Instant at, Visibility visibility) {
	}

	private enum Source {
		ENTRY, STATUS_UPDATE, REPLY
	}
}
