package org.fieldnotes.slack;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on how Slack is connected. A blank variable counts as unset (Compose passes {@code FOO=} as empty).
 */
final class SlackModes {

	private SlackModes() {
	}

	private static boolean present(ConditionContext context, String name) {
		return Binder.get(context.getEnvironment())
			.bind("fieldnotes.slack." + name, String.class)
			.map(value -> !value.isBlank())
			.orElse(false);
	}

	/** A bot token is configured. */
	static class Connected implements Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return present(context, "bot-token");
		}
	}

	/** Slack reaches us over HTTP at /slack/events: a bot token and no app-level token. */
	static class Http implements Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return present(context, "bot-token") && !present(context, "app-token");
		}
	}

	/** Socket Mode: a bot token and an app-level token. */
	static class Socket implements Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return present(context, "bot-token") && present(context, "app-token");
		}
	}
}
