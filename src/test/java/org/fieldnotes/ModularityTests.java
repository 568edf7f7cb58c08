package org.fieldnotes;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void writeDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(new java.io.File("target/spring-modulith-docs/components.puml")).exists();
	}
}
