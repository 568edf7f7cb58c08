package org.fieldnotes;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module; modules use only each other's base packages and never form a cycle.
 * Also writes the module diagram to target/spring-modulith-docs.
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(FieldnotesApplication.class);
	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.fieldnotes");

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * Only the slack module knows Slack: no other class of ours, in any module (a new one included), uses the Slack
	 * SDK, so no feature module builds Block Kit and a Teams adapter can reuse everything else.
	 */
	@Test
	void noModuleButSlackKnowsSlack() {
		noClasses().that()
			.resideInAPackage("org.fieldnotes..")
			.and()
			.resideOutsideOfPackage("org.fieldnotes.slack..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.slack.api..")
			.check(classes);
	}

	/** The rule above is not vacuous: the import sees the slack module's use of the SDK, and every module is in it. */
	@Test
	void theSlackRuleSeesEveryModule() {
		assertThat(classes.stream()
			.filter(c -> c.getPackageName().startsWith("org.fieldnotes.slack"))
			.flatMap(c -> c.getDirectDependenciesFromSelf().stream())
			.anyMatch(d -> d.getTargetClass().getPackageName().startsWith("com.slack.api"))).isTrue();
		modules.forEach(module -> assertThat(classes.stream()
			.anyMatch(c -> c.getPackageName().startsWith(module.getBasePackage().getName())))
			.as("module %s is imported", module.getIdentifier()).isTrue());
	}

	/** The chat port imports nothing of ours, so every module (a new one included) can depend on it. */
	@Test
	void theChatPortDependsOnNoOtherModule() {
		classes().that()
			.resideInAPackage("org.fieldnotes.chat..")
			.should()
			.onlyDependOnClassesThat(resideInAPackage("org.fieldnotes.chat..").or(resideOutsideOfPackage("org.fieldnotes..")))
			.check(classes);
	}

	/**
	 * No module outside a chat adapter knows what a platform's member ids look like: no source file outside an
	 * adapter has a string that matches its member ids or mentions: Slack's ({@code [UW][A-Z0-9]…},
	 * {@code U[A-Z0-9]}, {@code <@}) outside {@code slack/}, the web chat's ({@code w-…}) outside {@code web/},
	 * Teams' ({@code 29:…}) outside {@code teams/}. Commands, enrolment, the admin API, erasure and the demo ask the
	 * adapters through {@link org.fieldnotes.chat.AccountReferences}. (Before people had ids, placement's draft
	 * check, the command line, enrolment and the data subject each had a Slack pattern; the demo made web ids itself.)
	 */
	@Test
	void noModuleButAnAdapterKnowsAPlatformsMemberIdFormat() throws IOException {
		Map<String, Pattern> formats = Map.of("slack", Pattern.compile("\\[UW\\]|\\[WU\\]|U\\[A-Z0-9|<@"), "web",
				Pattern.compile("^\"w-"), "teams", Pattern.compile("^\"29:"));
		Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
		List<String> found = new ArrayList<>();
		Path main = Path.of("src/main/java/org/fieldnotes");
		try (Stream<Path> files = Files.walk(main)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (Map.Entry<String, Pattern> format : formats.entrySet()) {
					if (main.relativize(file).startsWith(format.getKey())) {
						continue;
					}
					for (int i = 0; i < lines.size(); i++) {
						Matcher strings = literal.matcher(lines.get(i));
						while (strings.find()) {
							if (format.getValue().matcher(strings.group()).find()) {
								found.add(format.getKey() + " format in " + main.relativize(file) + ":" + (i + 1) + " "
										+ strings.group());
							}
						}
					}
				}
			}
		}
		assertThat(found).as("member-id formats outside their adapters").isEmpty();
	}

	/** The rule above sees each adapter's own format where it belongs, so its patterns are not vacuous. */
	@Test
	void eachAdaptersMemberIdFormatIsFoundInItsAdapter() throws IOException {
		Path main = Path.of("src/main/java/org/fieldnotes");
		assertThat(Files.readString(main.resolve("slack/SlackMemberReferences.java"))).contains("[UW]");
		assertThat(Files.readString(main.resolve("web/WebMemberReferences.java"))).contains("\"w-");
		assertThat(Files.readString(main.resolve("teams/TeamsMemberReferences.java"))).contains("\"29:");
	}

	/** A chat adapter is what nothing depends on: features reach it only through the chat port. */
	@Test
	void nothingDependsOnTheSlackAdapter() {
		noClasses().that()
			.resideOutsideOfPackage("org.fieldnotes.slack..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.fieldnotes.slack..")
			.check(classes);
	}

	/** Only adapters read member references: every {@code MemberReferences} lives in an adapter's package. */
	@Test
	void memberReferencesAreReadByAdaptersOnly() {
		classes().that()
			.implement(org.fieldnotes.chat.MemberReferences.class)
			.should()
			.resideInAnyPackage("org.fieldnotes.slack..", "org.fieldnotes.teams..", "org.fieldnotes.web..")
			.check(classes);
	}

	@Test
	void writeDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(new java.io.File("target/spring-modulith-docs/components.puml")).exists();
	}
}
