package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import tools.jackson.databind.JsonNode;

/**
 * Digests that outgrow Block Kit: more than 50 blocks go out as several messages, in order, as one digest (one
 * record, the first message's ts); an entry of more than 3,000 characters is cut at a safe place and says where the
 * rest is, in the coach's language, also in {@code /fieldnotes digest preview}.
 */
class LongDigestTests extends IntegrationTest {

	private static final String ENGLISH = "… (continued in the portal/API)";
	private static final String SWEDISH = "… (resten finns i portalen/API:et)";

	@Autowired
	DigestService digests;

	@Autowired
	Logbook logbook;

	@Test
	void aDigestOf120EntriesIsSentInOrderedPartsAsOneDigestAndNothingIsLeftOut() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		for (int i = 0; i < 120; i++) {
			logbook.write(slack("UADA"), String.format("Entry %03d: tested the bracket & the <rig>", i));
			clock.advance(Duration.ofMinutes(1));
		}

		digests.sendAll();

		List<Map<String, String>> parts = SlackStub.messagesTo("UBEATA");
		assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
		StringBuilder all = new StringBuilder();
		for (Map<String, String> part : parts) {
			assertThat(JSON.readTree(part.get("blocks")).size()).isLessThanOrEqualTo(50);
			assertThat(part.get("text")).isEqualTo("Your placements this week: 1 participant");
			all.append(SlackStub.blockTexts(part)).append('\n');
		}
		String text = all.toString();
		int last = -1;
		for (int i = 0; i < 120; i++) {
			int at = text.indexOf(String.format(">Entry %03d: tested the bracket &amp; the &lt;rig&gt;", i));
			assertThat(at).as("entry %d, after entry %d", i, i - 1).isGreaterThan(last);
			last = at;
		}
		assertThat(text).doesNotContain("continued in the portal");
		assertThat(SlackStub.blockTexts(parts.get(0))).startsWith("Your placements this week");

		DigestRecord record = mongo.findOne(Query.query(Criteria.where("recipientKey").is(keyOf("UBEATA"))), DigestRecord.class);
		assertThat(record.status()).isEqualTo(DigestStatus.SENT);
		assertThat(record.entryIds()).hasSize(120);
		assertThat(record.ts()).as("the digest is where its first message is").isEqualTo(firstTsTo("UBEATA"));
		assertThat(mongo.count(Query.query(Criteria.where("recipientKey").is(keyOf("UBEATA"))), DigestRecord.class)).isOne();
	}

	@Test
	void anEntryOfMoreThan3000CharactersIsCutSafelyInEachCoachsLanguage() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		// "&", "<", ">" and an emoji right around the 3,000th character, then more
		String words = "Reflection: " + "å".repeat(2960) + "&<>🌱&<>🌱 and the rest of the story " + "ö".repeat(500);
		logbook.write(slack("UADA"), words);
		clock.advance(Duration.ofMinutes(1));

		digests.sendAll();

		String english = quoteOf(SlackStub.messagesTo("UBEATA"));
		assertThat(english).hasSizeLessThanOrEqualTo(3000).endsWith(" " + ENGLISH).doesNotContain("rest of the story");
		String swedish = quoteOf(SlackStub.messagesTo("UANDERS"));
		assertThat(swedish).hasSizeLessThanOrEqualTo(3000).endsWith(" " + SWEDISH).doesNotContain(ENGLISH);
		for (String quote : List.of(english, swedish)) {
			String kept = quote.substring(0, quote.lastIndexOf(" … ("));
			assertThat(kept).contains(">Reflection: ååå").doesNotContain("<").doesNotMatch("(?s).*&(?!amp;|lt;|gt;).*");
			assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
		}
	}

	@Test
	void thePreviewOfALongEntryIsCutInTheCoachsLanguageToo() {
		enrol("UADA", "2026-11-02", "2027-04-30");
		logbook.write(slack("UADA"), "Långt: " + "ä&".repeat(2000));
		clock.advance(Duration.ofMinutes(1));

		JsonNode answer = json(slashCommand("UANDERS", "digest preview").body());

		assertThat(answer.toString()).contains(SWEDISH).doesNotContain(ENGLISH);
		for (JsonNode block : answer.get("blocks")) {
			if (block.has("text") && block.get("text").has("text")) {
				assertThat(block.get("text").get("text").asString().length()).isLessThanOrEqualTo(3000);
			}
		}
	}

	/** The section that quotes the participant. */
	private static String quoteOf(List<Map<String, String>> messages) {
		assertThat(messages).hasSize(1);
		for (JsonNode block : JSON.readTree(messages.get(0).get("blocks"))) {
			if (block.has("text") && block.get("text").has("text")
					&& block.get("text").get("text").asString().contains(">Reflection")) {
				return block.get("text").get("text").asString();
			}
		}
		throw new AssertionError("No quote in " + messages);
	}

	/** The ts Slack (WireMock) gave the first digest message to a member: the one that opens with the heading. */
	private static String firstTsTo(String memberId) {
		for (ServeEvent event : SlackStub.server().getAllServeEvents()) {
			String body = java.net.URLDecoder.decode(event.getRequest().getBodyAsString(),
					java.nio.charset.StandardCharsets.UTF_8);
			if (event.getRequest().getUrl().equals("/api/chat.postMessage") && body.contains("channel=" + memberId)
					&& body.contains("\"type\":\"header\"")) {
				return JSON.readTree(event.getResponse().getBodyAsString()).get("ts").asString();
			}
		}
		throw new AssertionError("No digest to " + memberId);
	}
}
