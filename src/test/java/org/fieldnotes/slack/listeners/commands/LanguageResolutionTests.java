package org.fieldnotes.slack.listeners.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;

/**
 * Which language Fieldnotes answers in: the one the person chose with {@code /fieldnotes language}, else their
 * placement's, else the language they use Slack in.
 */
class LanguageResolutionTests extends IntegrationTest {

	private static final String ADMIN = "UADMIN1";

	private void slackLocale(String userId, String locale) {
		SlackStub.server()
			.stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + userId))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"ok\":true,\"user\":{\"id\":\"" + userId + "\",\"name\":\"x\",\"real_name\":\"Ida\","
							+ "\"deleted\":false,\"tz\":\"Europe/Stockholm\",\"locale\":\"" + locale + "\"}}")));
	}

	private String help(String userId) {
		return json(slashCommand(userId, "help").body()).toString();
	}

	@Test
	void someoneWithoutAPlacementIsAnsweredInTheLanguageTheyUseSlackIn() {
		slackLocale(ADMIN, "sv-SE");

		assertThat(help(ADMIN)).contains("Fieldnotes — loggboken");
	}

	@Test
	void theirOwnChoiceWinsOverSlacksLanguage() {
		slackLocale(ADMIN, "sv-SE");
		slashCommand(ADMIN, "language en");

		assertThat(help(ADMIN)).contains("Fieldnotes — your placement logbook");
	}

	@Test
	void theLanguageTheyWereEnrolledWithWinsOverSlacksAndTheirOwnChoiceOverBoth() {
		// Anders is enrolled as Swedish; he uses Slack in English
		enrol("UADA", "2026-11-02", "2027-04-30");
		slackLocale("UANDERS", "en-US");

		assertThat(help("UANDERS")).contains("Fieldnotes — loggboken");

		slashCommand("UANDERS", "language en");
		assertThat(help("UANDERS")).contains("Fieldnotes — your placement logbook");
	}

	@Test
	void whenSlackCannotSayTheAnswerIsInEnglish() {
		SlackStub.error("users.info", "user_not_found");

		assertThat(help(ADMIN)).contains("Fieldnotes — your placement logbook");
	}
}
