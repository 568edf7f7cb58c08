package org.fieldnotes.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every stored collection is in the privacy catalogue, either as holding data about people (exported and erased)
 * or as holding none: a new {@code @Document} fails here until someone decides which.
 */
class PersonalDataCatalogueTests {

	@Test
	void everyCollectionIsExportedAndErasedOrDeclaredFreeOfPersonalData() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Document.class));
		Set<String> collections = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.fieldnotes")) {
			Document document = Class.forName(candidate.getBeanClassName()).getAnnotation(Document.class);
			collections.add(document.value().isEmpty() ? document.collection() : document.value());
		}
		assertThat(collections).isNotEmpty().contains("logbook_entries", "audit");
		for (String collection : collections) {
			assertThat(PersonalData.COLLECTIONS.contains(collection) || PersonalData.NO_PERSONAL_DATA.contains(collection))
				.as(collection + " is in PersonalData.COLLECTIONS or NO_PERSONAL_DATA")
				.isTrue();
		}
		// retention_records is written without a @Document class (by the retention sweep), so the scan cannot see it
		assertThat(collections).containsAll(
				PersonalData.COLLECTIONS.stream().filter(c -> !c.equals(PersonalData.RETENTION_RECORDS)).toList());
	}
}
