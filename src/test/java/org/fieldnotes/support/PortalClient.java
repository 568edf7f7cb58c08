package org.fieldnotes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * One browser for the portal's HTTP tests (org.fieldnotes.portal, and the denied-actor cases): its own cookies, kept by hand because the session cookie is
 * {@code Secure} (the tests' public address is https) while the tests talk plain http to localhost, as a browser
 * does with localhost; no redirects followed; the CSRF token read from the last page it got.
 */
public final class PortalClient {

	/** The mailed sign-in link's page. */
	public static final String LINK = "/portal/sign-in/link";
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;
	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private final Map<String, String> cookies = new LinkedHashMap<>();
	private String csrf;

	public PortalClient(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(request(path).GET().build());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
		return response;
	}

	/** GET, expecting a page: its body. */
	public String page(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** Posts a form with the CSRF token of the last page, as its form does. */
	public HttpResponse<String> post(String path, String... fields) {
		if (csrf == null) {
			throw new AssertionError("No page with a CSRF token was opened before POST " + path);
		}
		String[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
		all[fields.length] = "_csrf";
		all[fields.length + 1] = csrf;
		return postRaw(path, all);
	}

	/** Posts a form exactly as given (no CSRF token added). */
	public HttpResponse<String> postRaw(String path, String... fields) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.computeIfAbsent(fields[i], k -> new java.util.ArrayList<>()).add(fields[i + 1]);
		}
		String body = form.entrySet().stream()
			.flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/**
	 * Signs in with a mailed link's token as a person does: opens the link's page, presses its button. Returns the
	 * answer to the button's POST.
	 */
	public HttpResponse<String> signInWith(String token) {
		page(LINK + "?token=" + enc(token));
		return post(LINK, "token", token);
	}

	/** The Location header of a redirect, without this server's scheme, host and port. */
	public static String location(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow(
				() -> new AssertionError("no Location in a " + response.statusCode()));
		return location.replaceFirst("^http://localhost:\\d+", "");
	}

	public String cookie(String name) {
		return cookies.get(name);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (!cookies.isEmpty()) {
			builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String name = pair.substring(0, eq).strip();
				String value = pair.substring(eq + 1).strip();
				if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			return response;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
