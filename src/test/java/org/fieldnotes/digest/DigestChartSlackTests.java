package org.fieldnotes.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * The mood and status chart after a Slack digest: {@code files.uploadV2} against WireMock (an upload URL, the PNG
 * POSTed there, the upload completed into the digest's DM thread), one chart per reader drawn only from the status
 * updates that reader may read, and an upload that fails never failing the digest.
 * The placement starts Monday 2 November 2026; {@link #DEFAULT_NOW} is Wednesday 2 December (week 5).
 */
@ExtendWith(OutputCaptureExtension.class)
class DigestChartSlackTests extends IntegrationTest {

	private static final String ANDERS_ALT = "Ada Lindqvist, humör under 3 veckor (vecka 2–4): 4, 3, 2 (sjunkande). "
			+ "Status: grön, orange, röd.";
	private static final String BEATA_ALT = "Ada Lindqvist, mood over 2 weeks (weeks 2–3): 4, 3 (falling). "
			+ "Status: green, amber.";

	@Autowired
	DigestService digests;

	private String placementId;

	/**
	 * Week 2 for the whole placement, week 3 for the coaches, week 4 confidential to the academic coach, and a
	 * private one in week 4 that nobody else sees.
	 */
	@BeforeEach
	void statusUpdates() {
		placementId = enrol("UADA", "2026-11-02", "2027-04-30");
		update("2026-11-13T11:00:00Z", OverallStatus.GREEN, 4, Visibility.PLACEMENT);
		update("2026-11-20T11:00:00Z", OverallStatus.AMBER, 3, Visibility.COACHES);
		update("2026-11-27T11:00:00Z", OverallStatus.RED, 2, Visibility.CONFIDENTIAL);
		update("2026-11-27T12:00:00Z", OverallStatus.GREEN, 5, Visibility.PRIVATE);
	}

	@Test
	void eachCoachGetsTheirChartInTheDigestsThreadWithAltTextAndTheManagerWithOneReadableUpdateNone() throws Exception {
		List<DigestRecord> sent = digests.sendAll();

		assertThat(sent).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(DigestStatus.SENT));
		List<Map<String, String>> urls = SlackStub.calls("files.getUploadURLExternal");
		assertThat(urls).extracting(u -> u.get("alt_txt")).containsExactlyInAnyOrder(ANDERS_ALT, BEATA_ALT);
		// named after the last week each reader's chart shows
		assertThat(urls).extracting(u -> u.get("filename"))
			.containsExactlyInAnyOrder("mood-status-week-4.png", "mood-status-week-3.png");

		List<byte[]> uploads = SlackStub.uploads();
		assertThat(uploads).hasSize(2);
		for (byte[] png : uploads) {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			assertThat(image).as("a PNG").isNotNull();
			assertThat(image.getWidth()).isEqualTo(800);
			assertThat(image.getHeight()).isEqualTo(400);
		}
		assertThat(urls).extracting(u -> Integer.parseInt(u.get("length")))
			.containsExactlyInAnyOrder(uploads.get(0).length, uploads.get(1).length);

		List<Map<String, String>> completed = SlackStub.calls("files.completeUploadExternal");
		assertThat(completed).hasSize(2);
		DigestRecord toAnders = record(keyOf("UANDERS"));
		DigestRecord toBeata = record(keyOf("UBEATA"));
		Map<String, String> anders = completed.stream().filter(c -> "DUANDERS".equals(c.get("channel_id"))).findFirst()
			.orElseThrow();
		assertThat(anders.get("thread_ts")).isEqualTo(toAnders.ts()).isNotBlank();
		JsonNode files = JSON.readTree(anders.get("files"));
		assertThat(files).hasSize(1);
		assertThat(files.get(0).get("id").asString()).isEqualTo("F0CHART");
		assertThat(files.get(0).get("title").asString()).isEqualTo("Ada Lindqvist — humör och status");
		Map<String, String> beata = completed.stream().filter(c -> "DUBEATA".equals(c.get("channel_id"))).findFirst()
			.orElseThrow();
		assertThat(beata.get("thread_ts")).isEqualTo(toBeata.ts());
		assertThat(JSON.readTree(beata.get("files")).get(0).get("title").asString())
			.isEqualTo("Ada Lindqvist — mood and status");

		// the manager may read one update only (week 2): a digest, no chart
		assertThat(SlackStub.messagesTo("UMAJA")).hasSize(1);
		assertThat(completed).noneMatch(c -> "DUMAJA".equals(c.get("channel_id")));
	}

	@Test
	void aRefusedUploadUrlLeavesTheDigestSentAndLogsOnlyTheErrorCode(CapturedOutput output) {
		SlackStub.error("files.getUploadURLExternal", "missing_scope");

		List<DigestRecord> sent = digests.sendAll();

		assertThat(sent).hasSize(3).allSatisfy(r -> {
			assertThat(r.status()).isEqualTo(DigestStatus.SENT);
			assertThat(r.failure()).isNull();
		});
		for (String recipient : List.of("UMAJA", "UANDERS", "UBEATA")) {
			assertThat(SlackStub.messagesTo(recipient)).as(recipient).hasSize(1);
		}
		assertThat(SlackStub.uploads()).isEmpty();
		assertThat(SlackStub.calls("files.completeUploadExternal")).isEmpty();
		assertThat(output.getOut()).containsPattern("Picture for outbox message digest:\\S+ not shared: missing_scope")
			.doesNotContain(BEATA_ALT)
			.doesNotContain("mood over");
	}

	@Test
	void aFailedUploadOrCompletionLeavesTheDigestSent(CapturedOutput output) {
		SlackStub.server()
			.stubFor(post(urlPathMatching(SlackStub.UPLOAD_PATH + ".*")).willReturn(aResponse().withStatus(500)));

		assertThat(digests.sendAll()).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(DigestStatus.SENT));
		assertThat(SlackStub.uploads()).hasSize(2);
		assertThat(SlackStub.calls("files.completeUploadExternal")).isEmpty();
		assertThat(output.getOut()).containsPattern("Picture for outbox message digest:\\S+ not shared: upload_http_500");

		clock.advance(java.time.Duration.ofDays(7)); // next week, and now completing the upload fails
		SlackStub.reset();
		SlackStub.error("files.completeUploadExternal", "channel_not_found");

		assertThat(digests.sendAll()).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(DigestStatus.SENT));
		assertThat(SlackStub.calls("files.completeUploadExternal")).hasSize(2);
		assertThat(output.getOut()).containsPattern("Picture for outbox message digest:\\S+ not shared: channel_not_found");
	}

	private void update(String at, OverallStatus status, int mood, Visibility visibility) {
		long n = mongo.getCollection("status_updates").countDocuments();
		mongo.insert(new StatusUpdate("su-" + n, placementId, "UADA", status, "progress " + n, null, mood, null,
				"chart-test-" + n, Instant.parse(at), visibility));
	}

	private DigestRecord record(String recipientKey) {
		return mongo.findOne(Query.query(Criteria.where("recipientKey").is(recipientKey)), DigestRecord.class);
	}
}
