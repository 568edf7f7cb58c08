package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.admin.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The token filter on its own: the bootstrap token needs no store; a stored token with the store down is a 503. */
class ApiTokenFilterTests {

	private final ApiTokens tokens = mock(ApiTokens.class);

	@Test
	void theBootstrapTokenIsCheckedWithoutTouchingTheStore() throws Exception {
		MockHttpServletResponse response = run(new ApiTokenFilter("secret", tokens, new AccessPolicy(account -> false, account -> java.util.Optional.empty()), null), "Bearer secret");

		assertThat(response.getStatus()).isEqualTo(200);
		verify(tokens, never()).verify(anyString());
		verify(tokens, never()).anyActive();
	}

	@Test
	void aStoreOutageIs503NotA500() throws Exception {
		when(tokens.verify(anyString())).thenThrow(new DataAccessResourceFailureException("down"));

		MockHttpServletResponse response = run(new ApiTokenFilter("secret", tokens, new AccessPolicy(account -> false, account -> java.util.Optional.empty()), null), "Bearer fn_something");

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("fn_something");
	}

	@Test
	void aRequestThatIsNoOperationIs404AndNeverReachesTheChain() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/nothing-here");
		request.addHeader("Authorization", "Bearer secret");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		new ApiTokenFilter("secret", tokens, new AccessPolicy(account -> false, account -> java.util.Optional.empty()), null).doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(chain.getRequest()).as("the request went no further").isNull();
	}

	private static MockHttpServletResponse run(ApiTokenFilter filter, String authorization) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/placements");
		request.addHeader("Authorization", authorization);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}
}
