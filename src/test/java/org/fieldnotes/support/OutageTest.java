package org.fieldnotes.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An {@link IntegrationTest} whose store is a {@link ControllableStore} ({@code MONGODB_URI}) that the test stops
 * and starts; it is running at the start of each test class and again after each test. Every such class shares the
 * one store (each test starts from an empty store anyway).
 */
public abstract class OutageTest extends IntegrationTest {

	protected static final ControllableStore STORE = new ControllableStore();

	@DynamicPropertySource
	static void externalStore(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.store.uri", STORE::uri);
	}

	@BeforeAll
	static void storeUp() {
		STORE.start();
	}

	@AfterEach
	void storeBack() {
		STORE.start();
	}

	@AfterAll
	static void stopStore() {
		STORE.stop();
	}
}
