package org.fieldnotes.teams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.DeliveryFailed;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Files sent to a person in Teams (their data export), the way Teams lets a bot send a file in a 1:1 chat: a
 * file-consent card names the file and its size; when the person presses Allow, Teams answers with a place in their own
 * OneDrive to put it ({@code fileConsent/invoke}, with an upload URL that needs no token), Fieldnotes puts the bytes
 * there and posts a file card pointing to it. Until then the bytes are kept here, in memory only: for
 * {@link #KEPT}, for the conversation they were offered in, once. Declined, expired or sent, they are gone.
 *
 * <p>The upload URL comes in an activity whose token was good, but it is still only ever an {@code https} URL (or an
 * origin allowed for the connector, i.e. a test's stand-in), and nothing but the file goes to it: no token.
 */
class TeamsFiles {

	static final String CONSENT = "application/vnd.microsoft.teams.card.file.consent";
	static final String INFO = "application/vnd.microsoft.teams.card.file.info";
	/** The key the consent card's contexts carry, and Teams sends back. */
	static final String KEY = "fieldnotesFile";
	static final Duration KEPT = Duration.ofMinutes(15);
	private static final int MOST = 1_000;
	private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(60);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A file offered to {@code account} in the conversation {@code conversationId}. */
	record Offered(String key, ChatAccount account, String conversationId, byte[] bytes, String filename,
			Instant offeredAt) {
	}

	private final Map<String, Offered> offered = new ConcurrentHashMap<>();
	private final ServiceUrls connectorHosts;
	private final HttpClient http;
	private final Clock clock;

	TeamsFiles(ServiceUrls connectorHosts, HttpClient http, Clock clock) {
		this.connectorHosts = connectorHosts;
		this.http = http;
		this.clock = clock;
	}

	/** Keeps a file for the person to accept; returns the consent card's activity. */
	ObjectNode offer(ChatAccount account, String conversationId, byte[] bytes, String filename, String description) {
		forgetOld();
		String key = UUID.randomUUID().toString();
		offered.put(key, new Offered(key, account, conversationId, bytes.clone(), filename, clock.instant()));
		ObjectNode activity = JSON.createObjectNode();
		activity.put("type", "message");
		activity.put("summary", description);
		ObjectNode attachment = activity.putArray("attachments").addObject();
		attachment.put("contentType", CONSENT);
		attachment.put("name", filename);
		ObjectNode content = attachment.putObject("content");
		content.put("description", description);
		content.put("sizeInBytes", bytes.length);
		content.putObject("acceptContext").put(KEY, key);
		content.putObject("declineContext").put(KEY, key);
		return activity;
	}

	/** The file with this key, taken: only in the conversation it was offered in, only once, only while kept. */
	Optional<Offered> take(String conversationId, String key) {
		if (key == null || conversationId == null) {
			return Optional.empty();
		}
		Offered file = offered.get(key);
		if (file == null || !file.conversationId().equals(conversationId)
				|| !file.offeredAt().plus(KEPT).isAfter(clock.instant())) {
			return Optional.empty();
		}
		return offered.remove(key, file) ? Optional.of(file) : Optional.empty();
	}

	/** Puts the file at the upload URL Teams gave (the person's OneDrive), in one request. */
	void upload(Offered file, String uploadUrl) {
		URI uri = uploadUri(uploadUrl);
		byte[] bytes = file.bytes();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(UPLOAD_TIMEOUT)
			.header("Content-Range", "bytes 0-" + (bytes.length - 1) + "/" + bytes.length)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
		HttpResponse<Void> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException e) {
			throw new DeliveryFailed("teams_upload_failed", DeliveryFailed.Kind.TRANSIENT, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed("teams_upload_failed", DeliveryFailed.Kind.TRANSIENT, e);
		}
		if (response.statusCode() / 100 != 2) {
			throw new DeliveryFailed("teams_upload_failed_" + response.statusCode(), DeliveryFailed.Kind.PERMANENT,
					null);
		}
	}

	/** The file card after an upload: the file as it now is in their OneDrive. */
	static ObjectNode infoCard(String contentUrl, String name, String uniqueId, String fileType) {
		ObjectNode activity = JSON.createObjectNode();
		activity.put("type", "message");
		ObjectNode attachment = activity.putArray("attachments").addObject();
		attachment.put("contentType", INFO);
		attachment.put("contentUrl", contentUrl);
		attachment.put("name", name);
		ObjectNode content = attachment.putObject("content");
		content.put("uniqueId", uniqueId);
		content.put("fileType", fileType);
		return activity;
	}

	private URI uploadUri(String uploadUrl) {
		URI uri;
		try {
			uri = uploadUrl == null ? null : URI.create(uploadUrl.strip());
		}
		catch (IllegalArgumentException e) {
			uri = null;
		}
		boolean https = uri != null && uri.getHost() != null && uri.getRawUserInfo() == null
				&& "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT));
		if (!https && !connectorHosts.allowed(uploadUrl)) {
			throw new DeliveryFailed("teams_upload_url_refused", DeliveryFailed.Kind.PERMANENT, null);
		}
		return uri;
	}

	private void forgetOld() {
		Instant oldest = clock.instant().minus(KEPT);
		offered.values().removeIf(f -> f.offeredAt().isBefore(oldest));
		if (offered.size() >= MOST) {
			offered.values().stream().min(java.util.Comparator.comparing(Offered::offeredAt))
				.ifPresent(f -> offered.remove(f.key()));
		}
	}
}
