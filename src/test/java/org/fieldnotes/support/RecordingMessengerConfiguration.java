package org.fieldnotes.support;

import org.fieldnotes.chat.Messenger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Wraps the application's {@link Messenger} in a {@link RecordingMessenger}. */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingMessengerConfiguration {

	@Bean
	static BeanPostProcessor recordingMessenger() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof Messenger messenger && !(bean instanceof RecordingMessenger)
						? new RecordingMessenger(messenger) : bean;
			}
		};
	}
}
