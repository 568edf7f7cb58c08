package org.fieldnotes.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.placement.Role;
import org.springframework.stereotype.Component;

/**
 * Works out who receives a digest: every manager and coach of a placement that has not ended, once each, with all
 * the placements they follow.
 */
@Component
class Recipients {

	private final PlacementManagement placements;

	Recipients(PlacementManagement placements) {
		this.placements = placements;
	}

	List<Recipient> all() {
		Map<String, Person> people = new LinkedHashMap<>();
		Map<String, List<Recipient.Followed>> followed = new LinkedHashMap<>();
		for (Placement placement : placements.all()) {
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
