package org.fieldnotes.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.actions;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.time.Duration;
import java.util.List;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Option;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's Home as the chat port receives it, whatever the platform: for a participant their placement, who
 * follows it, the next prompt, buttons, who sees their new entries, and their latest items newest first with what was
 * replied; for anyone else what Fieldnotes is and the placements they follow, never anyone's words. People's words
 * are data in the model (the renderers escape them; the Slack form is in {@code SlackScreensGoldenTests}).
 */
class HomeScreensTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	HomeScreens homes;

	@Autowired
	Logbook logbook;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	Responses responses;

	@Autowired
	AccessPolicy access;

	@Test
	void aParticipantsHomeWithTheirItemsNewestFirstAndWhatTheirCoachReplied() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		LogbookEntry entry = logbook.write(slack(ADA), "Mapped the supplier chain <!channel> & more", null);
		responses.acknowledge(entry.id(), access.member(slack("UANDERS")), Operation.ENTRY_ACKNOWLEDGE_BUTTON);
		responses.reply(entry.id(), access.member(slack("UANDERS")), "Good *work*", "test:1", Operation.ENTRY_REPLY_FORM);
		clock.advance(Duration.ofMinutes(1));
		statusUpdates.submit(slack(ADA), new StatusUpdates.Report(OverallStatus.GREEN, "Bench test planned", null, 4), null,
				"test:2");

		homes.show(slack(ADA));

		HomeScreen home = sent().homeOf(slack(ADA)).orElseThrow();
		assertThat(home.sections()).extracting(HomeScreen.Section::heading)
			.containsExactly("Fieldnotes — your placement", "Recent");
		assertThat(home.sections().get(1).separated()).isTrue();
		String words = words(home);
		assertThat(words).contains("Scania · KTP 2026 · 2 Nov 2026 – 30 Apr 2027 · week 5 of 26")
			.contains("Coaches: Anders (academic) · Beata (business) · Manager: Maja")
			.contains("Next prompt: Fri 4 Dec 14:00 (Weekly status)\nStreak: none yet")
			.contains("Who can see your new entries and status updates");
		int update = words.indexOf("Wed 2 Dec  Status 🟢  “Bench test planned”  · 👥 Your coaches");
		int written = words.indexOf("Wed 2 Dec  Entry  “Mapped the supplier chain <!channel> & more”  · 👥 Your coaches");
		assertThat(update).isPositive();
		assertThat(written).as("newest first, the words as written").isGreaterThan(update);
		assertThat(words.substring(written)).contains("✓ Read by your academic coach\nYour academic coach replied:\n"
				+ "Good *work*");
		assertThat(actions(home)).containsExactly("home_write", "home_status", "home_visibility_default",
				"home_update_menu", "home_entry_menu");
		HomeScreen.Menu menu = menuOf(home, "home_entry_menu");
		assertThat(menu.options()).extracting(Option::value).containsExactly("edit:" + entry.id(),
				"delete:" + entry.id(), "visibility:private:" + entry.id(), "visibility:placement:" + entry.id(),
				"visibility:confidential:" + entry.id());
		HomeScreen.Select select = (HomeScreen.Select) lineWith(home, "home_visibility_default").control();
		assertThat(select.selected()).isEqualTo("coaches");
		assertThat(select.options()).extracting(Option::label).containsExactly("🔒 Only you", "👥 Your coaches",
				"🏢 Coaches and manager", "🤫 Academic coach only");
	}

	@Test
	void aSwedishParticipantsHomeIsInSwedishAndSaysWhenThereIsNothingYet() {
		postJson("/api/v1/placements", placementJson(ADA, "2026-11-02", "2027-04-30")
			.replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\""));

		String words = words(homes.of(slack(ADA)));

		assertThat(words).contains("Fieldnotes — din placering").contains("vecka 5 av 26")
			.contains("Svit: ingen än").contains("Skriv en anteckning").contains("Inget än.");
	}

	@Test
	void theDefaultVisibilityShownIsThePersonsChoice() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		slashCommand(ADA, "visibility private");

		HomeScreen home = homes.of(slack(ADA));

		assertThat(((HomeScreen.Select) lineWith(home, "home_visibility_default").control()).selected())
			.isEqualTo("private");
		assertThat(words(home)).contains("🔒 Only you — only you: never in a digest");
	}

	@Test
	void aCoachSeesThePlacementsTheyFollowAndNobodysWords() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		logbook.write(slack(ADA), "Shared words quokka", Visibility.PLACEMENT);

		HomeScreen home = homes.of(slack("UBEATA"));

		assertThat(home.sections()).extracting(HomeScreen.Section::heading)
			.containsExactly("Fieldnotes", "Placements you follow");
		assertThat(words(home)).contains("Fieldnotes is a logbook for people on a placement")
			.contains("Ada Lindqvist — Scania (KTP 2026) · you are the business coach")
			.doesNotContain("quokka");
		assertThat(actions(home)).isEmpty();
	}

	@Test
	void someoneUnknownSeesWhatFieldnotesIs() {
		assertThat(words(homes.of(slack("USTRANGER")))).contains("Fieldnotes is a logbook")
			.contains("You're not enrolled in a placement");
	}

	@Test
	void aCoachFollowingManyPlacementsSeesTheFirst96AndHowManyMore() {
		for (int i = 0; i < 98; i++) {
			enrol("UP" + i, "2026-11-02", "2027-04-30");
		}

		HomeScreen home = homes.of(slack("UBEATA"));

		List<HomeScreen.Item> followed = home.sections().get(1).items();
		assertThat(followed).hasSize(HomeScreens.MOST_FOLLOWED + 1);
		assertThat(words(home)).endsWith("…and 2 more.");
	}

	private static HomeScreen.Menu menuOf(HomeScreen home, String actionId) {
		return (HomeScreen.Menu) lineWith(home, actionId).control();
	}

	private static HomeScreen.Line lineWith(HomeScreen home, String actionId) {
		return home.sections().stream()
			.flatMap(s -> s.items().stream())
			.filter(i -> i instanceof HomeScreen.Line line && line.control() != null && actionOf(line).equals(actionId))
			.map(HomeScreen.Line.class::cast)
			.findFirst()
			.orElseThrow();
	}

	private static String actionOf(HomeScreen.Line line) {
		return line.control() instanceof HomeScreen.Menu menu ? menu.actionId()
				: ((HomeScreen.Select) line.control()).actionId();
	}
}
