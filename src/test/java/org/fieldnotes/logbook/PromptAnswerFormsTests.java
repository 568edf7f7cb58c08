package org.fieldnotes.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sent prompt's form through the chat port: a reflection opens one optional field per question and "who can see
 * this"; the weekly status check opens the status-update form; a prompt that is closed or someone else's opens
 * nothing and says why. The answers are stored as one entry (once per submission), blank ones left out; no answer at
 * all keeps the form open.
 *
 * <p>The placement starts 2 November 2026; the first prompt sent is weekly-status-check, the second weekly-gibbs, a
 * reflection with four questions.
 */
class PromptAnswerFormsTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	PromptAnswerForms forms;

	@Autowired
	PromptDispatcher dispatcher;

	@Autowired
	Logbook logbook;

	@Test
	void aReflectionOpensOneFieldPerQuestionAndTheStatusCheckTheStatusForm() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String statusCheck = dispatcher.sendNext(placementId).occurrenceId();
		String reflection = dispatcher.sendNext(placementId).occurrenceId();

		Form form = forms.open(reflection, slack(ADA), Operation.PROMPT_WRITE_BUTTON).form();
		Form status = forms.open(statusCheck, slack(ADA), Operation.PROMPT_STATUS_BUTTON).form();

		assertThat(form.id()).isEqualTo("prompt_answer");
		assertThat(form.metadata()).isEqualTo(reflection);
		assertThat(form.fields()).extracting(Form.Field::id).containsExactly("q0", "q1", "q2", "q3", "visibility");
		assertThat(form.fields().subList(0, 4)).allSatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Form.Kind.LONG_TEXT);
			assertThat(f.required()).isFalse();
		});
		assertThat(form.field("q0").orElseThrow().label()).startsWith("Description — What happened");
		assertThat(form.elements().get(0)).isInstanceOfSatisfying(Form.Note.class,
				n -> assertThat(n.text()).isEqualTo("Reflect on one moment · Pick one moment from this week."));
		assertThat(status.id()).isEqualTo("status_update");
		assertThat(status.metadata()).isEqualTo(statusCheck);
	}

	@Test
	void aClosedPromptOrSomeoneElsesOpensNothingAndSaysWhy() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		String occurrenceId = dispatcher.sendNext(placementId).occurrenceId();

		FormOpening notYours = forms.open(occurrenceId, slack("UBEATA"), Operation.PROMPT_WRITE_BUTTON);
		FormOpening unknown = forms.open("nope", slack(ADA), Operation.PROMPT_WRITE_BUTTON);

		assertThat(notYours.opens()).isFalse();
		assertThat(notYours.instead().summary()).isEqualTo("This prompt isn't yours, so I can't do anything with it.");
		assertThat(unknown.opens()).isFalse();
		assertThat(unknown.instead().summary()).startsWith("This prompt is already closed");
	}

	@Test
	void theAnswersAreOneEntryStoredOnceAndNoAnswerKeepsTheFormOpen() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		dispatcher.sendNext(placementId);
		String reflection = dispatcher.sendNext(placementId).occurrenceId();

		FormOutcome empty = forms.submit(slack(ADA), answers(reflection, "k0", " ", null, "", " "));
		FormOutcome saved = forms.submit(slack(ADA), answers(reflection, "k1", "A review", null, "", "Run one myself"));
		forms.submit(slack(ADA), answers(reflection, "k1", "A review", null, "", "Run one myself"));

		assertThat(empty.errors()).containsExactly(Map.entry("q0", "Write at least one answer before saving."));
		assertThat(saved.valid()).isTrue();
		assertThat(saved.homeChanged()).isTrue();
		assertThat(logbook.entries(placementId, false)).singleElement().satisfies(e -> {
			assertThat(e.source()).isEqualTo(EntrySource.PROMPT_REPLY);
			assertThat(e.text()).isEqualTo("Description\nA review\n\nConclusion and plan\nRun one myself");
		});
		assertThat(forms.submit(slack("UBEATA"), answers(reflection, "k2", "Not mine", null, null, null)).errors())
			.containsOnlyKeys("q0");
	}

	private static FormSubmission answers(String occurrenceId, String key, String... answers) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (int i = 0; i < answers.length; i++) {
			values.put("q" + i, answers[i] == null ? List.of() : List.of(answers[i]));
		}
		return new FormSubmission("prompt_answer", occurrenceId, key, values);
	}
}
