package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.chat.ChatMessage.Span;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A neutral message as an Adaptive Card: every block, with nothing of a person's words read as markup. */
class TeamsCardsTests {

	@Test
	void everyBlockHasItsElement() {
		ChatMessage message = ChatMessage.builder("Weekly prompt")
			.heading("Status")
			.paragraph(Span.plain("What moved "), Span.bold("forward"))
			.context("Week 48")
			.items(List.of(new Item("What?", "A demo")))
			.divider()
			.quote("Ada wrote", "It went well")
			.buttons(Button.primary("prompt_write", "Write", "occ-1"), Button.of("prompt_skip", "Skip", "occ-1"),
					new Button("prompt_stop", "Stop", "occ-1", ChatMessage.ButtonStyle.DANGER))
			.link("Open", "https://fieldnotes.example.org/r/abc")
			.build();

		JsonNode activity = TeamsCards.activity(message);

		assertThat(activity.get("summary").asString()).isEqualTo("Weekly prompt");
		JsonNode card = activity.get("attachments").get(0).get("content");
		assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(card.get("fallbackText").asString()).isEqualTo("Weekly prompt");
		JsonNode body = card.get("body");
		assertThat(body).hasSize(7);
		assertThat(body.get(0).get("inlines").get(0).get("weight").asString()).isEqualTo("Bolder");
		assertThat(body.get(1).get("inlines").get(1).get("text").asString()).isEqualTo("forward");
		assertThat(body.get(1).get("inlines").get(1).get("weight").asString()).isEqualTo("Bolder");
		assertThat(body.get(1).get("inlines").get(0).has("weight")).isFalse();
		assertThat(body.get(2).get("inlines").get(0).get("isSubtle").asBoolean()).isTrue();
		assertThat(BotConnectorTests.textRuns(body.get(3))).containsExactly("What? ", "A demo");
		assertThat(body.get(4).get("separator").asBoolean()).as("the divider separates the quote").isTrue();
		assertThat(body.get(4).get("style").asString()).isEqualTo("emphasis");
		JsonNode actions = body.get(5).get("actions");
		assertThat(actions).hasSize(3);
		assertThat(actions.get(0).get("style").asString()).isEqualTo("positive");
		assertThat(actions.get(1).has("style")).isFalse();
		assertThat(actions.get(2).get("style").asString()).isEqualTo("destructive");
		assertThat(actions.get(0).get("data").get("value").asString()).isEqualTo("occ-1");
		JsonNode open = body.get(6).get("actions").get(0);
		assertThat(open.get("type").asString()).isEqualTo("Action.OpenUrl");
		assertThat(open.get("url").asString()).isEqualTo("https://fieldnotes.example.org/r/abc");
	}

	@Test
	void aButtonsLabelAndAPersonsWordsStayText() {
		ChatMessage message = ChatMessage.builder("<at>everyone</at>")
			.paragraph("&lt;b&gt; <b>x</b> **y** [z](http://evil)")
			.buttons(Button.of("a", "**Write**", "v"))
			.build();

		JsonNode card = TeamsCards.card(message);

		assertThat(BotConnectorTests.textRuns(card)).containsExactly("&lt;b&gt; <b>x</b> **y** [z](http://evil)");
		assertThat(card.get("fallbackText").asString()).isEqualTo("<at>everyone</at>");
		assertThat(card.toString()).doesNotContain("\"TextBlock\"", "msteams", "entities");
	}

