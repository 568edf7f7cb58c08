package org.fieldnotes.support;

import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.PlatformMessenger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the application's {@link Messenger} (the one everyone injects, which routes by platform) in a
 * {@link RecordingMessenger}. The platforms' own messengers stay as they are: the router needs them as they are.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingMessengerConfiguration {

	@Bean
	static BeanPostProcessor recordingMessenger() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof Messenger messenger && !(bean instanceof PlatformMessenger)
						&& !(bean instanceof RecordingMessenger) ? new RecordingMessenger(messenger) : bean;
			}
		};
	}
}
