package org.fieldnotes;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Fieldnotes: reflection prompts, a logbook and coach digests for people on a work placement.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FieldnotesApplication {

	public static void main(String[] args) {
		SpringApplication.run(FieldnotesApplication.class, args);
	}

	/** The one clock every module asks for the time; tests replace it with a movable one. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
