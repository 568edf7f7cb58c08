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
}
