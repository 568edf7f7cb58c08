package org.fieldnotes;

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

	/** Only the slack module knows Slack; a Teams adapter must be able to reuse everything else. */
	@Test
	void featureModulesKnowNothingOfSlack() {
		noClasses().that()
			.resideInAnyPackage("org.fieldnotes.placement..", "org.fieldnotes.prompting..", "org.fieldnotes.logbook..",
					"org.fieldnotes.digest..", "org.fieldnotes.chat..", "org.fieldnotes.commands..",
					"org.fieldnotes.admin..", "org.fieldnotes.store..", "org.fieldnotes.mail..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.slack.api..")
			.check(classes);
	}

	/** The chat port imports nothing of ours, so every module can depend on it. */
	@Test
	void theChatPortDependsOnNoOtherModule() {
		noClasses().that()
			.resideInAPackage("org.fieldnotes.chat..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.fieldnotes.placement..", "org.fieldnotes.prompting..", "org.fieldnotes.logbook..",
					"org.fieldnotes.digest..", "org.fieldnotes.commands..", "org.fieldnotes.admin..",
					"org.fieldnotes.slack..", "org.fieldnotes.store..", "org.fieldnotes.mail..")
			.check(classes);
	}

	@Test
	void writeDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(new java.io.File("target/spring-modulith-docs/components.puml")).exists();
	}
}
