package org.fieldnotes.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application clock with one the tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	/** Primary, so every {@code Clock} injection point gets the movable clock. */
	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(IntegrationTest.DEFAULT_NOW);
	}
}
