package org.fieldnotes.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An {@link IntegrationTest} whose store is a {@link ControllableStore} ({@code MONGODB_URI}) reached through a
 * {@link CuttingProxy}, so that a test can cut the line abruptly (connections reset mid-command, new ones refused)
 * or stop the store itself. Both are up at the start of each test class and again after each test. Every such class
 * shares the one store and proxy (each test starts from an empty store anyway).
 */
public abstract class OutageTest extends IntegrationTest {

	protected static final ControllableStore STORE = new ControllableStore();
	protected static final CuttingProxy PROXY = new CuttingProxy(STORE.port());

	@DynamicPropertySource
	static void externalStore(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.store.uri", () -> PROXY.uri("fieldnotes"));
	}

	@BeforeAll
	static void storeUp() {
		STORE.start();
		PROXY.restore();
	}

	@AfterEach
	void storeBack() {
		STORE.start();
		PROXY.restore();
	}

	@AfterAll
	static void stopStore() {
		STORE.stop();
	}
}
