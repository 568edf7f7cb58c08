package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.regex.JoniRegularExpressionFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Teams app package ({@code teams-app/}): the manifest, with its placeholders filled in as the {@code teams-app}
 * Maven profile fills them, is valid against Microsoft's schema for its manifest version, checked offline against the
 * schema vendored from the npm package {@code @microsoft/app-manifest} 1.1.2 (see
 * {@code src/test/resources/teams-app-schema/NOTICE.md}); the check itself catches mistakes; no app id is committed;
 * the icons are the sizes and kinds Teams asks for.
 */
class TeamsAppPackageTests {

	private static final Path FOLDER = Path.of("teams-app");
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String APP_ID = "11111111-2222-4333-8444-555555555555";
	private static final Pattern PLACEHOLDER = Pattern.compile("@(teams\\.app\\.[a-z.-]+)@");
	private static final Pattern GUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	// ------------------------------------------------------------------------------------------------ the manifest

	@Test
	void theManifestFilledInIsValidAgainstTheSchemaOfItsVersion() throws IOException {
		JsonNode manifest = filledIn();

		assertThat(manifest.get("manifestVersion").asString()).isEqualTo("1.30");
		assertThat(manifest.get("$schema").asString())
			.isEqualTo("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json");
		assertThat(errors(manifest)).isEmpty();
	}

	@Test
	void theSchemaCheckCatchesMistakes() throws IOException {
		assertThat(errors(changed(m -> m.remove("id")))).as("no id").isNotEmpty();
		assertThat(errors(changed(m -> m.put("id", "@teams.app.id@")))).as("an id left unfilled").isNotEmpty();
		assertThat(errors(changed(m -> m.put("manifestVersion", "1.29")))).as("another version").isNotEmpty();
		assertThat(errors(changed(m -> m.put("unknownField", true)))).as("a field the schema lacks").isNotEmpty();
		assertThat(errors(changed(m -> ((ObjectNode) m.get("bots").get(0)).putArray("scopes").add("everywhere"))))
			.as("a scope Teams does not have").isNotEmpty();
		assertThat(errors(changed(m -> ((ObjectNode) m.get("name")).put("short", "x".repeat(31)))))
			.as("a short name over 30 characters").isNotEmpty();
	}

	@Test
	void theBotIsInThePersonalScopeAndItsIdIsTheAppsOwn() throws IOException {
		JsonNode manifest = filledIn();

		JsonNode bot = manifest.get("bots").get(0);
		assertThat(manifest.get("bots")).hasSize(1);
		assertThat(bot.get("botId").asString()).isEqualTo(APP_ID);
		assertThat(manifest.get("id").asString()).isEqualTo(APP_ID);
		assertThat(bot.get("scopes").toString()).isEqualTo("[\"personal\"]");
		assertThat(bot.get("isNotificationOnly").asBoolean()).as("people write to it").isFalse();
		assertThat(bot.get("supportsFiles").asBoolean()).as("my-data offers the export as files").isTrue();
		List<String> commands = bot.get("commandLists").get(0).get("commands").valueStream()
			.map(c -> c.get("title").asString()).toList();
		assertThat(commands).contains("help", "log", "status").hasSizeLessThanOrEqualTo(12);
		assertThat(manifest.get("webApplicationInfo").get("id").asString()).as("for the optional Graph install")
			.isEqualTo(APP_ID);
		assertThat(manifest.get("accentColor").asString())
			.isEqualToIgnoringCase(String.format("#%06X", TeamsAppIcons.ACCENT.getRGB() & 0xFFFFFF));
	}

	@Test
	void noAppIdIsCommittedAndEveryPlaceholderIsOneTheBuildFillsIn() throws IOException {
		String template = Files.readString(FOLDER.resolve("manifest.json"));
		assertThat(GUID.matcher(template).find()).as("a GUID in the committed manifest").isFalse();

		Set<String> placeholders = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(template);
		while (m.find()) {
			placeholders.add(m.group(1));
		}
		assertThat(placeholders).contains("teams.app.id", "teams.app.url");
		String pom = Files.readString(Path.of("pom.xml"));
		String profile = pom.substring(pom.indexOf("<id>teams-app</id>"));
		for (String placeholder : placeholders) {
			assertThat(profile).as("the teams-app profile sets " + placeholder).contains("<" + placeholder + ">");
		}
	}

