package org.fieldnotes.digest.summary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The digest's one summarizer: the endpoint's when {@code FIELDNOTES_SUMMARY_URL} is set, else extractive. */
@Configuration(proxyBeanMethods = false)
class SummaryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SummaryConfiguration.class);

	@Bean
	Summarizer summarizer(SummarySettings settings, MessageSource messages) {
		ExtractiveSummarizer extractive = new ExtractiveSummarizer(messages);
		if (!settings.endpointEnabled()) {
			log.info("Digest summaries are extractive (no FIELDNOTES_SUMMARY_URL)");
			return extractive;
		}
		log.info("Digest summaries come from the summary endpoint (timeout {}), extractive on failure",
				settings.timeout());
		return new ChatCompletionsSummarizer(settings, extractive, messages);
	}
}
