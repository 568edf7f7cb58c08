package org.fieldnotes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.fieldnotes.FieldnotesApplication;
import org.fieldnotes.logbook.EntrySource;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementDraft;
import org.fieldnotes.placement.PlacementDraft.PersonDraft;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementStatus;
import org.fieldnotes.support.Accounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded store keeps its data across restarts: the application is started twice on the same data folder,
 * as a deployment would be, without Slack and without the test support's shared context.
 */
class RestartTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	@Test
	void placementsAndEntriesSurviveARestart() {
		String placementId;
		LogbookEntry written;
		LocalDate today;
		try (ConfigurableApplicationContext first = start()) {
			today = LocalDate.ofInstant(first.getBean(Clock.class).instant(), ZoneOffset.UTC);
			Placement placement = first.getBean(PlacementManagement.class)
				.enrol(new PlacementDraft(new PersonDraft("Ada Lindqvist", new org.fieldnotes.placement.PlacementDraft.AccountDraft("slack", null, "UADA"), null, "Europe/Stockholm", "sv"),
						"KTP 2026", "Scania", today.minusWeeks(1).toString(), today.plusMonths(3).toString(),
						new PersonDraft("Maja Berg", new org.fieldnotes.placement.PlacementDraft.AccountDraft("slack", null, "UMAJA"), null, null, null), null,
						new PersonDraft("Beata Ek", (org.fieldnotes.placement.PlacementDraft.AccountDraft) null, "beata@scania.example", "Europe/London", null), null));
			placementId = placement.getId();
			written = first.getBean(Logbook.class).write(Accounts.slack("UADA"), "First week: met the supplier team.");
			assertThat(health(first).statusCode()).isEqualTo(200);
		}

		try (ConfigurableApplicationContext second = start()) {
			PlacementManagement placements = second.getBean(PlacementManagement.class);
			Placement placement = placements.get(placementId);
			assertThat(placement.getParticipant().account("slack")).hasValue(Accounts.slack("UADA"));
			assertThat(placement.getParticipant().locale()).isEqualTo("sv");
			assertThat(placement.getManager().timezone()).isEqualTo("Europe/Stockholm");
			assertThat(placement.getBusinessCoach().email()).isEqualTo("beata@scania.example");
			assertThat(placement.getStartDate()).isEqualTo(today.minusWeeks(1));
			assertThat(placement.getEndDate()).isEqualTo(today.plusMonths(3));
			assertThat(placement.getStatus()).isEqualTo(PlacementStatus.ACTIVE);
			assertThat(placements.currentFor(Accounts.slack("UADA"))).map(Placement::getId).hasValue(placementId);

			List<LogbookEntry> entries = second.getBean(Logbook.class).entries(placementId, false);
			assertThat(entries).hasSize(1);
			assertThat(entries.get(0).id()).isEqualTo(written.id());
			assertThat(entries.get(0).text()).isEqualTo("First week: met the supplier team.");
			// BSON dates keep milliseconds
			assertThat(entries.get(0).createdAt()).isEqualTo(written.createdAt().truncatedTo(ChronoUnit.MILLIS));

			// the unique index still guards the natural key of what was written before the restart
			MongoTemplate mongo = second.getBean(MongoTemplate.class);
			assertThatThrownBy(() -> mongo.insert(new LogbookEntry(UUID.randomUUID().toString(), placementId, "UADA",
					"again", EntrySource.FREE_FORM, null, null, written.naturalKey(), null, null, written.createdAt(),
					null, null))).isInstanceOf(DuplicateKeyException.class);

			HttpResponse<String> health = health(second);
			assertThat(health.statusCode()).isEqualTo(200);
			JsonNode body = JSON.readTree(health.body());
			assertThat(body.get("status").asString()).isEqualTo("UP");
			assertThat(body.get("components").get("store").get("status").asString()).isEqualTo("UP");

			// the health check notices when the store goes away
			second.getBean(StoreConfiguration.EmbeddedMongoHolder.class).close();
			HttpResponse<String> down = health(second);
			assertThat(down.statusCode()).isEqualTo(503);
			JsonNode downBody = JSON.readTree(down.body());
			assertThat(downBody.get("status").asString()).isEqualTo("DOWN");
			assertThat(downBody.get("components").get("store").get("status").asString()).isEqualTo("DOWN");
		}
	}

	/**
	 * Starts the application on {@link #dataDir}. Command-line arguments, because they outrank application.yml
	 * (whose {@code ${FIELDNOTES_DATA_DIR:./data}} would beat {@code SpringApplicationBuilder.properties}).
	 */
	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(FieldnotesApplication.class).run("--server.port=0",
				"--fieldnotes.store.data-dir=" + dataDir, "--fieldnotes.store.uri=", "--fieldnotes.admin.token=t",
				"--spring.quartz.auto-startup=false", "--fieldnotes.slack.bot-token=", "--fieldnotes.slack.app-token=");
	}

	private static HttpResponse<String> health(ConfigurableApplicationContext context) {
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
