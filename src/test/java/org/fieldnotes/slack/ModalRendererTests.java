package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.Form.Field;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;
import org.junit.jupiter.api.Test;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;

/**
 * A neutral form as a Slack modal, and back: Block Kit's limits hold for any text (title and buttons 24, labels and
 * hints 2,000, placeholders 150, options 75, text 3,000; never half an emoji), everything people see is plain text
 * (Slack reads nothing in it as markup), and every kind of field comes back from {@code view_submission} as the same
 * neutral value.
 */
class ModalRendererTests {

	private static final String EMOJI = "🌱";

	@Test
	void everyTextIsCutToBlockKitsLimitsWithoutSplittingAnEmoji() {
		String long_ = "x" + EMOJI.repeat(3000);
		Form form = Form.builder("f", long_)
			.submit(long_)
			.cancel(long_)
			.metadata("m")
			.field(Field.select("s", long_, List.of(new Option("a", long_))).hint(long_).placeholder(long_).initial("a"))
			.field(Field.longText("t", "Words").maxLength(3000).initial(long_))
			.text(long_)
			.build();

		View view = ModalRenderer.render(form);

		assertThat(view.getTitle().getText()).hasSizeLessThanOrEqualTo(24).endsWith("…");
		assertThat(view.getSubmit().getText()).hasSizeLessThanOrEqualTo(24);
		assertThat(view.getClose().getText()).hasSizeLessThanOrEqualTo(24);
		InputBlock select = (InputBlock) view.getBlocks().get(0);
		assertThat(select.getLabel().getText()).hasSizeLessThanOrEqualTo(2000);
		assertThat(select.getHint().getText()).hasSizeLessThanOrEqualTo(2000);
		StaticSelectElement element = (StaticSelectElement) select.getElement();
		assertThat(element.getPlaceholder().getText()).hasSizeLessThanOrEqualTo(150);
		assertThat(element.getOptions().get(0).getText().getText()).hasSizeLessThanOrEqualTo(75);
		assertThat(element.getInitialOption().getValue()).isEqualTo("a");
		PlainTextInputElement text = (PlainTextInputElement) ((InputBlock) view.getBlocks().get(1)).getElement();
		assertThat(text.getInitialValue()).hasSizeLessThanOrEqualTo(3000);
		assertThat(text.isMultiline()).isTrue();
		assertThat(((PlainTextObject) ((SectionBlock) view.getBlocks().get(2)).getText()).getText())
			.hasSizeLessThanOrEqualTo(3000);
		String json = GsonFactory.createSnakeCase().toJson(view);
		assertThat(json).doesNotContain("\\ud83c\"").doesNotContain("mrkdwn");
		for (String cut : List.of(view.getTitle().getText(), select.getLabel().getText(), text.getInitialValue())) {
			assertThat(cut.chars().filter(c -> Character.isHighSurrogate((char) c)).count())
				.isEqualTo(cut.chars().filter(c -> Character.isLowSurrogate((char) c)).count());
		}
	}

	@Test
	void peoplesWordsStayPlainTextAndAnEmptyTextIsAnInvisibleSpace() {
		View view = ModalRenderer.render(Form.builder("f", "T")
			.note("<!channel> *bold* & <https://evil.example|x>")
			.field(Field.text("t", " "))
			.build());

		String json = GsonFactory.createSnakeCase().toJson(view);
		assertThat(json).contains("\"type\":\"plain_text\",\"text\":\"\\u003c!channel\\u003e *bold* \\u0026")
			.doesNotContain("mrkdwn");
		assertThat(((InputBlock) view.getBlocks().get(1)).getLabel().getText()).isEqualTo(" ");
		assertThat(view.getSubmit()).isNull();
		assertThat(view.getPrivateMetadata()).isNull();
	}

	@Test
	void checkedOptionsAndTheActionIdsSlackAlwaysHad() {
		List<Option> days = List.of(new Option("MONDAY", "Monday"), new Option("TUESDAY", "Tuesday"));
		View enrol = ModalRenderer.render(Form.builder("fieldnotes_enrol", "Enrol")
			.field(Field.checkboxes("work-days", "Days", days).initialValues(List.of("TUESDAY")))
			.build());
		View status = ModalRenderer.render(Form.builder("status_update", "Status")
			.field(Field.text("progress", "Progress"))
			.field(Field.radio("status", "Status", days))
			.build());

		CheckboxesElement boxes = (CheckboxesElement) ((InputBlock) enrol.getBlocks().get(0)).getElement();
		assertThat(boxes.getActionId()).isEqualTo("value");
		assertThat(boxes.getInitialOptions()).extracting(o -> o.getValue()).containsExactly("TUESDAY");
		assertThat(((InputBlock) status.getBlocks().get(0)).getElement()).extracting("actionId").isEqualTo("text");
		assertThat(((InputBlock) status.getBlocks().get(1)).getElement()).extracting("actionId").isEqualTo("choice");
	}

	@Test
	void aSubmittedModalComesBackAsTheValueOfEachField() {
		View view = new View();
		view.setId("V42");
		view.setCallbackId("fieldnotes_enrol");
		view.setPrivateMetadata("meta");
		ViewState state = new ViewState();
		state.setValues(Map.of(
				"text", Map.of("value", value(v -> v.setValue("R&D <3"))),
				"empty", Map.of("value", value(v -> {
				})),
				"select", Map.of("choice", value(v -> v.setSelectedOption(selected("GREEN")))),
				"days", Map.of("value", value(v -> v.setSelectedOptions(List.of(selected("MONDAY"), selected("FRIDAY"))))),
				"none", Map.of("value", value(v -> v.setSelectedOptions(List.of()))),
				"date", Map.of("value", value(v -> v.setSelectedDate("2026-12-01"))),
				"time", Map.of("value", value(v -> v.setSelectedTime("14:00"))),
				"member", Map.of("value", value(v -> v.setSelectedUser("UADA")))));
		view.setState(state);

		FormSubmission submission = ModalRenderer.submission(view);

		assertThat(submission.formId()).isEqualTo("fieldnotes_enrol");
		assertThat(submission.metadata()).isEqualTo("meta");
		assertThat(submission.key()).isEqualTo("slack-view:V42");
		assertThat(submission.value("text")).isEqualTo("R&D <3");
		assertThat(submission.has("empty")).isTrue();
		assertThat(submission.value("empty")).isNull();
		assertThat(submission.value("select")).isEqualTo("GREEN");
		assertThat(submission.valuesOf("days")).containsExactly("MONDAY", "FRIDAY");
		assertThat(submission.has("none")).isTrue();
		assertThat(submission.valuesOf("none")).isEmpty();
		assertThat(submission.value("date")).isEqualTo("2026-12-01");
		assertThat(submission.value("time")).isEqualTo("14:00");
		assertThat(submission.value("member")).isEqualTo("UADA");
		assertThat(submission.has("missing")).isFalse();
		assertThat(submission.value("missing")).isNull();
	}

	@Test
	void aModalWithoutStateIsASubmissionWithoutValues() {
		View view = new View();
		view.setId("V1");
		view.setCallbackId("entry_write");

		assertThat(ModalRenderer.submission(view).values()).isEmpty();
	}

	private static ViewState.Value value(java.util.function.Consumer<ViewState.Value> set) {
		ViewState.Value value = new ViewState.Value();
		set.accept(value);
		return value;
	}

	private static ViewState.SelectedOption selected(String value) {
		ViewState.SelectedOption option = new ViewState.SelectedOption();
		option.setValue(value);
		return option;
	}
}
