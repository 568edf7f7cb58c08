package org.fieldnotes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.fieldnotes.FieldnotesApplication;
import org.fieldnotes.placement.PlacementDraft;
import org.fieldnotes.placement.PlacementDraft.PersonDraft;
import org.fieldnotes.placement.PlacementManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * With {@code MONGODB_URI} set, Fieldnotes uses that server and starts nothing embedded. A separately started
 * wire-protocol server stands in for the external MongoDB.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExternalStoreTests {

	@TempDir
	Path data;

	private MongoServer external;
	private String address;

	@BeforeEach
	void startExternal() {
		external = new MongoServer(new MemoryBackend());
		external.bind("127.0.0.1", 0);
		InetSocketAddress bound = external.getLocalAddress();
		address = bound.getHostString() + ":" + bound.getPort();
	}

	@AfterEach
	void stopExternal() {
		external.shutdownNow();
	}

	@Test
	void aConfiguredUriIsUsedAndNothingEmbeddedStarts(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("mongodb://" + address + "/programme_office")) {
			context.getBean(PlacementManagement.class).enrol(draft());

			assertThat(output.getOut()).doesNotContain("started the embedded MongoDB store");
			assertThat(data).isEmptyDirectory();
			try (MongoClient client = MongoClients.create("mongodb://" + address)) {
				assertThat(client.getDatabase("programme_office").getCollection("placements").countDocuments())
					.isEqualTo(1);
			}
		}
	}

	@Test
	void aUriWithoutADatabaseUsesFieldnotes() {
		try (ConfigurableApplicationContext context = run("mongodb://" + address + "/?connectTimeoutMS=2000")) {
			context.getBean(PlacementManagement.class).enrol(draft());

			try (MongoClient client = MongoClients.create("mongodb://" + address)) {
				assertThat(client.getDatabase("fieldnotes").getCollection("placements").countDocuments()).isEqualTo(1);
			}
		}
	}

	private ConfigurableApplicationContext run(String uri) {
		// command-line arguments: they outrank application.yml's ${MONGODB_URI:} placeholders
		return new SpringApplicationBuilder(FieldnotesApplication.class).run("--server.port=0",
				"--fieldnotes.store.uri=" + uri, "--fieldnotes.store.data-dir=" + data,
				"--spring.quartz.auto-startup=false", "--fieldnotes.slack.bot-token=", "--fieldnotes.admin.token=");
	}

	private static PlacementDraft draft() {
		return new PlacementDraft(new PersonDraft("Ada", new org.fieldnotes.placement.PlacementDraft.AccountDraft("slack", null, "UADA"), null, "Europe/Stockholm", "en"), "KTP", "Scania",
				"2026-11-02", "2027-04-30", new PersonDraft("Maja", new org.fieldnotes.placement.PlacementDraft.AccountDraft("slack", null, "UMAJA"), null, null, null), null, null, null);
	}
}
