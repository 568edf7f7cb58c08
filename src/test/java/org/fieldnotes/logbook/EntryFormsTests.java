package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The entry forms through the chat port, whatever the platform: a new entry (text and "who can see this", the
 * person's default chosen), stored once per submission and confirmed to its author with buttons to change who sees
 * it; empty text keeps the form open with the reason on the field, in the person's language; only the author edits
 * or deletes an entry.
 */
class EntryFormsTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	EntryForms forms;

	@Autowired
	Logbook logbook;

	@Test
	void theNewEntryFormStartsWithThePersonsDefaultVisibility() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		slashCommand(ADA, "visibility placement");

		Form form = forms.write(slack(ADA));

		assertThat(form.id()).isEqualTo("entry_write");
		assertThat(form.title()).isEqualTo("New entry");
		assertThat(form.fields()).extracting(Form.Field::id).containsExactly("entry", "visibility");
		Form.Field text = form.field("entry").orElseThrow();
		assertThat(text.kind()).isEqualTo(Form.Kind.LONG_TEXT);
		assertThat(text.required()).isTrue();
		assertThat(text.maxLength()).isEqualTo(3000);
		Form.Field visibility = form.field("visibility").orElseThrow();
		assertThat(visibility.initial()).isEqualTo("placement");
		assertThat(visibility.options()).extracting(o -> o.value()).containsExactly("private", "coaches", "placement",
				"confidential");
	}

	@Test
	void aNewEntryIsStoredOnceWithTheChosenVisibilityAndConfirmedToItsAuthor() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		FormOutcome first = forms.submit(slack(ADA), write("k1", "  Learned how reviews run <3  ", "private"));
		FormOutcome again = forms.submit(slack(ADA), write("k1", "  Learned how reviews run <3  ", "private"));

		assertThat(first.valid()).isTrue();
		assertThat(first.homeChanged()).isTrue();
		assertThat(again.valid()).isTrue();
		List<LogbookEntry> entries = logbook.entries(placementId, false);
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.text()).isEqualTo("Learned how reviews run <3");
			assertThat(e.visibility()).isEqualTo(Visibility.PRIVATE);
			assertThat(e.source()).isEqualTo(EntrySource.FREE_FORM);
		});
		assertThat(sent().messagesTo(slack(ADA))).as("confirmed after the platform was answered").isEmpty();
		first.then().run();
		again.then().run();
		List<ChatMessage> confirmations = sent().messagesTo(slack(ADA));
		assertThat(confirmations).hasSize(1);
		assertThat(words(confirmations.get(0))).startsWith("✅ Saved to your logbook\nWho can see this: 🔒 Only you");
		assertThat(confirmations.get(0).blocks()).anySatisfy(b -> assertThat(b)
			.isInstanceOfSatisfying(ChatMessage.Block.Actions.class, a -> assertThat(a.buttons())
				.extracting(ChatMessage.Button::value)
				.containsExactly("entry:" + entries.get(0).id() + ":coaches", "entry:" + entries.get(0).id() + ":placement",
						"entry:" + entries.get(0).id() + ":confidential")));
	}

	@Test
	void emptyTextOrNoPlacementKeepsTheFormOpenWithTheReasonOnTheField() {
		postJson("/api/v1/placements", placementJson(ADA, "2026-11-02", "2027-04-30")
			.replaceFirst("\"locale\": \"en\"", "\"locale\": \"sv\""));

		assertThat(forms.submit(slack(ADA), write("k1", "   ", null)).errors())
			.containsExactly(Map.entry("entry", "Skriv något innan du sparar."));
		assertThat(forms.submit(slack("USTRANGER"), write("k2", "Hello", null)).errors()).containsOnlyKeys("entry");
		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isZero();
	}

	@Test
	void onlyTheAuthorGetsTheEditAndDeleteFormsOfAnEntry() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		LogbookEntry entry = logbook.write(slack(ADA), "Mapped the supplier chain", null);

		Form edit = forms.edit(entry.id(), slack(ADA), Operation.HOME_ENTRY_MENU).orElseThrow();
		Form delete = forms.confirmDelete(entry.id(), slack(ADA), Operation.HOME_ENTRY_MENU).orElseThrow();

		assertThat(edit.metadata()).isEqualTo(entry.id());
		assertThat(edit.field("entry").orElseThrow().initial()).isEqualTo("Mapped the supplier chain");
		assertThat(delete.submitLabel()).isEqualTo("Delete");
		assertThat(delete.elements()).singleElement().isInstanceOfSatisfying(Form.Text.class,
				t -> assertThat(t.text()).endsWith("“Mapped the supplier chain”"));
		assertThat(forms.edit(entry.id(), slack("UANDERS"), Operation.HOME_ENTRY_MENU)).isEmpty();
		assertThat(forms.confirmDelete(entry.id(), slack("UANDERS"), Operation.HOME_ENTRY_MENU)).isEmpty();

		// the academic coach uses Fieldnotes in Swedish
		assertThat(forms.submit(slack("UANDERS"), edit(entry.id(), "Not my words")).errors())
			.containsExactly(Map.entry("entry", "Anteckningen går inte att ändra längre: den är raderad eller inte din."));
		assertThat(forms.submit(slack(ADA), edit(entry.id(), "Mapped it again")).homeChanged()).isTrue();
		assertThat(logbook.entries(placementId, false)).extracting(LogbookEntry::text).containsExactly("Mapped it again");
		forms.submit(slack("UANDERS"), new FormSubmission("entry_delete", entry.id(), "k", Map.of()));
		assertThat(logbook.entries(placementId, false)).hasSize(1);
		forms.submit(slack(ADA), new FormSubmission("entry_delete", entry.id(), "k", Map.of()));
		assertThat(logbook.entries(placementId, false)).isEmpty();
	}

	private static FormSubmission write(String key, String text, String visibility) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("entry", text == null ? List.of() : List.of(text));
		if (visibility != null) {
			values.put("visibility", List.of(visibility));
		}
		return new FormSubmission("entry_write", "", key, values);
	}

	private static FormSubmission edit(String entryId, String text) {
		return new FormSubmission("entry_edit", entryId, "k", Map.of("entry", List.of(text)));
	}
}
