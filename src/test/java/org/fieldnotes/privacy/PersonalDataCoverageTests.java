package org.fieldnotes.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.people.Person;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.NoPersonalData;
import org.fieldnotes.personaldata.PersonalData;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Every stored document type is answered for, by construction: the MongoDB mapping context's {@code @Document}
 * entities (every one the application knows) are each claimed by exactly one module's {@link PersonalData}, or
 * declared {@link NoPersonalData} with a reason. A new collection fails here until its module decides which.
 */
class PersonalDataCoverageTests extends IntegrationTest {

	@Autowired
	MongoMappingContext mapping;

	@Autowired
	List<PersonalData> modules;

	@Test
	void everyStoredTypeIsClaimedByExactlyOneModuleOrDeclaredFreeOfPersonalData() throws Exception {
		Set<Class<?>> documents = documents();
		assertThat(documents).contains(LogbookEntry.class, Placement.class);
		// the mapping context knows every @Document class in the application (nothing is stored around it)
		assertThat(documents).containsAll(scannedDocuments());

		Map<Class<?>, List<String>> claims = new HashMap<>();
		for (PersonalData module : modules) {
			assertThat(module.documents()).as(module.getClass().getSimpleName() + " claims something").isNotEmpty();
			for (Class<?> type : module.documents()) {
				claims.computeIfAbsent(type, t -> new ArrayList<>()).add(module.getClass().getSimpleName());
			}
		}
		List<String> problems = new ArrayList<>();
		for (Class<?> type : documents) {
			List<String> claimedBy = claims.getOrDefault(type, List.of());
			NoPersonalData free = type.getAnnotation(NoPersonalData.class);
			if (free != null) {
				if (!claimedBy.isEmpty()) {
					problems.add(type.getName() + " is declared free of personal data, yet claimed by " + claimedBy);
				}
				if (free.value().isBlank()) {
					problems.add(type.getName() + " is declared free of personal data without a reason");
				}
			}
			else if (claimedBy.size() != 1) {
				problems.add(type.getName() + " must be claimed by exactly one module's PersonalData (or declared "
						+ "@NoPersonalData with a reason), but is claimed by " + claimedBy);
			}
		}
		for (Class<?> claimed : claims.keySet()) {
			if (!documents.contains(claimed)) {
				problems.add(claimed.getName() + " is claimed but is not a stored @Document type");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void placementsAndThenPeopleAreErasedLastBecauseEverythingIsFoundThroughThem() {
		PersonalData placements = modules.stream()
			.filter(m -> m.documents().contains(Placement.class))
			.findFirst()
			.orElseThrow();
		PersonalData people = modules.stream()
			.filter(m -> m.documents().contains(Person.class))
			.findFirst()
			.orElseThrow();
		// a participant's placements lead to everything in them; the person records lead to the placements
		assertThat(modules).filteredOn(m -> m != people)
			.allSatisfy(m -> assertThat(m.order()).isLessThanOrEqualTo(placements.order()));
		assertThat(placements.order()).isLessThan(people.order());
		assertThat(modules.stream().filter(m -> m.order() == placements.order())).hasSize(1);
		assertThat(modules.stream().filter(m -> m.order() == people.order())).hasSize(1);
	}

	@Test
	void everyExportSectionAndEveryCountHasWordsInBothLanguages() throws IOException {
		Set<String> sections = new LinkedHashSet<>();
		Set<String> counts = new LinkedHashSet<>();
		DataSubject nobody = DataSubject.asked("UNOBODY", java.util.List.of(), java.util.List.of("slack:" + "UNOBODY"), java.util.List.of());
		for (PersonalData module : modules) {
			for (PersonalData.Reader reader : PersonalData.Reader.values()) {
				module.export(nobody, reader).forEach(section -> sections.add(section.name()));
			}
			counts.addAll(module.count(nobody).keySet());
			counts.addAll(module.erase(nobody, "erased:test").keySet());
		}
		assertThat(sections).contains("logbook_entries", "placements", PersonalDataExport.FOLLOWED);
		assertThat(counts).contains("logbook_entries", "placement_roles_removed", "audit_pseudonymised",
				"outbox_withdrawn");
		for (String bundle : List.of("i18n/privacy.properties", "i18n/privacy_sv.properties")) {
			Properties words = properties(bundle);
			Set<String> missing = new TreeSet<>();
			sections.stream().map(s -> "privacy.md.section." + s).filter(k -> !words.containsKey(k)).forEach(missing::add);
			counts.stream().map(c -> "privacy.count." + c).filter(k -> !words.containsKey(k)).forEach(missing::add);
			assertThat(missing).as("missing in " + bundle).isEmpty();
		}
	}

	private Set<Class<?>> documents() {
		Set<Class<?>> documents = new LinkedHashSet<>();
		for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
			if (entity.getType().isAnnotationPresent(Document.class)) {
				documents.add(entity.getType());
			}
		}
		return documents;
	}

	private static Set<Class<?>> scannedDocuments() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Document.class));
		Set<Class<?>> scanned = new LinkedHashSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.fieldnotes")) {
			scanned.add(Class.forName(candidate.getBeanClassName()));
		}
		return scanned;
	}

	private static Properties properties(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = PersonalDataCoverageTests.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
