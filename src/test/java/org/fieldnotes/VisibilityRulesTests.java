package org.fieldnotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.fieldnotes.support.Accounts.personId;
import static org.fieldnotes.support.Accounts.slack;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.digest.summary.Summarizer;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackInteractions;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import tools.jackson.databind.JsonNode;

/**
 * Who reads what, property-style: for every {@link Visibility} and every reader of a placement (the participant,
 * the academic coach, the business coach, the manager, an admin through the API, a stranger), an entry's and a
 * status update's words reach exactly the readers the rule table below names, on every surface: the digest each
 * follower is sent, the texts given to the summarizer for them, the admin API, and the App Home published for each.
 * The table is written out here, independently of the code: a new visibility without a row fails.
 */
class VisibilityRulesTests extends IntegrationTest {

	/** The readers of a placement enrolled by {@link #enrol}: participant UADA, manager UMAJA, coaches UANDERS, UBEATA. */
	enum Reader {
		PARTICIPANT("UADA", null), ACADEMIC_COACH("UANDERS", Role.ACADEMIC_COACH),
		BUSINESS_COACH("UBEATA", Role.BUSINESS_COACH), MANAGER("UMAJA", Role.MANAGER), ADMIN("UADMIN1", null),
		STRANGER("USTRANGER", null);

		final String userId;
		final Role role;

		Reader(String userId, Role role) {
			this.userId = userId;
			this.role = role;
		}
	}

	/** The rule table: who may read an item of each visibility (the author always may). */
	private static final Map<Visibility, Set<Reader>> MAY_READ = Map.of(
			Visibility.PRIVATE, EnumSet.of(Reader.PARTICIPANT),
			Visibility.COACHES, EnumSet.of(Reader.PARTICIPANT, Reader.ACADEMIC_COACH, Reader.BUSINESS_COACH, Reader.ADMIN),
			Visibility.PLACEMENT, EnumSet.of(Reader.PARTICIPANT, Reader.ACADEMIC_COACH, Reader.BUSINESS_COACH,
					Reader.MANAGER, Reader.ADMIN),
			Visibility.CONFIDENTIAL, EnumSet.of(Reader.PARTICIPANT, Reader.ACADEMIC_COACH));

	@Autowired
	Logbook logbook;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	DigestService digests;

	@MockitoSpyBean
	Summarizer summarizer;

	private static Set<Reader> mayRead(Visibility visibility) {
		Set<Reader> readers = MAY_READ.get(visibility);
		if (readers == null) {
			fail("No rule for visibility " + visibility + ": add a row to MAY_READ (and to Visibility's rules)");
		}
		return readers;
	}

	@ParameterizedTest
	@EnumSource(Visibility.class)
	void theRuleTableAndTheDomainRuleAgree(Visibility visibility) {
		Set<Reader> readers = mayRead(visibility);
		for (Reader reader : Reader.values()) {
			if (reader.role != null) {
				assertThat(visibility.readableBy(reader.role)).as(reader + " / " + visibility)
					.isEqualTo(readers.contains(reader));
			}
		}
		assertThat(visibility.readableByAdmins()).as("admins / " + visibility).isEqualTo(readers.contains(Reader.ADMIN));
	}

