package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The status-update form through the chat port: overall status, progress, blockers (optional), mood and who can see
 * it; a missing or wrong field keeps the form open with an error on each, in the person's language; a valid one is
 * stored once and confirmed; someone not enrolled is told so instead of getting a form.
 */
class StatusFormsTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	StatusForms forms;

	@Autowired
	StatusUpdates statusUpdates;

	@Test
	void theFormHasItsFieldsInOrderWithTheirChoices() {
		Form form = forms.form(Locale.ENGLISH, null, Visibility.CONFIDENTIAL);

		assertThat(form.id()).isEqualTo("status_update");
		assertThat(form.metadata()).isEmpty();
		assertThat(form.fields()).extracting(Form.Field::id)
			.containsExactly("status", "progress", "blockers", "blocker_owner", "mood", "visibility");
		assertThat(form.fields()).extracting(Form.Field::kind).containsExactly(Form.Kind.RADIO, Form.Kind.TEXT,
				Form.Kind.LONG_TEXT, Form.Kind.SELECT, Form.Kind.SELECT, Form.Kind.SELECT);
		assertThat(form.field("status").orElseThrow().options()).extracting(Option::value)
			.containsExactly("GREEN", "AMBER", "RED");
		assertThat(form.field("mood").orElseThrow().options()).extracting(Option::value)
			.containsExactly("5", "4", "3", "2", "1");
		assertThat(form.field("blockers").orElseThrow().required()).isFalse();
		assertThat(form.field("visibility").orElseThrow().initial()).isEqualTo("confidential");
	}

	@Test
	void theFormOffersTenResolvedBoxesAtMostTheOldestFirst() {
		java.util.List<Blocker> twelve = java.util.stream.IntStream.range(0, 12)
			.mapToObj(i -> new Blocker("b" + i, "p", "a", "s" + i, "k" + i, "blocker " + i, null, null, null,
					java.time.Instant.EPOCH.plusSeconds(i), null, null, null, null, null, null, null, null, null))
			.toList();

		Form form = forms.form(Locale.ENGLISH, null, Visibility.COACHES, twelve);

		// Slack's checkboxes take at most 10 options
		assertThat(form.field("blockers_resolved").orElseThrow().options()).extracting(Option::value)
			.containsExactly("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9");
	}

	@Test
	void someoneNotEnrolledIsToldSoInsteadOfGettingTheForm() {
		FormOpening opening = forms.open(slack("USTRANGER"));

		assertThat(opening.opens()).isFalse();
		assertThat(opening.instead().summary()).contains("not enrolled");
	}

	@Test
	void missingFieldsAreNamedEachInTheParticipantsLanguageAndNothingIsStored() {
		String placementId = json(postJson("/api/v1/placements", placementJson(ADA, "2026-11-02", "2027-04-30")
			.replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\"")).body()).get("id").asString();
		assertThat(forms.open(slack(ADA)).form().title()).isEqualTo("Statusuppdatering");

		FormOutcome outcome = forms.submit(slack(ADA), status("k1", null, " ", null, "9"));

		assertThat(outcome.errors()).containsExactly(Map.entry("status", "Välj hur placeringen går."),
				Map.entry("progress", "Skriv en mening om hur det går."), Map.entry("mood", "Välj hur du mår."));
		assertThat(statusUpdates.of(placementId)).isEmpty();
	}

	@Test
	void aValidUpdateIsStoredOnceAndConfirmed() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		FormOutcome outcome = forms.submit(slack(ADA), status("k1", "AMBER", "Bench test planned", "Brackets", "3"));
		forms.submit(slack(ADA), status("k1", "AMBER", "Bench test planned", "Brackets", "3"));
		outcome.then().run();

		assertThat(statusUpdates.of(placementId)).singleElement().satisfies(u -> {
			assertThat(u.status()).isEqualTo(OverallStatus.AMBER);
			assertThat(u.progress()).isEqualTo("Bench test planned");
			assertThat(u.blockers()).isEqualTo("Brackets");
			assertThat(u.mood()).isEqualTo(3);
		});
		assertThat(outcome.homeChanged()).isTrue();
		assertThat(sent().messagesTo(slack(ADA))).singleElement()
			.satisfies(m -> assertThat(words(m)).startsWith("✅ Saved to your logbook\nWho can see this: 👥 Your coaches"));
	}

	private static FormSubmission status(String key, String status, String progress, String blockers, String mood) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("status", status == null ? List.of() : List.of(status));
		values.put("progress", List.of(progress));
		values.put("blockers", blockers == null ? List.of() : List.of(blockers));
		values.put("mood", mood == null ? List.of() : List.of(mood));
		return new FormSubmission("status_update", "", key, values);
	}
}
