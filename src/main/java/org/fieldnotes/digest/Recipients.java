package org.fieldnotes.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementBatches;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.Role;
import org.springframework.stereotype.Component;

/**
 * Works out who receives a digest: every manager and coach of a placement that has not ended, once each, with all
 * the placements they follow.
 */
@Component
class Recipients {

	/** How many placements are read at once: two queries each (the placements, then all their people). */
	private static final int BATCH = 1_000;

	private final PlacementBatches placements;

	Recipients(PlacementBatches placements) {
		this.placements = placements;
	}

	/**
	 * Every recipient; the placements are read in batches with their people (two queries per batch), not each with
	 * four reads of its people (40,000 reads at 10,000 placements, at every start and run: docs/performance.md, P4).
	 */
	List<Recipient> all() {
		List<String> ids = placements.notEndedIds();
		List<Placement> read = new ArrayList<>();
		for (int start = 0; start < ids.size(); start += BATCH) {
			read.addAll(placements.withIds(ids.subList(start, Math.min(ids.size(), start + BATCH))));
		}
		// in the order PlacementManagement#all gives them, which is the order of a digest's placements
		read.sort(Comparator.comparing(Placement::getProgram).thenComparing(p -> p.getParticipant().name()));
		Map<String, Person> people = new LinkedHashMap<>();
		Map<String, List<Recipient.Followed>> followed = new LinkedHashMap<>();
		for (Placement placement : read) {
			if (placement.getStatus() == PlacementStatus.ENDED) {
				continue;
			}
			for (Map.Entry<Role, Person> follower : placement.followers().entrySet()) {
				String key = follower.getValue().id().value();
				people.putIfAbsent(key, follower.getValue());
				followed.computeIfAbsent(key, k -> new ArrayList<>())
					.add(new Recipient.Followed(placement, follower.getKey()));
			}
		}
		List<Recipient> recipients = new ArrayList<>();
		people.forEach((key, person) -> recipients.add(new Recipient(person, List.copyOf(followed.get(key)))));
		recipients.sort(Comparator.comparing(Recipient::key));
		return recipients;
	}
}
