package org.fieldnotes.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * Bolt and the Slack API client log whole request and response bodies (people's reflections, tokens in URLs) at
 * DEBUG, so every configuration Fieldnotes ships keeps {@code com.slack.api} at INFO: application.yml, any logback
 * or log4j file, the Docker files and .env.example. And the running application does.
 */
class SlackSdkLogLevelTests extends IntegrationTest {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	@Test
	void applicationYmlKeepsTheSlackSdkAtInfo() {
		for (Path yml : shipped(path -> path.getFileName().toString().matches("application.*\\.ya?ml"))) {
			YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
			yaml.setResources(new FileSystemResource(yml));
			Properties properties = yaml.getObject();
			assertThat(properties.getProperty("logging.level.com.slack.api")).as("%s", yml).isEqualTo("INFO");
			assertThat(properties.stringPropertyNames())
				.filteredOn(name -> name.startsWith("logging.level.com.slack") && !name.equals("logging.level.com.slack.api"))
				.as("a finer Slack logger level in %s", yml)
				.allSatisfy(name -> assertThat(properties.getProperty(name)).isIn("INFO", "WARN", "ERROR", "OFF"));
		}
	}

	@Test
	void noOtherShippedConfigurationLowersIt() {
		Pattern slackLevel = Pattern.compile("(?i)(com[._]slack[\\w.]*)[\"'\\s]*(?:level\\s*=\\s*[\"']|[=:]\\s*)(\\w+)");
		List<Path> files = shipped(path -> {
			String name = path.getFileName().toString();
			return name.matches("(logback|log4j2?).*\\.(xml|properties|ya?ml)") || name.matches("application.*")
					|| name.equals(".env.example") || path.startsWith(ROOT.resolve("docker"));
		});
		assertThat(files).as("shipped configuration files").isNotEmpty();
		for (Path file : files) {
			Matcher matcher = slackLevel.matcher(read(file));
			while (matcher.find()) {
				assertThat(matcher.group(2).toUpperCase()).as("%s in %s", matcher.group(1), file)
					.isIn("INFO", "WARN", "ERROR", "OFF");
			}
		}
	}

	@Test
	void theRunningApplicationLogsTheSlackSdkAtInfoNotDebug() {
		for (String name : List.of("com.slack.api", "com.slack.api.bolt.App", "com.slack.api.methods.impl.MethodsClientImpl",
				"com.slack.api.util.http.SlackHttpClient", "com.slack.api.bolt.jakarta_servlet.SlackAppServlet")) {
			assertThat(LoggerFactory.getLogger(name).isInfoEnabled()).as(name).isTrue();
			assertThat(LoggerFactory.getLogger(name).isDebugEnabled()).as(name).isFalse();
		}
	}

	private static List<Path> shipped(java.util.function.Predicate<Path> which) {
		try (Stream<Path> files = Stream.concat(
				Files.walk(ROOT.resolve("src/main/resources")),
				Stream.concat(Files.walk(ROOT.resolve("docker")), Stream.of(ROOT.resolve(".env.example"))))) {
			return files.filter(Files::isRegularFile).filter(which).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
