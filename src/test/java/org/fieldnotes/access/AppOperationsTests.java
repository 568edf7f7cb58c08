package org.fieldnotes.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.fieldnotes.commands.Subcommand;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.slack.api.bolt.App;

/**
 * Completeness: everything the running app handles has an {@link Operation} with a rule. Found from the app itself:
 * the {@link Subcommand} beans, the Spring MVC handler mappings of our controllers, and what the listeners registered
 * on the Bolt app (slash commands, actions, views, shortcuts, events). A listener, subcommand or endpoint added
 * without an operation fails here.
 */
class AppOperationsTests extends IntegrationTest {

	/** Bolt handler kinds we do not know how to decide; the app registers none. */
	private static final List<String> UNUSED_BOLT_HANDLERS = List.of("blockSuggestionHandlers", "viewClosedHandlers",
			"globalShortcutHandlers", "attachmentActionHandlers", "dialogSubmissionHandlers",
			"dialogSuggestionHandlers", "dialogCancellationHandlers", "workflowStepEditHandlers",
			"workflowStepSaveHandlers", "workflowStepExecuteHandlers");

	@Autowired
	List<Subcommand> subcommands;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	App app;

	@Test
	void everythingTheAppHandlesHasAnOperationWithARule() throws Exception {
		Map<Surface, Set<String>> handled = handled();

		assertThat(OperationCoverage.missing(handled, AccessPolicy::rule)).isEmpty();
		// and the discovery itself found something on every surface it looks at
		assertThat(handled.get(Surface.SUBCOMMAND)).contains("log", "erase", "help");
		assertThat(handled.get(Surface.HTTP)).contains("GET /api/v1/placements/{id}/entries", "GET /r/{token}");
		assertThat(handled.get(Surface.ACTION)).contains("entry_acknowledge", "visibility_[a-z]+");
		assertThat(handled.get(Surface.VIEW_SUBMISSION)).contains("entry_reply", "fieldnotes_enrol");
		assertThat(handled.get(Surface.EVENT)).contains("app_home_opened", "message");
		assertThat(handled.get(Surface.SHORTCUT)).contains("save_to_logbook");
		assertThat(handled.get(Surface.SLASH_COMMAND)).contains("/fieldnotes");
	}

	@Test
	void theAppRegistersNoBoltHandlerKindThePolicyDoesNotKnow() throws Exception {
		for (String field : UNUSED_BOLT_HANDLERS) {
			assertThat(boltHandlers(field)).as(field).isEmpty();
		}
	}

	/** Every operation a request can reach is handled by the app (no stale constants), except the internal ones. */
	@Test
	void everyOperationIsSomethingTheAppHandles() throws Exception {
		Map<Surface, Set<String>> handled = handled();
		for (Operation operation : Operation.values()) {
			if (operation.surface() == Surface.INTERNAL || operation == Operation.COMMAND_DIGEST_PREVIEW_OF) {
				continue;
			}
			assertThat(handled.getOrDefault(operation.surface(), Set.of())).as(operation.name()).contains(operation.id());
		}
	}

	private Map<Surface, Set<String>> handled() throws Exception {
		Map<Surface, Set<String>> handled = new EnumMap<>(Surface.class);
		Set<String> commands = new TreeSet<>(List.of("help")); // answered by the dispatcher itself
		subcommands.forEach(s -> commands.add(s.name()));
		handled.put(Surface.SUBCOMMAND, commands);
		handled.put(Surface.HTTP, endpoints());
		handled.put(Surface.SLASH_COMMAND, ids(boltHandlers("slashCommandHandlers").keySet()));
		handled.put(Surface.ACTION, ids(boltHandlers("blockActionHandlers").keySet()));
		handled.put(Surface.VIEW_SUBMISSION, ids(boltHandlers("viewSubmissionHandlers").keySet()));
		handled.put(Surface.SHORTCUT, ids(boltHandlers("messageShortcutHandlers").keySet()));
		Set<String> events = new TreeSet<>();
		boltHandlers("eventHandlers").keySet().forEach(key -> events.add((String) key));
		handled.put(Surface.EVENT, events);
		return handled;
	}

	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			if (!mapping.getValue().getBeanType().getPackageName().startsWith("org.fieldnotes")) {
				continue;
			}
			var methods = mapping.getKey().getMethodsCondition().getMethods();
			assertThat(methods).as("an HTTP method for " + mapping.getKey()).isNotEmpty();
			for (var method : methods) {
				for (String pattern : mapping.getKey().getPatternValues()) {
					endpoints.add(method.name() + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	private static Set<String> ids(Set<?> patterns) {
		Set<String> ids = new TreeSet<>();
		patterns.forEach(p -> ids.add(OperationCoverage.id((Pattern) p)));
		return ids;
	}

	private Map<?, ?> boltHandlers(String field) throws Exception {
		Field handlers = App.class.getDeclaredField(field);
		handlers.setAccessible(true);
		return (Map<?, ?>) handlers.get(app);
	}
}
