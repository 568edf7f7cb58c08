package org.fieldnotes.teams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /teams/messages}: hands the activity {@link TeamsAuthenticationFilter} authenticated to the
 * {@link TeamsActivities} and answers with its reply. A request that did not pass the filter (none should get here)
 * is refused.
 */
class TeamsMessagesServlet extends HttpServlet {

	private static final Logger log = LoggerFactory.getLogger(TeamsMessagesServlet.class);

	private final transient TeamsActivities activities;

	TeamsMessagesServlet(TeamsActivities activities) {
		this.activities = activities;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(TeamsAuthenticationFilter.ACTIVITY) instanceof TeamsActivity activity)) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		TeamsReply reply;
		try {
			reply = activities.handle(activity);
		}
		catch (RuntimeException e) {
			// the exception's message may quote what someone wrote: its type only
			log.error("A Teams {} activity failed: {}", TeamsActivity.safe(activity.type()), e.getClass().getName());
			response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			return;
		}
		response.setStatus(reply.status());
		if (reply.body() != null) {
			response.setContentType("application/json");
			response.getOutputStream().write(reply.body().getBytes(StandardCharsets.UTF_8));
		}
	}
}
