package org.fieldnotes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldnotes.support.SlackStub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Slack misbehaving for the fault-injection suites: {@code chat.postMessage} to a recipient answers with planned
 * faults, in order, and then normally. Each fault's stub is tagged, so WireMock's request journal says how often
 * Slack actually answered with it: a suite whose faults silently stopped firing fails on {@link #answered()}.
 */
final class SlackFaults {

	/** What Slack does to one request. */
	enum Kind {
		/** HTTP 429 with {@code Retry-After: 1}. */
		RATE_LIMITED("429 Retry-After"),
		/** HTTP 500: Slack may or may not have posted it (the adapter cannot know). */
		SERVER_ERROR("500"),
		/** HTTP 503. */
		UNAVAILABLE("503"),
		/** The connection reset after the request was written; Slack did not post it. */
		RESET("reset"),
		/** The answer comes after 150 ms. */
		SLOW("slow answer"),
		/** Slack posted the message, then the connection reset before the answer: it arrives, unknown to us. */
		ACCEPTED_THEN_RESET("accepted, then reset"),
		/** {@code channel_not_found}, every time. */
		CHANNEL_NOT_FOUND("channel_not_found");

		final String label;

		Kind(String label) {
			this.label = label;
		}

		/** Whether Fieldnotes cannot tell if the message was posted: a retry may deliver it twice. */
		boolean ambiguous() {
			return this == SERVER_ERROR || this == RESET || this == ACCEPTED_THEN_RESET;
		}
	}

	private static final String FAULT = "fault";
	private static final String ACCEPTED = "accepted";

	private final Map<String, List<Kind>> planned = new LinkedHashMap<>();

	/** Stubs these faults for the recipient's next requests, in this order; CHANNEL_NOT_FOUND stays for good. */
	void plan(String recipient, Kind... faults) {
		planned.put(recipient, List.of(faults));
		String scenario = "faults-" + recipient;
		String state = STARTED;
		for (int i = 0; i < faults.length; i++) {
			Kind fault = faults[i];
			var stub = post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + recipient))
				.withMetadata(Metadata.metadata().attr(FAULT, fault.name()).attr(ACCEPTED, fault == Kind.ACCEPTED_THEN_RESET));
			if (fault == Kind.CHANNEL_NOT_FOUND) {
				SlackStub.server().stubFor(stub.willReturn(answer(fault, recipient)));
				continue;
			}
			String next = i + 1 < faults.length ? "after-" + i : "done";
			SlackStub.server()
				.stubFor(stub.inScenario(scenario).whenScenarioStateIs(state).willSetStateTo(next)
					.willReturn(answer(fault, recipient)));
			state = next;
		}
	}

	private static ResponseDefinitionBuilder answer(Kind fault, String recipient) {
		return switch (fault) {
			case RATE_LIMITED -> aResponse().withStatus(429)
				.withHeader("Retry-After", "1")
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":false,\"error\":\"ratelimited\"}");
			case SERVER_ERROR -> aResponse().withStatus(500);
			case UNAVAILABLE -> aResponse().withStatus(503);
			case RESET, ACCEPTED_THEN_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
			case SLOW -> aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withFixedDelay(150)
				.withBody("{\"ok\":true,\"channel\":\"D" + recipient
						+ "\",\"ts\":\"{{now format='epoch'}}.{{randomValue length=6 type='NUMERIC'}}\"}");
			case CHANNEL_NOT_FOUND -> aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":false,\"error\":\"channel_not_found\"}");
		};
	}

	/** Recipients whose every message Slack refuses for good. */
	Set<String> permanent() {
		return recipientsWith(Kind.CHANNEL_NOT_FOUND);
	}

	/** Recipients Slack posted a message to without Fieldnotes hearing of it. */
	Set<String> acceptedThenReset() {
		return recipientsWith(Kind.ACCEPTED_THEN_RESET);
	}

	/** Recipients with a send whose outcome Fieldnotes could not know. */
	Set<String> ambiguous() {
		return planned.entrySet()
			.stream()
			.filter(e -> e.getValue().stream().anyMatch(Kind::ambiguous))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private Set<String> recipientsWith(Kind kind) {
		return planned.entrySet()
			.stream()
			.filter(e -> e.getValue().contains(kind))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * How often each fault was planned: one answer each, but {@code channel_not_found} once for each of the
	 * recipient's messages (each is given up at once).
	 */
	Map<Kind, Long> expected(int messagesEach) {
		Map<Kind, Long> expected = new EnumMap<>(Kind.class);
		planned.values()
			.forEach(faults -> faults.forEach(
					f -> expected.merge(f, f == Kind.CHANNEL_NOT_FOUND ? (long) messagesEach : 1L, Long::sum)));
		return expected;
	}

	/** How often Slack answered with each fault, from WireMock's journal. */
	static Map<Kind, Long> answered() {
		Map<Kind, Long> answered = new EnumMap<>(Kind.class);
		for (ServeEvent event : postMessages()) {
			Metadata tags = event.getStubMapping() == null ? null : event.getStubMapping().getMetadata();
			if (tags != null && tags.getString(FAULT, null) != null) {
				answered.merge(Kind.valueOf(tags.getString(FAULT)), 1L, Long::sum);
			}
		}
		return answered;
	}

	/** "429 Retry-After ×45   500 ×45 …": the answers of the journal, for the printed figures. */
	static String answeredLine() {
		return answered().entrySet()
			.stream()
			.map(e -> e.getKey().label + " ×" + e.getValue())
			.collect(Collectors.joining("   "));
	}

	/**
	 * Per recipient (member id starting with the prefix), how many of its messages Slack posted: answered
	 * {@code ok}, or posted before the connection was reset.
	 */
	static Map<String, Integer> posted(String prefix) {
		return posted("channel", prefix);
	}

	/** As {@link #posted(String)}, per value of another form field (e.g. {@code text}: per message). */
	static Map<String, Integer> posted(String field, String prefix) {
		Map<String, Integer> posted = new LinkedHashMap<>();
		for (ServeEvent event : postMessages()) {
			Metadata tags = event.getStubMapping() == null ? null : event.getStubMapping().getMetadata();
			boolean accepted = tags != null && Boolean.TRUE.equals(tags.getBoolean(ACCEPTED, false));
			String body = event.getResponse() == null ? null : event.getResponse().getBodyAsString();
			boolean ok = event.getResponse() != null && event.getResponse().getStatus() == 200 && body != null
					&& body.contains("\"ok\":true");
			String value = formField(event.getRequest().getBodyAsString(), field);
			if ((accepted || ok) && value != null && value.startsWith(prefix)) {
				posted.merge(value, 1, Integer::sum);
			}
		}
		return posted;
	}

	/** Every {@code chat.postMessage} Slack received, oldest first. */
	static List<ServeEvent> postMessages() {
		List<ServeEvent> events = new ArrayList<>(SlackStub.server().getAllServeEvents());
		events.removeIf(e -> !e.getRequest().getUrl().equals("/api/chat.postMessage"));
		// the journal is newest first; the sort keeps that order reversed among requests of the same millisecond
		java.util.Collections.reverse(events);
		events.sort(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()));
		return events;
	}

	static String formField(String body, String name) {
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}
}
