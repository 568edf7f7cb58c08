package org.fieldnotes.prompting;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.PromptSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The prompts in {@code prompts/}, loaded and checked once at start. A malformed file stops start-up with a
 * {@link PromptFileInvalid} naming the file and the key; so does a phase without any prompt.
 */
@Component
public class PromptLibrary {

	private static final Logger log = LoggerFactory.getLogger(PromptLibrary.class);

	static final Set<String> LANGUAGES = Set.of("en", "sv");
	private static final Set<String> KINDS = Set.of("onboarding", "reflection", "status-check", "review",
			"lessons-learnt", "follow-up");
	private static final Set<String> KEYS = Set.of("id", "kind", "phase", "order", "title", "intro", "questions",
			"programs", "placeholders");
	private static final Set<String> QUESTION_KEYS = Set.of("label", "text", "fallback");
	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	private static final Pattern MARKUP = Pattern.compile("[*_<>{}]");

	private final Map<String, Prompt> byId = new LinkedHashMap<>();
	/** The shared library (files that name no programme) by phase. */
	private final Map<PromptPhase, List<Prompt>> byPhase = new EnumMap<>(PromptPhase.class);
	/** The files that name programmes, in file-name order. */
	private final List<Prompt> ofPrograms = new ArrayList<>();
	private final Map<String, List<Prompt>> chosen = new ConcurrentHashMap<>();

	@Autowired
	PromptLibrary(PromptSettings settings) {
		this(Path.of(settings.dir()));
	}

