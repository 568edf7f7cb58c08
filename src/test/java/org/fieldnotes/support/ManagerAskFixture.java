package org.fieldnotes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Form;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.JsonNode;

/**
 * What the tests of the two things a placement's manager is asked to decide share (the end-of-placement report,
 * {@code /e/}, and the week sign-off, {@code /w/}), on Slack, by e-mail link and in the web chat: the signed-link
 * settings, the buttons pressed as Slack sends them and the ephemeral answers Slack was asked to post, the link in the
 * e-mail and its page, a placement whose manager has no chat, and the web chat's newest placement, form and persona
 * accounts. It works through the test's own HTTP helpers, so every request is signed and checked as the test's are.
 */
public final class ManagerAskFixture {

	/** The public URL the signed links start with. */
	public static final String PUBLIC_URL = "https://fieldnotes.example.org";

	private static final String SECRET = "q83vEjRWeJq8/hEiM0RVZneImaq7zN3u/wARIjNEVWY=";
	private static final Pattern FORM_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	private final IntegrationTest test;
	private final String linkPath;

	/** For {@code test}, whose signed links are under {@code linkPath} ({@code "/e/"}, {@code "/w/"}). */
	public ManagerAskFixture(IntegrationTest test, String linkPath) {
		this.test = test;
		this.linkPath = linkPath;
	}

	/** The public URL and a 256-bit secret, so that the e-mails carry signed links (for a test's @DynamicPropertySource). */
	public static void signedLinks(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.links.public-url", () -> PUBLIC_URL);
		registry.add("fieldnotes.links.secret", () -> SECRET);
	}

	// ------------------------------------------------------------------------------------------------- Slack

	/** Presses a button as Slack sends it (signed), in the presser's DM; the ack must be a 200. */
	public void press(String userId, String actionId, String value) {
		assertThat(test.slackEvent(SlackInteractions.buttonPress(userId, actionId, value, "D" + userId,
				"1764756000.000300"), SlackInteractions.FORM).statusCode()).isEqualTo(200);
	}

	/** The texts Slack was asked to post ephemerally to this member, oldest first. */
	public static List<String> ephemeralsTo(String userId) {
		return SlackStub.calls("chat.postEphemeral").stream().filter(m -> userId.equals(m.get("user")))
			.map(m -> m.get("text")).toList();
	}

	/** The action ids of a posted message's buttons that carry this value, in order. */
	public static List<String> buttons(Map<String, String> message, String value) {
		List<String> found = new ArrayList<>();
		for (JsonNode block : IntegrationTest.JSON.readTree(message.get("blocks"))) {
			if ("actions".equals(block.get("type").asString())) {
				for (JsonNode element : block.get("elements")) {
					if (value.equals(element.get("value").asString())) {
						found.add(element.get("action_id").asString());
					}
				}
			}
		}
		return found;
	}

	// ------------------------------------------------------------------------------------ e-mail and its link

	/**
	 * Enrols Ada (the participant, on Slack as {@code participantId}) with a manager who has no chat: Maja Berg, by
	 * e-mail at maja@host.example, in Swedish. Returns the placement id.
	 */
	public String enrolWithManagerByEmail(String participantId, String start, String end) {
		HttpResponse<String> enrolled = test.postJson("/api/v1/placements", IntegrationTest.placementJson(participantId,
				start, end).replace(
				"\"manager\": {\"name\": \"Maja Berg\", \"slackUserId\": \"UMAJA\", \"timezone\": \"Europe/Stockholm\"}",
				"\"manager\": {\"name\": \"Maja Berg\", \"email\": \"maja@host.example\", \"locale\": \"sv\"}"));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		return IntegrationTest.json(enrolled.body()).get("id").asString();
	}

	/** The token of the first signed link under this test's path in an e-mail's text; fails when there is none. */
	public String linkToken(String mailText) {
		Matcher link = Pattern.compile(Pattern.quote(PUBLIC_URL + linkPath) + "([A-Za-z0-9_.\\-]+)").matcher(mailText);
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	/** GETs the link's page (token, then any query), as an English browser. */
	public HttpResponse<String> page(String tokenAndQuery) {
		return test.send(HttpRequest.newBuilder(test.uri(linkPath + tokenAndQuery)).header("Accept-Language", "en")
			.GET().build());
	}

	/** POSTs the link's form, URL-encoded. */
	public HttpResponse<String> post(String token, String body) {
		return test.send(HttpRequest.newBuilder(test.uri(linkPath + token))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** Erases a person through the admin API. */
	public HttpResponse<String> erase(String personKey) {
		return test.send(HttpRequest.newBuilder(test.uri("/api/v1/people/" + personKey))
			.header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN).DELETE().build());
	}

	// ------------------------------------------------------------------------------------------- web chat

	/** The placement enrolled last (the one "Try it" just made). */
	public static String newestPlacementId(MongoTemplate mongo) {
		List<String> ids = mongo.findAll(Document.class, "placements").stream().map(d -> d.get("_id").toString())
			.toList();
		assertThat(ids).as("a placement").isNotEmpty();
		return ids.get(ids.size() - 1);
	}

	/** A person's web chat account. */
	public static ChatAccount web(List<ChatAccount> accounts) {
		return accounts.stream().filter(a -> a.platform().equals("web")).findFirst().orElseThrow();
	}

	/** The last form opened; fails when none was. */
	public static Form last(List<Form> forms) {
		assertThat(forms).isNotEmpty();
		return forms.get(forms.size() - 1);
	}

	/** The key of the last form open on a web chat page; fails when none is. */
	public static String formKey(String page) {
		Matcher matcher = FORM_KEY.matcher(page);
		List<String> keys = new ArrayList<>();
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		assertThat(keys).as("an open form").isNotEmpty();
		return keys.get(keys.size() - 1);
	}
}
