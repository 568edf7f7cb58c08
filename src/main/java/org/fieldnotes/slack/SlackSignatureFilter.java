package org.fieldnotes.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fieldnotes.servlet.CachedBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies Slack's request signature before anything reads the request: HMAC-SHA256 over
 * {@code v0:<timestamp>:<raw body>}, compared in constant time, with the timestamp no more than 5 minutes away
 * from now in either direction. Stricter than Bolt's own check (which accepts future timestamps and compares with
 * {@code String.equals}); every request, {@code ssl_check} included, must pass it. The verified body is handed on
 * to Bolt unchanged.
 */
class SlackSignatureFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SlackSignatureFilter.class);
	static final Duration MAX_SKEW = Duration.ofMinutes(5);

	private final byte[] signingSecret;
	private final int maxBodyBytes;
	private final Clock clock;

	SlackSignatureFilter(String signingSecret, int maxBodyBytes, Clock clock) {
		this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
		this.maxBodyBytes = maxBodyBytes;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBodyBytes) {
			refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body_too_large");
			return;
		}
		byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
		if (body.length > maxBodyBytes) {
			refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body_too_large");
			return;
		}
		String problem = problem(request.getHeader("X-Slack-Request-Timestamp"),
				request.getHeader("X-Slack-Signature"), body);
		if (problem != null) {
			log.warn("Refused a request to {}: {}", request.getRequestURI(), problem);
			refuse(response, HttpServletResponse.SC_UNAUTHORIZED, problem);
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	/** Why a request is refused, or {@literal null} when its signature is good. */
	String problem(String timestamp, String signature, byte[] body) {
		if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
			return "missing_signature_headers";
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException e) {
			return "bad_timestamp";
		}
		long now = clock.instant().getEpochSecond();
		// compared as a range, not Math.abs(now - seconds), which overflows for timestamps near Long.MIN_VALUE
		if (seconds < now - MAX_SKEW.toSeconds() || seconds > now + MAX_SKEW.toSeconds()) {
			return "stale_or_future_timestamp";
		}
		byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
			return "bad_signature";
		}
		return null;
	}

	String sign(String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	private static void refuse(HttpServletResponse response, int status, String error) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.getWriter().write("{\"ok\":false,\"error\":\"" + error + "\"}");
	}
}
