package org.fieldnotes.text;

import java.time.Duration;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@code messageSource}: an {@link IcuMessageSource} set up from {@code spring.messages} (base
 * names, encoding, fallback, cache, message-format flags) as Spring Boot sets up its own, which steps aside for a
 * bean of this name.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		IcuMessageSource source = new IcuMessageSource();
		source.setBasenames(properties.getBasename().toArray(String[]::new));
		if (properties.getEncoding() != null) {
			source.setDefaultEncoding(properties.getEncoding().name());
		}
		source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		Duration cacheDuration = properties.getCacheDuration();
		if (cacheDuration != null) {
			source.setCacheMillis(cacheDuration.toMillis());
		}
		source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return source;
	}
}
