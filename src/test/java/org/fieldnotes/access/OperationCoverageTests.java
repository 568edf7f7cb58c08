package org.fieldnotes.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The completeness check can fail: a handled id without an operation, or an operation without a rule, is named. */
class OperationCoverageTests {

	@Test
	void aHandledIdWithoutAnOperationIsNamed() {
		assertThat(OperationCoverage.missing(Map.of(Surface.ACTION, Set.of("prompt_write", "fake_button"),
				Surface.SUBCOMMAND, Set.of("log", "fake-command"), Surface.HTTP, Set.of("GET /api/v1/fake")),
				AccessPolicy::rule))
			.containsExactlyInAnyOrder("ACTION fake_button: no Operation", "SUBCOMMAND fake-command: no Operation",
					"HTTP GET /api/v1/fake: no Operation");
	}

	@Test
	void anOperationWithoutARuleIsNamed() {
		assertThat(OperationCoverage.missing(Map.of(Surface.ACTION, Set.of("prompt_write", "prompt_skip")),
				operation -> operation == Operation.PROMPT_SKIP_BUTTON ? Set.of() : AccessPolicy.rule(operation)))
			.containsExactly("ACTION prompt_skip: PROMPT_SKIP_BUTTON has no rule");
	}

	@Test
	void boltPatternsReadAsOperationIds() {
		assertThat(OperationCoverage.id(Pattern.compile("^" + Pattern.quote("prompt_write") + "$")))
			.isEqualTo("prompt_write");
		assertThat(OperationCoverage.id(Pattern.compile("^" + Pattern.quote("visibility_") + "[a-z]+$")))
			.isEqualTo("visibility_[a-z]+");
	}

	@Test
	void httpRequestsFindTheirEndpoint() {
		assertThat(Operation.request("GET", "/api/v1/placements/p-1/entries")).contains(Operation.API_PLACEMENT_ENTRIES);
		assertThat(Operation.request("POST", "/api/v1/placements:import")).contains(Operation.API_IMPORT_PLACEMENTS);
		assertThat(Operation.request("DELETE", "/api/v1/people/email:ada@example.com")).contains(Operation.API_ERASE_PERSON);
		assertThat(Operation.request("GET", "/api/v1/nothing-here")).isEmpty();
	}
}
