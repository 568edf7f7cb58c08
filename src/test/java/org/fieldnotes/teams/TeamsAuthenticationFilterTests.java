package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.ServletRequest;

/** The filter in development mode (no token checked) and its limits, which hold in either mode. */
class TeamsAuthenticationFilterTests {

	private final List<ServletRequest> passed = new ArrayList<>();

	@Test
	void inDevelopmentModeAnActivityWithoutATokenIsHandedOnWithItsBodyReadable() throws Exception {
		TeamsAuthenticationFilter filter = new TeamsAuthenticationFilter(null, 1024);
		String body = TeamsStub.install("29:1AbCdEfGhIjKlMn", "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15");

		MockHttpServletResponse response = post(filter, body);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(passed).singleElement().satisfies(r -> {
			assertThat(r.getAttribute(TeamsAuthenticationFilter.ACTIVITY)).isInstanceOf(TeamsActivity.class);
			assertThat(new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
		});
	}

	@Test
	void evenInDevelopmentModeABodyThatIsNoActivityOrTooLargeIsRefused() throws Exception {
		TeamsAuthenticationFilter filter = new TeamsAuthenticationFilter(null, 1024);

		assertThat(post(filter, "[1, 2]").getStatus()).isEqualTo(400);
		assertThat(post(filter, "{\"type\":\"message\",\"text\":\"" + "x".repeat(2000) + "\"}").getStatus())
			.isEqualTo(413);
		assertThat(passed).isEmpty();
	}

	private MockHttpServletResponse post(TeamsAuthenticationFilter filter, String body) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/teams/messages");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		request.setContentType("application/json");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, (req, res) -> passed.add(req));
		return response;
	}
}
