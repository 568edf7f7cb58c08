package org.fieldnotes.slack;

import java.io.IOException;

import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The HTTP client under the Slack SDK (the SDK's own OkHttp client), changed in two ways so that the outcome of a
 * send can be known:
 * <ul>
 * <li>A {@code chat.postMessage} is never sent again by OkHttp itself once any of it may have gone out. OkHttp
 * repeats a request on a failed connection by default, POSTs included; Slack has no idempotency key, so that would
 * post a message twice without anyone seeing it. A failure to connect still moves on to Slack's next address.</li>
 * <li>A call that failed before its request went out (connection refused, connect timeout, unknown host, a failed
 * TLS handshake) fails with {@link NotSent}. Any other failure happened after the request was on its way: Slack
 * may have posted the message.</li>
 * </ul>
 */
final class SlackHttp {

	private SlackHttp() {
	}

	static SlackHttpClient client(SlackConfig config) {
		OkHttpClient sdk = SlackHttpClient.buildOkHttpClient(config);
		return new SlackHttpClient(sdk.newBuilder()
			.addInterceptor(SlackHttp::tracked)
			.addNetworkInterceptor(SlackHttp::goingOut)
			.build());
	}

	/** Whether this failure is known to have happened before any of the request went out. */
	static boolean notSent(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof NotSent) {
				return true;
			}
		}
		return false;
	}

	/** A call that failed before its request was written: Slack has certainly not received it. */
	static final class NotSent extends IOException {

		NotSent(IOException cause) {
			super("not sent: " + cause.getClass().getSimpleName(), cause);
		}
	}

	/** Whether a connection was reached and the request started on its way; one per call. */
	private static final class Attempt {
		volatile boolean wentOut;
	}

	private static Response tracked(Interceptor.Chain chain) throws IOException {
		Request request = chain.request();
		Attempt attempt = new Attempt();
		Request.Builder tracked = request.newBuilder().tag(Attempt.class, attempt);
		if (request.body() != null && request.url().encodedPath().endsWith("/chat.postMessage")) {
			tracked.method(request.method(), new OneShot(request.body()));
		}
		try {
			return chain.proceed(tracked.build());
		}
		catch (IOException e) {
			throw attempt.wentOut ? e : new NotSent(e);
		}
	}

	/** A network interceptor runs once a connection is open, just before the request is written. */
	private static Response goingOut(Interceptor.Chain chain) throws IOException {
		Attempt attempt = chain.request().tag(Attempt.class);
		if (attempt != null) {
			attempt.wentOut = true;
		}
		return chain.proceed(chain.request());
	}

	/** The same body, marked one-shot: OkHttp does not send it again after a failure once it started writing it. */
	private static final class OneShot extends RequestBody {

		private final RequestBody body;

		OneShot(RequestBody body) {
			this.body = body;
		}

		@Override
		public MediaType contentType() {
			return body.contentType();
		}

		@Override
		public long contentLength() throws IOException {
			return body.contentLength();
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			body.writeTo(sink);
		}

		@Override
		public boolean isOneShot() {
			return true;
		}
	}
}
