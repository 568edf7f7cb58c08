package org.fieldnotes.digest.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Extractive unless a summary URL is configured. */
class SummaryConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, SummaryConfiguration.class);

	@Test
	void withoutAUrlSummariesAreExtractive() {
		context.withPropertyValues("fieldnotes.summary.url=", "fieldnotes.summary.api-key=sk-unused")
			.run(app -> assertThat(app.getBean(Summarizer.class)).isExactlyInstanceOf(ExtractiveSummarizer.class));
	}

	@Test
	void aUrlTurnsTheEndpointOnWithATenSecondDefaultTimeout() {
		context.withPropertyValues("fieldnotes.summary.url=https://llm.example/v1/chat/completions",
				"fieldnotes.summary.model=m", "fieldnotes.summary.api-key=sk-secret").run(app -> {
					assertThat(app.getBean(Summarizer.class)).isExactlyInstanceOf(ChatCompletionsSummarizer.class);
					SummarySettings settings = app.getBean(SummarySettings.class);
					assertThat(settings.timeout()).hasSeconds(10);
					assertThat(settings.toString()).doesNotContain("sk-secret");
				});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SummarySettings.class)
	static class Settings {

		@Bean
		MessageSource messageSource() {
			return SummaryMessages.bundle();
		}
	}
}
