package org.fieldnotes.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.FieldnotesApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The demo as a newcomer's {@code ./mvnw spring-boot:run} gets it: the whole application with no chat settings at
 * all offers it and can start one; {@code FIELDNOTES_DEMO=false}
 * (read as application.yml reads the variable) turns it off. The other combinations are {@link DemoGateTests}'.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoStartupTests {

	@TempDir
	Path data;

	@AfterEach
	void forget() {
		System.clearProperty("FIELDNOTES_DEMO");
	}

	@Test
	void withNoChatSettingsTheDemoIsOnAndStarts(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			Demos demos = context.getBean(Demos.class);
			assertThat(demos.enabled()).isTrue();
			assertThat(output.getOut()).contains("Demo (Try it) is on: no chat platform is configured");

			Demo demo = demos.start(ZoneId.of("Europe/Stockholm"), Locale.forLanguageTag("sv"));

			assertThat(demo.personas()).hasSize(4);
			assertThat(context.getBean(MongoTemplate.class).getCollection("placements").countDocuments()).isEqualTo(1);
		}
	}

	@Test
	void fieldnotesDemoFalseTurnsItOff(CapturedOutput output) {
		// as the environment variable: application.yml reads ${FIELDNOTES_DEMO:}, which system properties also fill
		System.setProperty("FIELDNOTES_DEMO", "false");
		try (ConfigurableApplicationContext context = run()) {
			Demos demos = context.getBean(Demos.class);
			assertThat(demos.enabled()).isFalse();
			assertThat(output.getOut()).contains("Demo (Try it) is off: FIELDNOTES_DEMO=false");
			assertThatThrownBy(() -> demos.start(ZoneId.of("UTC"), Locale.ENGLISH))
				.isInstanceOfSatisfying(DemoRefused.class,
						e -> assertThat(e.reason()).isEqualTo(DemoRefused.Reason.DISABLED));
			assertThat(context.getBean(MongoTemplate.class).getCollection("demo_placements").countDocuments()).isZero();
		}
	}

	private ConfigurableApplicationContext run() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--fieldnotes.store.uri=",
				"--fieldnotes.store.data-dir=" + data, "--spring.quartz.auto-startup=false",
				"--fieldnotes.slack.bot-token=", "--fieldnotes.slack.app-token=", "--fieldnotes.slack.signing-secret=",
				"--fieldnotes.admin.token="));
		return new SpringApplicationBuilder(FieldnotesApplication.class)
			.run(args.toArray(String[]::new));
	}
}
