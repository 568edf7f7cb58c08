package org.fieldnotes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares what the Slack stand-in received with {@code src/test/resources/golden/slack/<name>.json}: pretty-printed,
 * ids (UUIDs) replaced by {@code <id>}. A difference fails with the actual output under
 * {@code target/golden-actual/slack/}; {@code -Dgolden.update=true} rewrites the files, to review with {@code git diff}.
 */
public final class GoldenFiles {

	private static final Path GOLDEN = Path.of("src/test/resources/golden/slack");
	private static final Path ACTUAL = Path.of("target/golden-actual/slack");
	private static final boolean UPDATE = Boolean.getBoolean("golden.update");
	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private GoldenFiles() {
	}

	public static void compare(String name, JsonNode actual) {
		String text = JSON.writeValueAsString(actual)
			.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>") + "\n";
		try {
			Path golden = GOLDEN.resolve(name + ".json");
			if (UPDATE) {
				Files.createDirectories(GOLDEN);
				Files.writeString(golden, text, StandardCharsets.UTF_8);
				return;
			}
			Files.createDirectories(ACTUAL);
			Path written = Files.writeString(ACTUAL.resolve(name + ".json"), text, StandardCharsets.UTF_8);
			assertThat(golden).as("golden file %s is missing: run with -Dgolden.update=true to write it", golden)
				.exists();
			assertThat(written).as("%s differs from its golden file (if the change is intended, rerun with "
					+ "-Dgolden.update=true and review the diff)", name).hasSameTextualContentAs(golden);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The last message the Slack stand-in received for a person: its notification text and blocks. */
	public static JsonNode lastMessageTo(String userId) {
		List<Map<String, String>> messages = SlackStub.messagesTo(userId);
		assertThat(messages).as("messages to %s", userId).isNotEmpty();
		return message(messages.get(messages.size() - 1));
	}

	/** A {@code chat.postMessage} or {@code chat.update} call's notification text and blocks. */
	public static JsonNode message(Map<String, String> call) {
		ObjectNode message = JSON.createObjectNode().put("text", call.get("text"));
		message.set("blocks", JSON.readTree(call.getOrDefault("blocks", "[]")));
		return message;
	}
}