	PromptLibrary(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new PromptFileInvalid(dir.toString(), "folder not found (set FIELDNOTES_PROMPTS_DIR)");
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
				.sorted()
				.toList()) {
				Prompt prompt = load(file);
				if (byId.putIfAbsent(prompt.id(), prompt) != null) {
					throw new PromptFileInvalid(file.toString(), "id '" + prompt.id() + "' is used twice");
				}
				if (prompt.shared()) {
					byPhase.computeIfAbsent(prompt.phase(), p -> new ArrayList<>()).add(prompt);
				}
				else {
					ofPrograms.add(prompt);
				}
			}
		}
		catch (IOException e) {
			throw new PromptFileInvalid(dir.toString(), "cannot be read: " + e.getMessage());
		}
		for (PromptPhase phase : PromptPhase.values()) {
			if (phase != PromptPhase.REVIEW && !byPhase.containsKey(phase)) {
				throw new PromptFileInvalid(dir.toString(), "no prompt has phase '" + phase.fileName() + "'");
			}
		}
		byPhase.putIfAbsent(PromptPhase.REVIEW, new ArrayList<>());
		List<Prompt> weekly = byPhase.get(PromptPhase.WEEKLY);
		weekly.sort(Comparator.comparingInt(Prompt::order));
		checkOrders(dir, weekly);
		// a programme's weekly rotation is its own files and the shared ones: their orders must not clash either
		ofPrograms.stream().flatMap(p -> p.programs().stream()).distinct().forEach(program -> {
			List<Prompt> rotation = new ArrayList<>(weekly);
			ofPrograms.stream().filter(p -> p.phase() == PromptPhase.WEEKLY && p.programs().contains(program))
				.forEach(rotation::add);
			rotation.sort(Comparator.comparingInt(Prompt::order));
			checkOrders(dir, rotation);
		});
		log.info("Loaded {} prompts from {} ({} for particular programmes)", byId.size(), dir, ofPrograms.size());
	}

	private static void checkOrders(Path dir, List<Prompt> weekly) {
		for (int i = 1; i < weekly.size(); i++) {
			if (weekly.get(i).order() == weekly.get(i - 1).order()) {
				throw new PromptFileInvalid(dir.resolve(weekly.get(i).id() + ".yaml").toString(),
						"order " + weekly.get(i).order() + " is also used by " + weekly.get(i - 1).id());
			}
		}
	}

	public Optional<Prompt> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	public List<Prompt> all() {
		return List.copyOf(byId.values());
	}

	/** The shared library's prompts of a phase (the files that name no programme); weekly ones in rotation order. */
	List<Prompt> inPhase(PromptPhase phase) {
		return byPhase.get(phase);
	}

	/**
	 * The prompts a programme's placement takes for a phase. The weekly rotation is the programme's weekly files and
	 * the shared ones, in {@code order} (only the programme's with {@link PromptSet#OWN}); in any other phase the
	 * programme's files take the place of the shared ones. A phase the programme has no file for takes the shared
	 * library's, and a review with no review prompt at all the midpoint's, so every phase has a prompt.
	 *
	 * @param program the programme's name or key (compared trimmed, without case)
	 */
	List<Prompt> inPhase(PromptPhase phase, String program, PromptSet set) {
		String key = program == null || program.isBlank() ? "" : ProgramSettings.keyOf(program);
		List<Prompt> found = chosen.computeIfAbsent(phase + "|" + set + "|" + key, k -> {
			List<Prompt> prompts = new ArrayList<>(ofPrograms.stream()
				.filter(p -> p.phase() == phase && p.programs().contains(key))
				.toList());
			if (prompts.isEmpty() || phase == PromptPhase.WEEKLY && set != PromptSet.OWN) {
				prompts.addAll(byPhase.get(phase));
			}
			if (phase == PromptPhase.WEEKLY) {
				prompts.sort(Comparator.comparingInt(Prompt::order));
			}
			return List.copyOf(prompts);
		});
		return found.isEmpty() && phase == PromptPhase.REVIEW ? inPhase(PromptPhase.MIDPOINT, program, set) : found;
	}

	private static Prompt load(Path file) {
		String name = file.toString();
		Object parsed;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		catch (IOException | YAMLException e) {
			throw new PromptFileInvalid(name, "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
		}
		if (!(parsed instanceof Map<?, ?> map)) {
			throw new PromptFileInvalid(name, "must be a YAML mapping with the keys " + KEYS);
		}
		for (Object key : map.keySet()) {
			if (!KEYS.contains(String.valueOf(key))) {
				throw new PromptFileInvalid(name, "unknown key '" + key + "' (allowed: " + KEYS + ")");
			}
		}
		String id = string(name, map, "id");
		String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
		if (!ID.matcher(id).matches() || !id.equals(expected)) {
			throw new PromptFileInvalid(name, "id '" + id + "' must equal the file name '" + expected
					+ "' (lower-case letters, digits and dashes)");
		}
		String kind = string(name, map, "kind");
		if (!KINDS.contains(kind)) {
			throw new PromptFileInvalid(name, "kind '" + kind + "' is not one of " + KINDS);
		}
		String phaseName = string(name, map, "phase");
		PromptPhase phase = PromptPhase.fromFileName(phaseName);
		if (phase == null) {
			throw new PromptFileInvalid(name, "phase '" + phaseName
					+ "' is not one of first-week, weekly, midpoint, review, last-week, follow-up");
		}
		int order = 0;
		if (phase == PromptPhase.WEEKLY) {
			if (!(map.get("order") instanceof Integer value) || value < 1) {
				throw new PromptFileInvalid(name, "order must be a whole number from 1 (required for phase weekly)");
			}
			order = value;
		}
		else if (map.containsKey("order")) {
			throw new PromptFileInvalid(name, "order is only allowed for phase weekly");
		}
		Map<String, String> title = texts(name, map.get("title"), "title", 40);
		Map<String, String> intro = texts(name, map.get("intro"), "intro", 200);
		if (!(map.get("questions") instanceof List<?> list) || list.isEmpty() || list.size() > 4) {
			throw new PromptFileInvalid(name, "questions must be a list of 1 to 4 questions");
		}
		Set<Placeholder> declared = placeholders(name, map);
		Set<Placeholder> used = new java.util.HashSet<>();
		List<Prompt.Question> questions = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String at = "questions[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> question)) {
				throw new PromptFileInvalid(name, at + " must have a label and a text");
			}
			for (Object key : question.keySet()) {
				if (!QUESTION_KEYS.contains(String.valueOf(key))) {
					throw new PromptFileInvalid(name, at + " has an unknown key '" + key + "' (allowed: label, text, "
							+ "fallback)");
				}
			}
			questions.add(question(name, at, question, declared, used));
		}
		for (Placeholder placeholder : declared) {
			if (!used.contains(placeholder)) {
				throw new PromptFileInvalid(name, "placeholders declares '" + placeholder.fileName()
						+ "' but no question's text uses {" + placeholder.fileName() + "}");
			}
		}
		return new Prompt(id, kind, phase, order, title, intro, List.copyOf(questions), programs(name, map), declared);
	}

	/**
	 * A question: its label, its text (which may quote declared placeholders as {@code {name}}, the same ones in
	 * every language) and, when it quotes any, the plain {@code fallback} asked when there is nothing to quote.
	 */
	private static Prompt.Question question(String file, String at, Map<?, ?> question, Set<Placeholder> declared,
			Set<Placeholder> used) {
		Map<String, String> label = texts(file, question.get("label"), at + ".label", 24);
		Map<String, String> text = quotingTexts(file, question.get("text"), at + ".text", 200);
		Set<String> quoted = null;
		for (String language : LANGUAGES) {
			Set<String> names = new java.util.TreeSet<>();
			java.util.regex.Matcher found = Prompt.PLACEHOLDER.matcher(text.get(language));
			while (found.find()) {
				String placeholder = found.group(1);
				Placeholder known = Placeholder.named(placeholder)
					.orElseThrow(() -> new PromptFileInvalid(file, at + ".text." + language + " uses {" + placeholder
							+ "}, which is not a placeholder (known: " + Placeholder.names() + ")"));
				if (!declared.contains(known)) {
					throw new PromptFileInvalid(file, at + ".text." + language + " uses {" + placeholder
							+ "}, which placeholders does not declare");
				}
				names.add(placeholder);
				used.add(known);
			}
			if (quoted != null && !quoted.equals(names)) {
				throw new PromptFileInvalid(file, at + ".text." + language + " must use the same placeholders as "
						+ at + ".text.en " + quoted);
			}
			quoted = names;
		}
		if (quoted.isEmpty()) {
			if (question.containsKey("fallback")) {
				throw new PromptFileInvalid(file, at + ".fallback is only for a question whose text uses a placeholder");
			}
			return new Prompt.Question(label, text);
		}
		if (!question.containsKey("fallback")) {
			throw new PromptFileInvalid(file, at + ".fallback is missing: a question that uses a placeholder needs "
					+ "a plain text (en and sv) for when there is nothing to quote");
		}
		return new Prompt.Question(label, text, texts(file, question.get("fallback"), at + ".fallback", 200));
	}

	/** {@code placeholders: [lastPlan, goals]}: the names the questions may quote; none when left out. */
	private static Set<Placeholder> placeholders(String file, Map<?, ?> map) {
		if (!map.containsKey("placeholders")) {
			return Set.of();
		}
		if (!(map.get("placeholders") instanceof List<?> list) || list.isEmpty()) {
			throw new PromptFileInvalid(file, "placeholders must be a list of one or more of " + Placeholder.names()
					+ " (leave it out when no question quotes anything)");
		}
		Set<Placeholder> declared = java.util.EnumSet.noneOf(Placeholder.class);
		for (int i = 0; i < list.size(); i++) {
			Object value = list.get(i);
			Placeholder placeholder = value instanceof String name ? Placeholder.named(name.strip()).orElse(null) : null;
			if (placeholder == null) {
				throw new PromptFileInvalid(file, "placeholders[" + i + "] '" + value + "' is not one of "
						+ Placeholder.names());
			}
			if (!declared.add(placeholder)) {
				throw new PromptFileInvalid(file, "placeholders[" + i + "] '" + value + "' is declared twice");
			}
		}
		return declared;
	}

	/** {@code programs: ["KTP 2026", …]}: the programmes the file serves, as keys; none = the shared library. */
	private static Set<String> programs(String file, Map<?, ?> map) {
		if (!map.containsKey("programs")) {
			return Set.of();
		}
		if (!(map.get("programs") instanceof List<?> list) || list.isEmpty()) {
			throw new PromptFileInvalid(file, "programs must be a list of one or more programme names, "
					+ "e.g. [\"KTP 2026\"] (leave it out for every programme)");
		}
		Set<String> programs = new java.util.LinkedHashSet<>();
		for (int i = 0; i < list.size(); i++) {
			if (!(list.get(i) instanceof String program) || program.isBlank()) {
				throw new PromptFileInvalid(file, "programs[" + i + "] must be a programme name");
			}
			if (program.strip().length() > 100) {
				throw new PromptFileInvalid(file, "programs[" + i + "] is longer than 100 characters");
			}
			programs.add(ProgramSettings.keyOf(program));
		}
		return Set.copyOf(programs);
	}

	private static String string(String file, Map<?, ?> map, String key) {
		if (!(map.get(key) instanceof String value) || value.isBlank()) {
			throw new PromptFileInvalid(file, key + " is missing");
		}
		return value.strip();
	}

	private static Map<String, String> texts(String file, Object value, String key, int max) {
		return texts(file, value, key, max, false);
	}

	/** Texts that may hold {@code {name}} placeholders (checked by the caller); otherwise plain as any text. */
	private static Map<String, String> quotingTexts(String file, Object value, String key, int max) {
		return texts(file, value, key, max, true);
	}

	private static Map<String, String> texts(String file, Object value, String key, int max, boolean quoting) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new PromptFileInvalid(file, key + " is missing (it needs en and sv)");
		}
		Map<String, String> texts = new HashMap<>();
		for (String language : LANGUAGES) {
			if (!(map.get(language) instanceof String text) || text.isBlank()) {
				throw new PromptFileInvalid(file, key + "." + language + " is missing");
			}
			if (text.length() > max) {
				throw new PromptFileInvalid(file, key + "." + language + " is longer than " + max + " characters");
			}
			String plain = quoting ? Prompt.PLACEHOLDER.matcher(text).replaceAll("") : text;
			if (MARKUP.matcher(plain).find()) {
				throw new PromptFileInvalid(file, key + "." + language + (quoting
						? " must be plain text (no * _ < > and no { } but around a placeholder such as {lastPlan})"
						: " must be plain text (no * _ < > { }): it is shown as written"));
			}
			texts.put(language, text.strip());
		}
		return Map.copyOf(texts);
	}
}
