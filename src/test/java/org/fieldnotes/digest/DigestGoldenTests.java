package org.fieldnotes.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.personId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.mail.Mail;
import org.fieldnotes.mail.MailRendering;
import org.fieldnotes.slack.BlockKitRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;

import com.slack.api.util.json.GsonFactory;

import tools.jackson.databind.SerializationFeature;

/**
 * Golden output: each role's digest of the {@link FixedWeekTest fixed placement week}, as the Slack Block Kit JSON
 * that {@link BlockKitRenderer} produces and as the e-mail HTML that the mail renderer produces, compared with the
 * files {@code src/test/resources/golden/digest/<role>.slack.json} and {@code <role>.email.html}.
 * <p>
 * A difference fails the test with a line-by-line diff (the actual output is also written under
 * {@code target/golden-actual/digest/}). When the change is intended, rewrite the files and review them with
 * {@code git diff}:
 *
 * <pre>
 * ./mvnw test -Dtest=DigestGoldenTests -Dgolden.update=true
 * </pre>
 */
class DigestGoldenTests extends FixedWeekTest {

	private static final Path GOLDEN = Path.of("src/test/resources/golden/digest");
	private static final Path ACTUAL = Path.of("target/golden-actual/digest");
	private static final boolean UPDATE = Boolean.getBoolean("golden.update");

	@Autowired
	DigestService digests;

	@Autowired
	ITemplateEngine templates;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "manager, UMAJA", "academic_coach, UANDERS", "business_coach, UBEATA" })
	void eachRolesDigestMatchesItsGoldenFiles(String role, String slackUserId) throws IOException {
		createFixedWeek();

		ChatMessage digest = digests.preview(personId(people, slackUserId)).orElseThrow();

		String slack = slackJson(digest);
		String email = MailRendering.html(templates,
				new Mail("coach@example.org", "Coach", Locale.ENGLISH, "Your placements this week — 1 participant", digest));
		assertThat(slack).doesNotContain(PRIVATE_WORDS);
		assertThat(email).doesNotContain(PRIVATE_WORDS);
		compare(role + ".slack.json", slack);
		compare(role + ".email.html", email);
	}

	/** The blocks as Slack receives them (the SDK's own JSON), pretty-printed so that a diff points at a line. */
	private static String slackJson(ChatMessage message) {
		String json = GsonFactory.createSnakeCase().toJson(new BlockKitRenderer().render(message));
		return JSON.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(JSON.readTree(json))
				+ "\n";
	}

	private static void compare(String name, String actual) throws IOException {
		Path golden = GOLDEN.resolve(name);
		if (UPDATE) {
			Files.createDirectories(GOLDEN);
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
			return;
		}
		Files.createDirectories(ACTUAL);
		Path written = Files.writeString(ACTUAL.resolve(name), actual, StandardCharsets.UTF_8);
		assertThat(golden).as("golden file %s is missing: run with -Dgolden.update=true to write it", golden)
			.exists();
		assertThat(written).as("%s differs from its golden file (if the change is intended, rerun with "
				+ "-Dgolden.update=true and review the diff)", name).hasSameTextualContentAs(golden);
	}
}
