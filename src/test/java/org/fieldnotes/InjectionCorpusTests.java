package org.fieldnotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.fieldnotes.digest.DigestService;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.MailTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A corpus of hostile and awkward words, each written as a logbook entry and used as the participant's name, the
 * programme and the host organisation, then followed through every way words leave Fieldnotes: the academic coach's
 * Slack digest (Block Kit mrkdwn), the business coach's e-mail digest (HTML and plain text) and the admin API
 * (JSON). Everywhere they must arrive as inert text: no mention or broadcast that pings, no link that is not what
 * it says, no markup, no evaluated expression, nothing cut in the middle of an escape sequence, nothing lost.
 */
class InjectionCorpusTests extends MailTest {

	private static final String LONG = "Lång reflektion — ".repeat(300) + "<!channel> & slut";

	@Autowired
	Logbook logbook;

	@Autowired
	DigestService digests;

	static Stream<String> corpus() {
		return Stream.of(
				// Slack pings and disguised links
				"<!channel> <!here> <!everyone> <!subteam^S123|@coaches>", "<@U0ADMIN> please look",
				"<https://evil.example|Scania intranet> and <mailto:x@evil.example|HR>",
				"&lt;!channel&gt; typed as an entity", "*bold* _italic_ ~strike~ `code` ```block``` > quote",
				// template and expression languages
				"${7*7} #{7*7} [[${7*7}]] [(${7*7})] *{7*7} @{/x}",
				"__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "#{T(java.lang.System).getenv()}",
				"{{7*7}} <%= 7*7 %> ${{7*7}}",
				// HTML and script
				"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
				"</blockquote></div><h1>Not a heading</h1>", "' OR '1'='1'; -- & \\ \" ",
				// scripts, direction and invisible characters
				"Идём дальше, 你好世界, مرحبا بالعالم, 안녕하세요, ÅÄÖ åäö", "\u202Eevil.exe\u202C and zero\u200Bwidth",
				"Emoji 👩🏽‍🔬🧪 and a surrogate at the end 😀",
				// very long
				LONG);
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void hostileWordsArriveAsInertTextInSlackEmailAndTheApi(String hostile) throws Exception {
		String label = hostile.length() > 120 ? hostile.substring(0, 120) : hostile;
		String name = "Ada " + label;
		String programme = "KTP " + label;
		String host = "Scania " + label;
		HttpResponse<String> enrolled = postJson("/api/v1/placements", placementJson("UADA", "2026-11-02", "2027-04-30")
			.replace("\"Ada Lindqvist\"", jsonString(name))
			.replace("\"KTP 2026\"", jsonString(programme))
			.replace("\"Scania\"", jsonString(host))
			.replace("\"businessCoach\": {\"name\": \"Beata Ek\", \"slackUserId\": \"UBEATA\", \"timezone\": \"Europe/Stockholm\"}",
					"\"businessCoach\": {\"name\": \"Ben Ek\", \"email\": \"ben.ek@biz.example\", \"locale\": \"en\"}"));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		String placementId = json(enrolled.body()).get("id").asString();
		logbook.write(slack("UADA"), hostile);
		clock.advance(Duration.ofDays(1));

		digests.sendAll();

		// the admin API: exactly what was written, as JSON strings
		JsonNode placement = json(get("/api/v1/placements/" + placementId).body());
		// names are trimmed on the way in; nothing else changes
		assertThat(placement.get("participant").get("name").asString()).isEqualTo(name.strip());
		assertThat(placement.get("program").asString()).isEqualTo(programme.strip());
		assertThat(placement.get("hostOrganisation").asString()).isEqualTo(host.strip());
		List<String> texts = new ArrayList<>();
		json(get("/api/v1/placements/" + placementId + "/entries").body()).forEach(e -> texts.add(e.get("text").asString()));
		assertThat(texts).containsExactly(hostile);

		// Slack: the academic coach's digest, as mrkdwn Slack receives it
		List<Map<String, String>> toCoach = SlackStub.messagesTo("UANDERS");
		assertThat(toCoach).isNotEmpty();
		StringBuilder slack = new StringBuilder();
		for (Map<String, String> message : toCoach) {
			slack.append(SlackStub.blockTexts(message)).append('\n').append(message.get("text")).append('\n');
		}
		String mrkdwn = slack.toString();
		assertThat(mrkdwn).as("no raw angle bracket: no ping, no link, no markup").doesNotContain("<");
		assertThat(mrkdwn).as("every & is the start of one of Slack's three escapes")
			.doesNotContainPattern("&(?!amp;|lt;|gt;)");
		// in bold, an asterisk is shown as ∗ so that it cannot end the bold early
		assertThat(mrkdwn).as("the participant's name, escaped").contains(escapeMrkdwn(name.strip()).replace("*", "∗"));
		if (hostile.contains("${7*7}")) {
			assertThat(mrkdwn).contains("${7*7}");
		}
		if (hostile == LONG) {
			// cut at Slack's 3,000 characters, saying so in the coach's language (Swedish)
			assertThat(mrkdwn).contains("resten finns i portalen/API:et").contains("Lång reflektion");
		}
		else {
			assertThat(mrkdwn).contains(escapeMrkdwn(hostile));
		}

		// e-mail: HTML with the words as text, the plain-text part with the words as written
		MimeMessage mail = onlyMailTo("ben.ek@biz.example");
		Map<String, String> parts = MailParts.texts(mail);
		String html = parts.get("text/html");
		assertThat(html).doesNotContain("<script").doesNotContain("<svg").doesNotContain("<img src=x")
			.doesNotContain("<h1>Not a heading")
			.doesNotContain("</blockquote></div><h1>");
		assertThat(html).contains(escapeHtml(hostile.length() > 200 ? hostile.substring(0, 200) : hostile));
		assertThat(parts.get("text/plain").replace("\r\n", "\n")).contains(firstLine(hostile));
		if (hostile.contains("${7*7}")) {
			assertThat(html).contains("${7*7}");
			assertThat(parts.get("text/plain")).contains("${7*7}");
		}
	}

	private static String escapeMrkdwn(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** As Thymeleaf's th:text escapes. */
	private static String escapeHtml(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String firstLine(String text) {
		return text.length() > 80 ? text.substring(0, 80) : text;
	}

	private static String jsonString(String text) {
		return JSON.writeValueAsString(text);
	}

	private static MimeMessage onlyMailTo(String address) throws Exception {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			if (((InternetAddress) message.getAllRecipients()[0]).getAddress().equalsIgnoreCase(address)) {
				mails.add(message);
			}
		}
		assertThat(mails).as("e-mails to %s", address).hasSize(1);
		return mails.get(0);
	}
}
