package org.fieldnotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.PersistenceCreator;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The fuzz tests' JVM can read what the store holds. Jazzer's agent starts when the first fuzz target runs and
 * rewrites the classes already loaded then without their constructors' parameter names, which Spring Data needs to
 * build a record (or any class with a {@link PersistenceCreator}) from a document. JUnit loads every type named in the
 * signatures of a test class and its superclasses (fields, methods, lambdas' synthetic methods) before the target
 * runs, so none of those may be such a type of ours: {@code Person} or {@code ChatAccount} there made every fuzz seed
 * fail with "Parameter … does not have a name".
 */
class FuzzJvmTests {

	@Test
	void fuzzTestsNameNoTypeTheStoreBuilds() throws ClassNotFoundException {
		List<Class<?>> fuzzTests = new ArrayList<>();
		for (JavaClass test : new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("org.fieldnotes")) {
			if (test.tryGetAnnotationOfType(Tag.class).filter(tag -> tag.value().equals("fuzz")).isPresent()) {
				fuzzTests.add(Class.forName(test.getName()));
			}
		}
		assertThat(fuzzTests).isNotEmpty();

		Set<String> named = new TreeSet<>();
		for (Class<?> test : fuzzTests) {
			for (Class<?> c = test; c != null && c.getName().startsWith("org.fieldnotes."); c = c.getSuperclass()) {
				for (Field field : c.getDeclaredFields()) {
					check(c, field.getType(), named);
				}
				for (Method method : c.getDeclaredMethods()) {
					check(c, method.getReturnType(), named);
					for (Class<?> parameter : method.getParameterTypes()) {
						check(c, parameter, named);
					}
				}
				for (Constructor<?> constructor : c.getDeclaredConstructors()) {
					for (Class<?> parameter : constructor.getParameterTypes()) {
						check(c, parameter, named);
					}
				}
			}
		}
		assertThat(named).as("stored types in the fuzz tests' signatures (move the helper to e.g. support.Accounts)")
			.isEmpty();
	}

	private static void check(Class<?> in, Class<?> type, Set<String> named) {
		while (type.isArray()) {
			type = type.getComponentType();
		}
		if (type.getName().startsWith("org.fieldnotes.") && built(type)) {
			named.add(in.getSimpleName() + " names " + type.getName());
		}
	}

	/** Whether Spring Data would build it through a constructor (so needs its parameters' names). */
	private static boolean built(Class<?> type) {
		if (type.isRecord()) {
			return true;
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (constructor.isAnnotationPresent(PersistenceCreator.class)) {
				return true;
			}
		}
		return false;
	}
}