	// --------------------------------------------------------------------------------------------------- the icons

	@Test
	void theColourIconIs192SquareAndOpaque() throws IOException {
		BufferedImage color = ImageIO.read(FOLDER.resolve("color.png").toFile());

		assertThat(color.getWidth()).isEqualTo(192);
		assertThat(color.getHeight()).isEqualTo(192);
		assertThat(color.getColorModel().hasAlpha() ? alphaRange(color) : new int[] { 255, 255 })
			.as("opaque").containsExactly(255, 255);
	}

	@Test
	void theOutlineIconIs32SquareWhiteOnTransparent() throws IOException {
		BufferedImage outline = ImageIO.read(FOLDER.resolve("outline.png").toFile());

		assertThat(outline.getWidth()).isEqualTo(32);
		assertThat(outline.getHeight()).isEqualTo(32);
		assertThat(outline.getColorModel().hasAlpha()).isTrue();
		int drawn = 0;
		for (int y = 0; y < 32; y++) {
			for (int x = 0; x < 32; x++) {
				int argb = outline.getRGB(x, y);
				int alpha = argb >>> 24;
				if (alpha > 0) {
					drawn++;
					assertThat(argb & 0xFFFFFF).as("pixel %d,%d is white", x, y).isEqualTo(0xFFFFFF);
				}
			}
		}
		assertThat(outline.getRGB(0, 0) >>> 24).as("the background is transparent").isZero();
		assertThat(drawn).as("something is drawn").isGreaterThan(30);
	}

	// ----------------------------------------------------------------------------------------------------- helpers

	/** The manifest as the teams-app profile fills it in (test values). */
	private static JsonNode filledIn() throws IOException {
		String filled = Files.readString(FOLDER.resolve("manifest.json"))
			.replace("@teams.app.id@", APP_ID)
			.replace("@teams.app.url@", "https://fieldnotes.example.org")
			.replace("@teams.app.developer@", "Fieldnotes")
			.replace("@teams.app.privacy-url@", "https://fieldnotes.example.org/privacy")
			.replace("@teams.app.terms-url@", "https://fieldnotes.example.org/terms");
		assertThat(PLACEHOLDER.matcher(filled).find()).as("every placeholder filled").isFalse();
		return JSON.readTree(filled);
	}

	private static JsonNode changed(Consumer<ObjectNode> change) throws IOException {
		ObjectNode manifest = (ObjectNode) filledIn();
		change.accept(manifest);
		return manifest;
	}

	private static List<Error> errors(JsonNode manifest) throws IOException {
		try (InputStream schemaFile = TeamsAppPackageTests.class
			.getResourceAsStream("/teams-app-schema/v1.30/MicrosoftTeams.schema.json")) {
			assertThat(schemaFile).as("the vendored schema").isNotNull();
			// the schema's patterns are ECMAScript (e.g. \b in a class), which java.util.regex does not read
			SchemaRegistryConfig config = SchemaRegistryConfig.builder()
				.regularExpressionFactory(JoniRegularExpressionFactory.getInstance())
				.build();
			// draft-04, as the schema says, with "const", which it uses (e.g. manifestVersion) and which Microsoft's
			// own check (Ajv) applies; networknt's draft-04 would pass over it
			Dialect draft4WithConst = Dialect.builder(Dialects.getDraft4()).keyword(KeywordType.CONST).build();
			Schema schema = SchemaRegistry
				.withDefaultDialect(draft4WithConst, registry -> registry.schemaRegistryConfig(config))
				.getSchema(schemaFile);
			return schema.validate(manifest);
		}
	}

	private static int[] alphaRange(BufferedImage image) {
		int min = 255;
		int max = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int alpha = image.getRGB(x, y) >>> 24;
				min = Math.min(min, alpha);
				max = Math.max(max, alpha);
			}
		}
		return new int[] { min, max };
	}
}
