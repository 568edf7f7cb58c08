package org.fieldnotes.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.digest.DigestService;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.PortalClient;
import org.fieldnotes.support.RecordingMessenger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who reads what on the timeline, for every visibility and every reader around P, written out by hand: Ada wrote
 * one entry of each visibility, each with its own word; each reader signs in and opens P's timeline. Each follower's
 * timeline shows exactly the words their digest (as it would go out now) quotes: the portal and the digest agree.
 */
class PortalVisibilityTests extends PortalTest {

	/** The readers, in the order of the table's cells. */
	private static final List<String> READERS = List.of(ADA, ANDERS, BEATA, MAJA, "admin@uni.example", CARL);

	//                                                                     Ada Anders Beata Maja admin Carl
	private static final Map<Visibility, String> SEES = Map.of(
			Visibility.PRIVATE,      "Y . . . . .",
			Visibility.COACHES,      "Y Y Y . Y .",
			Visibility.PLACEMENT,    "Y Y Y Y Y .",
			Visibility.CONFIDENTIAL, "Y Y . . . .");

	@Autowired
	DigestService digests;

	@Test
	void eachReaderSeesWhatTheTableSaysAndEachFollowerWhatTheirDigestQuotes() {
		placements();
		Map<Visibility, String> words = new LinkedHashMap<>();
		for (Visibility visibility : Visibility.values()) {
			String word = "numbat-" + visibility.name().toLowerCase(Locale.ROOT);
			words.put(visibility, word);
			logbook.write(Accounts.slack("UADA"), "Entry " + word, visibility);
		}
		// the digest's week ends now: the entries are a minute old when it is previewed
		clock.advance(java.time.Duration.ofMinutes(1));
		Person admin = people.ensure(Accounts.slack("UADMIN1"));
		people.save(admin.withEmailFirst("admin@uni.example"));
		assertThat(SEES.keySet()).as("a row for every visibility").containsExactlyInAnyOrder(Visibility.values());

		Map<String, String> timelines = new LinkedHashMap<>();
		for (String reader : READERS) {
			var answer = signedIn(reader).get("/portal/placements/" + p);
			timelines.put(reader, answer.statusCode() == 200 ? answer.body() : "");
		}

		List<String> wrong = new ArrayList<>();
		for (Visibility visibility : Visibility.values()) {
			StringBuilder actual = new StringBuilder();
			for (String reader : READERS) {
				actual.append(actual.length() == 0 ? "" : " ").append(timelines.get(reader).contains(words.get(visibility)) ? "Y" : ".");
			}
			if (!actual.toString().equals(SEES.get(visibility))) {
				wrong.add(visibility + ": expected " + SEES.get(visibility) + " but was " + actual);
			}
		}
		assertThat(wrong).isEmpty();

		for (String follower : List.of(ANDERS, BEATA, MAJA)) {
			String digest = RecordingMessenger.words(digests.preview(people.withAddress(follower).get(0).id()).orElseThrow());
			String timeline = timelines.get(follower);
			for (String word : words.values()) {
				assertThat(timeline.contains(word)).as(follower + ": the timeline and the digest agree on " + word + " in\n" + digest)
					.isEqualTo(digest.contains(word));
			}
		}
		assertThat(timelines.get(CARL)).as("a coach of another placement gets nothing").isEmpty();
	}
}
