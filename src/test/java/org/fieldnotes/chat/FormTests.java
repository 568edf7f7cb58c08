package org.fieldnotes.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.chat.Form.Field;
import org.junit.jupiter.api.Test;

/**
 * The neutral form model: fields are required unless made optional, a validation message lands on its field (one for
 * a field the form does not have is not lost), submissions read back values as given, and the models are data that
 * cannot be changed behind a renderer's back.
 */
class FormTests {

	private final Form form = Form.builder("f", "Title")
		.metadata("m")
		.submit("Save")
		.cancel("Cancel")
		.note("A note")
		.field(Field.text("a", "A"))
		.field(Field.longText("b", "B").optional().maxLength(10).hint("hint"))
		.build();

	@Test
	void fieldsAreRequiredUnlessMadeOptionalAndKeepWhatTheyWereGiven() {
		assertThat(form.fields()).extracting(Field::id).containsExactly("a", "b");
		assertThat(form.field("a").orElseThrow().required()).isTrue();
		Field b = form.field("b").orElseThrow();
		assertThat(b.required()).isFalse();
		assertThat(b.kind()).isEqualTo(Form.Kind.LONG_TEXT);
		assertThat(b.maxLength()).isEqualTo(10);
		assertThat(b.hint()).isEqualTo("hint");
		assertThat(form.field("nope")).isEmpty();
		assertThat(Field.select("s", "S", List.of(new Option("x", "X"))).isChoice()).isTrue();
		assertThat(Field.member("p", "P").isChoice()).isFalse();
	}

	@Test
	void errorsLandOnTheirFieldsAndAnErrorOnAnUnknownFieldGoesOnTheFirst() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("b", "Too long.");
		errors.put("gone", "Not yours.");

		Form shown = form.withErrors(errors);

		assertThat(shown.field("a").orElseThrow().error()).isEqualTo("Not yours.");
		assertThat(shown.field("b").orElseThrow().error()).isEqualTo("Too long.");
		assertThat(form.field("a").orElseThrow().error()).as("the form itself is unchanged").isNull();
		assertThat(shown.elements()).hasSize(3);
	}

	@Test
	void theModelsAreImmutableData() {
		List<Option> options = new ArrayList<>(List.of(new Option("x", "X")));
		Field field = Field.select("s", "S", options);
		options.add(new Option("y", "Y"));

		assertThat(field.options()).hasSize(1);
		assertThatThrownBy(() -> form.elements().add(new Form.Note("n"))).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void aSubmissionReadsBackValuesAsGivenAndTellsAnEmptyFieldFromAMissingOne() {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("text", List.of("  R&D <3 "));
		values.put("empty", Arrays.asList((String) null));
		values.put("days", List.of("MONDAY", "FRIDAY"));

		FormSubmission submission = new FormSubmission("f", "m", "k", values);

		assertThat(submission.value("text")).isEqualTo("  R&D <3 ");
		assertThat(submission.has("empty")).isTrue();
		assertThat(submission.value("empty")).isNull();
		assertThat(submission.valuesOf("days")).containsExactly("MONDAY", "FRIDAY");
		assertThat(submission.value("days")).isEqualTo("MONDAY");
		assertThat(submission.has("missing")).isFalse();
		assertThat(submission.valuesOf("missing")).isEmpty();
	}

	@Test
	void anOutcomeIsDoneInvalidOrReplacedAndRunsItsWorkOnlyWhenAsked() {
		List<String> ran = new ArrayList<>();

		FormOutcome done = FormOutcome.done(() -> ran.add("then")).refreshingHome();
		FormOutcome invalid = FormOutcome.invalid("a", "Say something.");
		FormOutcome replaced = FormOutcome.replacedBy(form, null);

		assertThat(ran).isEmpty();
		done.then().run();
		assertThat(ran).containsExactly("then");
		assertThat(done.valid()).isTrue();
		assertThat(done.homeChanged()).isTrue();
		assertThat(invalid.valid()).isFalse();
		assertThat(invalid.errors()).containsExactly(Map.entry("a", "Say something."));
		assertThat(replaced.next()).isSameAs(form);
		replaced.then().run();
		assertThatThrownBy(() -> FormOutcome.invalid(Map.of())).isInstanceOf(IllegalArgumentException.class);
	}
}
