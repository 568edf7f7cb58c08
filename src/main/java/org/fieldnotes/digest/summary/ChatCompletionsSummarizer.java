package org.fieldnotes.digest.summary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.util.StringUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks an OpenAI-compatible chat-completions endpoint for the summary. It receives an instruction in the
 * recipient's language and the texts it is given, nothing else; any failure (time-out, refusal, an answer that is
 * not what was asked for) falls back to the extractive summary and is logged by its class only.
 */
public class ChatCompletionsSummarizer implements Summarizer {

	/** Between two entries in the user message. */
	static final String SEPARATOR = "\n\n---\n\n";
	/** The longest answer used; a longer one is cut at a word boundary. */
	static final int MAX_ANSWER_LENGTH = 480;

	private static final Logger log = LoggerFactory.getLogger(ChatCompletionsSummarizer.class);

	private final SummarySettings settings;
	private final Summarizer fallback;
	private final MessageSource messages;
	private final HttpClient http;
	private final JsonMapper json = JsonMapper.builder().build();

	public ChatCompletionsSummarizer(SummarySettings settings, Summarizer fallback, MessageSource messages) {
		this.settings = settings;
		this.fallback = fallback;
		this.messages = messages;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public Optional<String> summarize(List<String> entries, Locale locale) {
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(ask(entries, locale));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			log.warn("Summary endpoint failed ({}); using the extractive summary", e.getClass().getSimpleName());
		}
		catch (Exception e) {
			// the class only: messages of parse failures can contain what was read
			Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
			log.warn("Summary endpoint failed ({}); using the extractive summary", cause.getClass().getSimpleName());
		}
		return fallback.summarize(entries, locale);
	}

	private String ask(List<String> entries, Locale locale)
			throws IOException, InterruptedException, ExecutionException, TimeoutException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url().strip()))
			.timeout(settings.timeout())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(entries, locale)),
					StandardCharsets.UTF_8));
		if (StringUtils.hasText(settings.apiKey())) {
			request.header("Authorization", "Bearer " + settings.apiKey().strip());
		}
		CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpResponse<String> response;
		try {
			// one deadline for the whole answer, body included
			response = pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			pending.cancel(true);
			throw e;
		}
		if (response.statusCode() / 100 != 2) {
			throw new SummaryEndpointRefused();
		}
		JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
		if (!content.isString() || content.asString().isBlank()) {
			throw new SummaryEndpointAnsweredNothing();
		}
		return ExtractiveSummarizer.cut(content.asString().strip().replaceAll("\\s+", " "), MAX_ANSWER_LENGTH);
	}

	private ObjectNode body(List<String> entries, Locale locale) {
		ObjectNode body = json.createObjectNode();
		body.put("model", settings.model() == null ? "" : settings.model());
		ArrayNode messageList = body.putArray("messages");
		messageList.addObject().put("role", "system").put("content", messages.getMessage("summary.instruction", null, locale));
		messageList.addObject().put("role", "user").put("content", String.join(SEPARATOR, entries));
		return body;
	}

	/** The endpoint answered with a status other than 2xx. */
	static final class SummaryEndpointRefused extends RuntimeException {

		SummaryEndpointRefused() {
			super(null, null, false, false);
		}
	}

	/** The endpoint's answer had no summary in {@code choices[0].message.content}. */
	static final class SummaryEndpointAnsweredNothing extends RuntimeException {

		SummaryEndpointAnsweredNothing() {
			super(null, null, false, false);
		}
	}
}
