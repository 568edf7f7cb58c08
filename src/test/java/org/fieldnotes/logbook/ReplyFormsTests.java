package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.util.List;
import java.util.Map;

import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coach's reply form through the chat port: it quotes the beginning of the entry; an empty or too long reply, or
 * one from someone who may not read the entry, keeps the form open with the reason (nothing stored); otherwise the
 * form turns into "Reply sent", and the reply is stored once per submission and told to the participant.
 */
class ReplyFormsTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	ReplyForms forms;

	@Autowired
	Logbook logbook;

	@Autowired
	Responses responses;

	@Test
	void theFormQuotesTheEntryInTheCoachsLanguage() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		LogbookEntry entry = logbook.write(slack(ADA), "Mapped the supplier chain", null);

		Form form = forms.open(entry.id(), slack("UANDERS")).form();

		assertThat(form.id()).isEqualTo("entry_reply");
		assertThat(form.metadata()).isEqualTo(entry.id());
		assertThat(form.title()).isEqualTo("Svara");
		assertThat(form.elements().get(0)).isInstanceOfSatisfying(Form.Note.class,
				n -> assertThat(n.text()).isEqualTo("Ada skrev ons 2 dec.: ”Mapped the supplier chain”"));
		assertThat(form.field("reply").orElseThrow().maxLength()).isEqualTo(Responses.MAX_REPLY);
	}

	@Test
	void someoneWhoMayNotReadTheEntryGetsNoForm() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		LogbookEntry entry = logbook.write(slack(ADA), "Only for my academic coach", Visibility.CONFIDENTIAL);

		FormOpening manager = forms.open(entry.id(), slack("UMAJA"));
		FormOpening gone = forms.open("nope", slack("UANDERS"));

		assertThat(manager.opens()).isFalse();
		assertThat(manager.instead().summary()).startsWith("You can respond only to entries");
		assertThat(gone.opens()).isFalse();
		assertThat(forms.open(entry.id(), slack("UANDERS")).opens()).isTrue();
	}

	@Test
	void aBadReplyKeepsTheFormOpenAndAGoodOneIsStoredOnceAndTold() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		LogbookEntry entry = logbook.write(slack(ADA), "Mapped the supplier chain", null);

		assertThat(forms.submit(slack("UANDERS"), reply(entry.id(), "k0", " ")).errors())
			.containsExactly(Map.entry("reply", "Skriv ett svar innan du skickar."));
		// (numbers grouped as Swedish groups them, with a no-break space)
		assertThat(forms.submit(slack("UANDERS"), reply(entry.id(), "k0", "x".repeat(3001))).errors().get("reply")
			.replaceAll("[\\u00a0\\u202f]", " ")).isEqualTo("Håll svaret till högst 3 000 tecken (det har 3 001).");
		assertThat(forms.submit(slack("UMAJA"), reply(entry.id(), "k0", "Hi")).errors()).containsOnlyKeys("reply");
		assertThat(responses.to(entry.id())).isEmpty();

		FormOutcome sent = forms.submit(slack("UANDERS"), reply(entry.id(), "k1", "Well done <!here>"));
		assertThat(sent.next().id()).isEqualTo("entry_reply_sent");
		assertThat(sent.next().submitLabel()).isNull();
		assertThat(sent.next().elements()).singleElement().isInstanceOfSatisfying(Form.Text.class,
				t -> assertThat(t.text()).isEqualTo("✓ Skickat — Ada har fått veta det."));
		assertThat(responses.to(entry.id())).as("stored after the platform was answered").isEmpty();
		sent.then().run();
		sent.then().run();

		assertThat(responses.to(entry.id())).singleElement().satisfies(r -> {
			assertThat(r.isReply()).isTrue();
			assertThat(r.text()).isEqualTo("Well done <!here>");
		});
		assertThat(sent().messagesTo(slack(ADA))).singleElement()
			.satisfies(m -> assertThat(words(m)).contains("Well done <!here>"));
	}

	private static FormSubmission reply(String entryId, String key, String text) {
		return new FormSubmission("entry_reply", entryId, key, Map.of("reply", List.of(text)));
	}
}
