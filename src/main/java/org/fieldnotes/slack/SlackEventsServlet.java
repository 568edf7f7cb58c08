package org.fieldnotes.slack;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * {@code /slack/events}, in place of Bolt's {@code SlackAppServlet}, which answers a body it cannot read with a 500
 * and an ERROR stack trace (a JSON array, an envelope without its event, {@code payload=} that is not JSON or lacks
 * its user, a field of the wrong type). Here every request that got past the signature check gets a clean answer:
 * <ul>
 * <li>a body Bolt cannot read or bind: {@code 400 {"ok":false,"error":"invalid_payload"}}, logged at WARN with the
 * exception's class only (never the body);</li>
 * <li>the store unreachable (a {@link DataAccessException} anywhere below a listener):
 * {@code 503 {"ok":false,"error":"store_unavailable"}}, so Slack retries the request later;</li>
 * <li>anything else a listener throws is a bug of ours: 500, logged at ERROR by class and place, without the
 * exception's message (it could quote what someone wrote).</li>
 * </ul>
 */
class SlackEventsServlet extends HttpServlet {

	private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

	private final transient App app;
	private final transient SlackAppServletAdapter adapter;

	SlackEventsServlet(App app) {
		this.app = app;
		this.adapter = new SlackAppServletAdapter(app.config());
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Request<?> slackRequest;
		try {
			slackRequest = adapter.buildSlackRequest(request);
		}
		catch (RuntimeException e) {
			// Bolt's parser: malformed JSON, a form payload that is not JSON, a payload without user or event
			invalid(response, e);
			return;
		}
		if (slackRequest == null) {
			invalid(response, null);
			return;
		}
		Response answer;
		try {
			answer = app.run(slackRequest);
		}
		catch (Exception e) {
			if (causedBy(e, DataAccessException.class) != null) {
				log.warn("Store unavailable; asking Slack to retry the {} request: {}", slackRequest.getRequestType(),
						causedBy(e, DataAccessException.class).getClass().getSimpleName());
				write(response, 503, "store_unavailable");
			}
			else if (causedBy(e, JsonParseException.class) != null) {
				invalid(response, e);
			}
			else {
				StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
				log.error("A {} request failed: {} at {}", slackRequest.getRequestType(), e.getClass().getName(), where);
				write(response, 500, "internal_error");
			}
			return;
		}
		adapter.writeResponse(response, answer);
	}

	private static void invalid(HttpServletResponse response, Exception e) throws IOException {
		log.warn("Refused a Slack request that could not be read: {}",
				e == null ? "not a Slack request" : e.getClass().getSimpleName());
		write(response, 400, "invalid_payload");
	}

	private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return t;
			}
		}
		return null;
	}

	private static void write(HttpServletResponse response, int status, String error) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"ok\":false,\"error\":\"" + error + "\"}");
	}
}
