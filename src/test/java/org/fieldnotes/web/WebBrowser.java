package org.fieldnotes.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser for the web chat's tests: its own cookies (so its own session), no redirects followed, and the CSRF
 * token read from the last page it got, as a page's forms carry it.
 */
final class WebBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final int port;
	private final HttpClient http;
	private String csrf;

	WebBrowser(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	HttpClient client() {
		return http;
	}

	HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
		remember(response.body());
		return response;
	}

	/** GET, expecting the page: its body. */
	String page(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** Posts a form with the page's CSRF token, as the page's forms do. */
	HttpResponse<String> post(String path, String... fields) {
		Map<String, List<String>> form = form(fields);
		if (csrf == null) {
			page("/");
		}
		form.put("_csrf", List.of(csrf));
		return postRaw(path, form);
	}

	/** Posts a form as it is given (no CSRF token added). */
	HttpResponse<String> postRaw(String path, Map<String, List<String>> form) {
		String body = form.entrySet().stream()
			.flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	static Map<String, List<String>> form(String... fields) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.computeIfAbsent(fields[i], k -> new java.util.ArrayList<>()).add(fields[i + 1]);
		}
		return form;
	}

	private void remember(String body) {
		Matcher matcher = CSRF.matcher(body);
		Matcher meta = CSRF_META.matcher(body);
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
		else if (meta.find()) {
			csrf = meta.group(1);
		}
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