	@Test
	void aFormIsACardWithAnInputPerFieldItsMessagesAndWhatWasTyped() {
		List<org.fieldnotes.chat.Option> options = List.of(new org.fieldnotes.chat.Option("green", "**Green**"),
				new org.fieldnotes.chat.Option("red", "Red"));
		org.fieldnotes.chat.Form form = org.fieldnotes.chat.Form.builder("status_form", "Status <at>x</at>")
			.metadata("occurrence-secret")
			.note("About week 48")
			.text("Tell me **more**")
			.field(org.fieldnotes.chat.Form.Field.text("line", "One line").placeholder("e.g. a demo"))
			.field(org.fieldnotes.chat.Form.Field.longText("words", "Words").maxLength(3000).hint("Take your time"))
			.field(org.fieldnotes.chat.Form.Field.email("address", "E-mail").optional())
			.field(org.fieldnotes.chat.Form.Field.select("overall", "Overall", options).initial("green"))
			.field(org.fieldnotes.chat.Form.Field.radio("mood", "Mood", options))
			.field(org.fieldnotes.chat.Form.Field.checkboxes("goals", "Goals", options).initialValues(List.of("red")))
			.field(org.fieldnotes.chat.Form.Field.date("from", "From"))
			.field(org.fieldnotes.chat.Form.Field.time("at", "At"))
			.submit("Save")
			.cancel("Cancel")
			.build()
			.withErrors(java.util.Map.of("words", "Please fill this in."));

		JsonNode activity = TeamsCards.formActivity(form, "key-1",
				java.util.Map.of("line", List.of("typed <b>this</b>"), "goals", List.of("green", "red")));
		JsonNode card = activity.get("attachments").get(0).get("content");

		assertThat(card.toString()).as("what the form is about is not on the card").doesNotContain("occurrence-secret",
				"status_form", "\"TextBlock\"");
		java.util.Map<String, JsonNode> inputs = new java.util.LinkedHashMap<>();
		card.get("body").forEach(e -> {
			if (e.get("type").asString().startsWith("Input.")) {
				inputs.put(e.get("id").asString(), e);
			}
		});
		assertThat(inputs).containsOnlyKeys("f_line", "f_words", "f_address", "f_overall", "f_mood", "f_goals",
				"f_from", "f_at");
		assertThat(inputs.get("f_line").get("type").asString()).isEqualTo("Input.Text");
		assertThat(inputs.get("f_line").get("value").asString()).as("what was typed").isEqualTo("typed <b>this</b>");
		assertThat(inputs.get("f_line").get("placeholder").asString()).isEqualTo("e.g. a demo");
		assertThat(inputs.get("f_line").get("isRequired").asBoolean()).isTrue();
		assertThat(inputs.get("f_words").get("isMultiline").asBoolean()).isTrue();
		assertThat(inputs.get("f_words").get("maxLength").asInt()).isEqualTo(3000);
		assertThat(inputs.get("f_words").get("errorMessage").asString()).isEqualTo("Please fill this in.");
		assertThat(inputs.get("f_address").get("style").asString()).isEqualTo("Email");
		assertThat(inputs.get("f_address").get("isRequired").asBoolean()).isFalse();
		assertThat(inputs.get("f_overall").get("style").asString()).isEqualTo("compact");
		assertThat(inputs.get("f_overall").get("value").asString()).as("the initial choice").isEqualTo("green");
		assertThat(inputs.get("f_overall").get("choices").get(0).get("title").asString()).isEqualTo("**Green**");
		assertThat(inputs.get("f_mood").get("style").asString()).isEqualTo("expanded");
		assertThat(inputs.get("f_goals").get("isMultiSelect").asBoolean()).isTrue();
		assertThat(inputs.get("f_goals").get("value").asString()).as("what was ticked (by position), not the initial")
			.isEqualTo("0,1");
		assertThat(inputs.get("f_goals").get("choices").get(1).get("value").asString()).isEqualTo("1");
		org.fieldnotes.chat.Form.Field goals = form.field("goals").orElseThrow();
		assertThat(TeamsCards.ticked(goals, "1,0")).containsExactly("red", "green");
		assertThat(TeamsCards.ticked(goals, "7,red")).as("not positions: kept, for the check to refuse")
			.containsExactly("7", "red");
		assertThat(inputs.get("f_from").get("type").asString()).isEqualTo("Input.Date");
		assertThat(inputs.get("f_at").get("type").asString()).isEqualTo("Input.Time");
		assertThat(BotConnectorTests.textRuns(card)).contains("Status <at>x</at>", "About week 48", "Tell me **more**",
				"Take your time", "Please fill this in.");
		JsonNode actions = card.get("body").get(card.get("body").size() - 1).get("actions");
		assertThat(actions).hasSize(2);
		assertThat(actions.get(0).get("verb").asString()).isEqualTo(TeamsCards.FORM_SUBMIT);
		assertThat(actions.get(0).get("data").get("value").asString()).isEqualTo("key-1");
		assertThat(actions.get(1).get("verb").asString()).isEqualTo(TeamsCards.FORM_CANCEL);
	}

	@Test
	void theHomeIsACardWhoseMenusAndChoicesAreButtons() {
		org.fieldnotes.chat.HomeScreen home = org.fieldnotes.chat.HomeScreen.builder()
			.section("Your placement")
			.line("Week 5 of 26 at Scania")
			.buttons(Button.primary("home_write", "Write", ""))
			.separatedSection("Recent")
			.line(new org.fieldnotes.chat.HomeScreen.Menu("home_entry_menu",
					List.of(new org.fieldnotes.chat.Option("edit:e1", "Edit"))), Span.plain("**Mon** it went well"))
			.line(new org.fieldnotes.chat.HomeScreen.Select("home_visibility_default",
					List.of(new org.fieldnotes.chat.Option("coaches", "Coaches"),
							new org.fieldnotes.chat.Option("private", "Only me")), "private"), Span.plain("New entries"))
			.build();

		JsonNode card = TeamsCards.homeCard(home, "Fieldnotes");

		assertThat(BotConnectorTests.textRuns(card)).contains("Your placement", "Week 5 of 26 at Scania", "Recent",
				"**Mon** it went well");
		java.util.Map<String, String> titles = new java.util.LinkedHashMap<>();
		collectExecutes(card, titles);
		assertThat(titles).containsEntry("home_write|", "Write")
			.containsEntry("home_entry_menu|edit:e1", "Edit")
			.containsEntry("home_visibility_default|coaches", "Coaches")
			.containsEntry("home_visibility_default|private", "✓ Only me");
		assertThat(card.toString()).doesNotContain("\"TextBlock\"");
	}

	private static void collectExecutes(JsonNode node, java.util.Map<String, String> titles) {
		if (node.isObject() && "Action.Execute".equals(node.path("type").asString(""))) {
			titles.put(node.get("verb").asString() + "|" + node.get("data").get("value").asString(),
					node.get("title").asString());
		}
		for (JsonNode child : node) {
			collectExecutes(child, titles);
		}
	}
}