	@ParameterizedTest
	@EnumSource(Visibility.class)
	void anEntryAndAStatusUpdateReachExactlyTheirReaders(Visibility visibility) {
		Set<Reader> readers = mayRead(visibility);
		String placementId = enrol(Reader.PARTICIPANT.userId, "2026-11-02", "2027-04-30");
		String entryWords = "Entry words " + visibility.key() + " quokka.";
		String updateWords = "Update words " + visibility.key() + " wombat.";
		// a shared entry, so that every follower has something quoted and summarised
		logbook.write(slack(Reader.PARTICIPANT.userId), "Shared words for everyone following.", Visibility.PLACEMENT);
		assertThat(logbook.write(slack(Reader.PARTICIPANT.userId), entryWords, visibility).visibility()).isEqualTo(visibility);
		assertThat(statusUpdates.submit(slack(Reader.PARTICIPANT.userId),
				new StatusUpdates.Report(OverallStatus.RED, updateWords, "Blocker " + visibility.key() + " wombat.", 2),
				null, "test:" + visibility, visibility).update().visibility()).isEqualTo(visibility);
		clock.advance(Duration.ofMinutes(1));

		// the summarizer, per follower: only what that follower may read
		for (Reader reader : List.of(Reader.ACADEMIC_COACH, Reader.BUSINESS_COACH, Reader.MANAGER)) {
			clearInvocations(summarizer);
			Optional<ChatMessage> preview = digests.preview(personId(people, reader.userId));
			assertThat(preview).as("preview of " + reader).isPresent();
			assertThat(words(preview.get()).contains(entryWords)).as("preview for " + reader + " / " + visibility)
				.isEqualTo(readers.contains(reader));
			if (reader == Reader.MANAGER) {
				// the manager's digest is a line of facts plus what was shared with them: it has no summary at all
				verify(summarizer, never()).summarize(any(), any(Locale.class));
				continue;
			}
			@SuppressWarnings("unchecked")
			ArgumentCaptor<List<String>> texts = ArgumentCaptor.forClass(List.class);
			verify(summarizer, atLeastOnce()).summarize(texts.capture(), any(Locale.class));
			String given = texts.getAllValues().stream().flatMap(List::stream).collect(Collectors.joining("\n"));
			assertThat(given).as("summary input for " + reader).contains("Shared words");
			assertThat(given.contains(entryWords)).as("summary input for " + reader + " / " + visibility)
				.isEqualTo(readers.contains(reader));
			if (!readers.contains(reader)) {
				assertThat(given).as("summary input for " + reader + " / " + visibility).doesNotContain("wombat");
			}
		}
		// the participant, an admin and a stranger follow nothing: whatever digest they may get quotes nothing
		for (Reader reader : List.of(Reader.PARTICIPANT, Reader.ADMIN, Reader.STRANGER)) {
			people.find(slack(reader.userId)).flatMap(p -> digests.preview(p.id())).ifPresent(message -> assertThat(words(message)).as(reader.name())
				.doesNotContain(entryWords).doesNotContain("wombat"));
		}

		// the digests as sent
		digests.sendAll();
		for (Reader reader : List.of(Reader.ACADEMIC_COACH, Reader.BUSINESS_COACH, Reader.MANAGER)) {
			List<Map<String, String>> sent = SlackStub.messagesTo(reader.userId);
			assertThat(sent).as("digest to " + reader).hasSize(1);
			String digest = SlackStub.blockTexts(sent.get(0)) + "\n" + sent.get(0).get("text");
			assertThat(digest).contains("Shared words");
			assertThat(digest.contains("Entry words " + visibility.key() + " quokka"))
				.as("digest to " + reader + " / " + visibility).isEqualTo(readers.contains(reader));
			if (!readers.contains(reader)) {
				assertThat(digest).as("digest to " + reader + " / " + visibility).doesNotContain("wombat");
			}
			// a private status update does not even raise its "status red" flag (the others do, for now, for every role)
			assertThat(digest.contains("status red since") || digest.contains("status röd sedan")).as("red flag to " + reader + " / " + visibility)
				.isEqualTo(visibility != Visibility.PRIVATE);
		}
		for (Reader reader : List.of(Reader.PARTICIPANT, Reader.ADMIN, Reader.STRANGER)) {
			SlackStub.messagesTo(reader.userId).forEach(m -> assertThat(SlackStub.blockTexts(m))
				.doesNotContain("quokka").doesNotContain("wombat"));
		}

		// the admin API
		JsonNode entries = json(get("/api/v1/placements/" + placementId + "/entries").body());
		JsonNode updates = json(get("/api/v1/placements/" + placementId + "/status-updates").body());
		boolean admin = readers.contains(Reader.ADMIN);
		assertThat(texts(entries, "text")).as("API entries / " + visibility).contains("Shared words for everyone following.");
		assertThat(texts(entries, "text").contains(entryWords)).as("API entries / " + visibility).isEqualTo(admin);
		assertThat(texts(updates, "progress").contains(updateWords)).as("API status updates / " + visibility)
			.isEqualTo(admin);
		entries.forEach(e -> assertThat(e.get("visibility").asString()).isIn("coaches", "placement"));
		if (admin) {
			assertThat(updates.get(0).get("visibility").asString()).isEqualTo(visibility.key());
		}

		// the App Home published for each reader: the participant sees their own, nobody else sees anyone's words
		SlackStub.reset();
		for (Reader reader : Reader.values()) {
			slackEvent(SlackInteractions.appHomeOpened("EvHome" + reader.ordinal(), reader.userId), "application/json");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> SlackStub.calls("views.publish").size() == Reader.values().length);
		for (Reader reader : Reader.values()) {
			String home = SlackStub.calls("views.publish").stream().filter(c -> reader.userId.equals(c.get("user_id")))
				.map(c -> c.get("view")).findFirst().orElseThrow();
			boolean own = reader == Reader.PARTICIPANT;
			assertThat(home.contains("quokka")).as("Home of " + reader + " / " + visibility).isEqualTo(own);
			assertThat(home.contains("wombat")).as("Home of " + reader + " / " + visibility).isEqualTo(own);
			// and the same at the chat port, whatever the platform renders from it
			String shown = org.fieldnotes.support.RecordingMessenger.words(sent().homeOf(slack(reader.userId)).orElseThrow());
			assertThat(shown.contains("quokka")).as("Home shown to " + reader + " / " + visibility).isEqualTo(own);
			assertThat(shown.contains("wombat")).as("Home shown to " + reader + " / " + visibility).isEqualTo(own);
		}
	}

	@Test
	void everyVisibilityHasARule() {
		assertThat(MAY_READ.keySet()).containsExactlyInAnyOrder(Visibility.values());
	}

	private static List<String> texts(JsonNode items, String field) {
		List<String> texts = new ArrayList<>();
		items.forEach(item -> texts.add(item.get(field).asString()));
		return texts;
	}

	/** Every string of a neutral message: its summary, headings, paragraphs, items and quotes. */
	private static String words(ChatMessage message) {
		List<String> words = new ArrayList<>(List.of(message.summary()));
		for (ChatMessage.Block block : message.blocks()) {
			if (block instanceof ChatMessage.Block.Heading heading) {
				words.add(heading.text());
			}
			else if (block instanceof ChatMessage.Block.Paragraph paragraph) {
				paragraph.spans().forEach(s -> words.add(s.text()));
			}
			else if (block instanceof ChatMessage.Block.Context context) {
				context.spans().forEach(s -> words.add(s.text()));
			}
			else if (block instanceof ChatMessage.Block.Items items) {
				items.items().forEach(i -> words.add(i.label() + " " + i.text()));
			}
			else if (block instanceof ChatMessage.Block.Quote quote) {
				words.add(quote.attribution() + " " + quote.words());
			}
		}
		return String.join("\n", words);
	}
}
