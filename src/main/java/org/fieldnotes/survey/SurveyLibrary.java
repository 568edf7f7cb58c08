package org.fieldnotes.survey;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fieldnotes.placement.ProgramSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The surveys in {@code surveys/} under the prompts folder, loaded and checked once at start. A malformed file stops
 * start-up with a {@link SurveyFileInvalid} naming the file and the key. No folder means no surveys.
 */
@Component
public class SurveyLibrary {

	private static final Logger log = LoggerFactory.getLogger(SurveyLibrary.class);

	static final Set<String> LANGUAGES = Set.of("en", "sv");
	private static final Set<String> KEYS = Set.of("id", "kind", "title", "intro", "programs", "when", "questions",
			"shareText");
	private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "text", "low", "high", "options",
			"required");
	private static final Set<String> OPTION_KEYS = Set.of("id", "en", "sv");
	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	private static final Pattern MARKUP = Pattern.compile("[*_<>{}]");
	/** The most questions a survey has: it is answered in one form, on a phone. */
	static final int MAX_QUESTIONS = 10;
	/** The fewest and most options of a choice question (a Slack menu takes 100; a phone shows ten well). */
	static final int MIN_OPTIONS = 2;
	static final int MAX_OPTIONS = 10;

	private final Map<String, Survey> byId = new LinkedHashMap<>();

	@Autowired
	SurveyLibrary(@Value("${fieldnotes.prompts.dir:./prompts}") String promptsDir) {
		this(Path.of(promptsDir).resolve("surveys"));
	}

	/** The surveys in {@code dir} (itself the surveys folder), checked as at start-up. */
	public SurveyLibrary(Path dir) {
		if (!Files.isDirectory(dir)) {
			log.info("No survey folder at {}: no surveys", dir);
			return;
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
				.sorted()
				.toList()) {
				Survey survey = load(file);
				if (byId.putIfAbsent(survey.id(), survey) != null) {
					throw new SurveyFileInvalid(file.toString(), "id '" + survey.id() + "' is used twice");
				}
			}
		}
		catch (IOException e) {
			throw new SurveyFileInvalid(dir.toString(), "cannot be read: " + e.getMessage());
		}
		log.info("Loaded {} surveys from {}", byId.size(), dir);
	}

	public Optional<Survey> find(String id) {
		return Optional.ofNullable(id == null ? null : byId.get(id));
	}

	public List<Survey> all() {
		return List.copyOf(byId.values());
	}

	/** The surveys a placement of the programme takes at the moment, in file-name order. */
	public List<Survey> at(SurveyMoment moment, String program) {
		return byId.values().stream().filter(s -> s.when().contains(moment) && s.serves(program)).toList();
	}

	static Survey load(Path file) {
		String name = file.toString();
		Object parsed;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		catch (IOException | YAMLException e) {
			throw new SurveyFileInvalid(name, "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
		}
		if (!(parsed instanceof Map<?, ?> map)) {
			throw new SurveyFileInvalid(name, "must be a YAML mapping with the keys " + KEYS);
		}
		unknownKeys(name, map, KEYS, "");
		if (!"survey".equals(map.get("kind"))) {
			throw new SurveyFileInvalid(name, "kind must be survey");
		}
		String id = string(name, map, "id");
		String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
		if (!ID.matcher(id).matches() || !id.equals(expected)) {
			throw new SurveyFileInvalid(name, "id '" + id + "' must equal the file name '" + expected
					+ "' (lower-case letters, digits and dashes)");
		}
		Map<String, String> title = texts(name, map.get("title"), "title", 40);
		Map<String, String> intro = texts(name, map.get("intro"), "intro", 200);
		Set<SurveyMoment> when = when(name, map.get("when"));
		Object shareText = map.containsKey("shareText") ? map.get("shareText") : Boolean.FALSE;
		if (!(shareText instanceof Boolean share)) {
			throw new SurveyFileInvalid(name, "shareText must be true or false");
		}
		if (!(map.get("questions") instanceof List<?> list) || list.isEmpty() || list.size() > MAX_QUESTIONS) {
			throw new SurveyFileInvalid(name, "questions must be a list of 1 to " + MAX_QUESTIONS + " questions");
		}
		List<Survey.Question> questions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			String at = "questions[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> question)) {
				throw new SurveyFileInvalid(name, at + " must have an id, a type and a text");
			}
			Survey.Question parsedQuestion = question(name, at, question);
			if (!ids.add(parsedQuestion.id())) {
				throw new SurveyFileInvalid(name, at + ".id '" + parsedQuestion.id() + "' is used twice");
			}
			questions.add(parsedQuestion);
		}
		return new Survey(id, title, intro, programs(name, map), when, List.copyOf(questions), share);
	}

	private static Survey.Question question(String file, String at, Map<?, ?> map) {
		unknownKeys(file, map, QUESTION_KEYS, at + ".");
		String id = string(file, map, "id", at + ".id");
		if (!ID.matcher(id).matches() || id.length() > 40) {
			throw new SurveyFileInvalid(file, at + ".id '" + id
					+ "' must be lower-case letters, digits and dashes, at most 40 characters");
		}
		String typeName = string(file, map, "type", at + ".type");
		Survey.Type type = switch (typeName) {
			case "likert" -> Survey.Type.LIKERT;
			case "single" -> Survey.Type.SINGLE;
			case "multiple" -> Survey.Type.MULTIPLE;
			case "text" -> Survey.Type.TEXT;
			default -> throw new SurveyFileInvalid(file, at + ".type '" + typeName
					+ "' is not one of likert, single, multiple, text");
		};
		Map<String, String> text = texts(file, map.get("text"), at + ".text", 150);
		Object required = map.containsKey("required") ? map.get("required") : Boolean.FALSE;
		if (!(required instanceof Boolean isRequired)) {
			throw new SurveyFileInvalid(file, at + ".required must be true or false");
		}
		Map<String, String> low = null;
		Map<String, String> high = null;
		if (type == Survey.Type.LIKERT) {
			low = texts(file, map.get("low"), at + ".low", 40);
			high = texts(file, map.get("high"), at + ".high", 40);
		}
		else if (map.containsKey("low") || map.containsKey("high")) {
			throw new SurveyFileInvalid(file, at + ": low and high are only for type likert");
		}
		List<Survey.Choice> options = List.of();
		if (type == Survey.Type.SINGLE || type == Survey.Type.MULTIPLE) {
			options = options(file, at, map.get("options"));
		}
		else if (map.containsKey("options")) {
			throw new SurveyFileInvalid(file, at + ": options are only for types single and multiple");
		}
		return new Survey.Question(id, type, text, low, high, options, isRequired);
	}

	private static List<Survey.Choice> options(String file, String at, Object value) {
		if (!(value instanceof List<?> list) || list.size() < MIN_OPTIONS || list.size() > MAX_OPTIONS) {
			throw new SurveyFileInvalid(file, at + ".options must be a list of " + MIN_OPTIONS + " to " + MAX_OPTIONS
					+ " options, each { id, en, sv }");
		}
		List<Survey.Choice> options = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			String key = at + ".options[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> option)) {
				throw new SurveyFileInvalid(file, key + " must have an id, en and sv");
			}
			unknownKeys(file, option, OPTION_KEYS, key + ".");
			String id = string(file, option, "id", key + ".id");
			if (!ID.matcher(id).matches() || id.length() > 40) {
				throw new SurveyFileInvalid(file, key + ".id '" + id
						+ "' must be lower-case letters, digits and dashes, at most 40 characters");
			}
			if (!ids.add(id)) {
				throw new SurveyFileInvalid(file, key + ".id '" + id + "' is used twice");
			}
			Map<String, Object> labels = new HashMap<>();
			LANGUAGES.forEach(language -> labels.put(language, option.get(language)));
			options.add(new Survey.Choice(id, texts(file, labels, key, 75)));
		}
		return List.copyOf(options);
	}

	private static Set<SurveyMoment> when(String file, Object value) {
		List<?> list = value instanceof String one ? List.of(one) : value instanceof List<?> many ? many : null;
		if (list == null || list.isEmpty()) {
			throw new SurveyFileInvalid(file, "when must be one or more of start, mid, end, follow-up");
		}
		Set<SurveyMoment> moments = EnumSet.noneOf(SurveyMoment.class);
		for (int i = 0; i < list.size(); i++) {
			Object item = list.get(i);
			Optional<SurveyMoment> moment = item instanceof String name ? SurveyMoment.fromFileName(name.strip())
					: Optional.empty();
			if (moment.isEmpty()) {
				throw new SurveyFileInvalid(file, "when[" + i + "] '" + item + "' is not one of start, mid, end, follow-up");
			}
			moments.add(moment.get());
		}
		return Set.copyOf(moments);
	}

	/** {@code programs: ["KTP 2026", …]}: the programmes the survey serves, as keys; none = every programme. */
	private static Set<String> programs(String file, Map<?, ?> map) {
		if (!map.containsKey("programs")) {
			return Set.of();
		}
		if (!(map.get("programs") instanceof List<?> list) || list.isEmpty()) {
			throw new SurveyFileInvalid(file, "programs must be a list of one or more programme names, "
					+ "e.g. [\"KTP 2026\"] (leave it out for every programme)");
		}
		Set<String> programs = new LinkedHashSet<>();
		for (int i = 0; i < list.size(); i++) {
			if (!(list.get(i) instanceof String program) || program.isBlank() || program.strip().length() > 100) {
				throw new SurveyFileInvalid(file, "programs[" + i + "] must be a programme name of at most 100 characters");
			}
			programs.add(ProgramSettings.keyOf(program));
		}
		return Set.copyOf(programs);
	}

	private static void unknownKeys(String file, Map<?, ?> map, Set<String> allowed, String at) {
		for (Object key : map.keySet()) {
			if (!allowed.contains(String.valueOf(key))) {
				throw new SurveyFileInvalid(file, "unknown key '" + at + key + "' (allowed: " + allowed + ")");
			}
		}
	}

	private static String string(String file, Map<?, ?> map, String key) {
		return string(file, map, key, key);
	}

	private static String string(String file, Map<?, ?> map, String key, String named) {
		if (!(map.get(key) instanceof String value) || value.isBlank()) {
			throw new SurveyFileInvalid(file, named + " is missing");
		}
		return value.strip();
	}

	private static Map<String, String> texts(String file, Object value, String key, int max) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new SurveyFileInvalid(file, key + " is missing (it needs en and sv)");
		}
		for (Object language : map.keySet()) {
			if (!LANGUAGES.contains(String.valueOf(language))) {
				throw new SurveyFileInvalid(file, "unknown key '" + key + "." + language + "' (allowed: " + LANGUAGES + ")");
			}
		}
		Map<String, String> texts = new HashMap<>();
		for (String language : LANGUAGES) {
			if (!(map.get(language) instanceof String text) || text.isBlank()) {
				throw new SurveyFileInvalid(file, key + "." + language + " is missing");
			}
			if (text.length() > max) {
				throw new SurveyFileInvalid(file, key + "." + language + " is longer than " + max + " characters");
			}
			if (MARKUP.matcher(text).find()) {
				throw new SurveyFileInvalid(file, key + "." + language
						+ " must be plain text (no * _ < > { }): it is shown as written");
			}
			texts.put(language, text.strip());
		}
		return Map.copyOf(texts);
	}
}
