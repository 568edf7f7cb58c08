package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Teams settings: when Teams is on, where tokens come from, and the development flag's guard. */
class TeamsSettingsTests {

	@Test
	void teamsIsOnWithAnAppIdAndPasswordOnly() {
		assertThat(settings("app", "secret", null, false).on()).isTrue();
		assertThat(settings("app", "", null, false).on()).isFalse();
		assertThat(settings(" ", "secret", null, false).on()).isFalse();
		assertThat(settings(null, null, null, false).on()).isFalse();
	}

	@Test
	void tokensComeFromTheBotsTenantOrTheLegacyMultiTenantAuthority() {
		assertThat(settings("app", "secret", "b4c8e1a2-3d5f-4a6b-8c9d-0e1f2a3b4c5d", false).tokenEndpoint())
			.hasToString("https://login.microsoftonline.com/b4c8e1a2-3d5f-4a6b-8c9d-0e1f2a3b4c5d/oauth2/v2.0/token");
		assertThat(settings("app", "secret", "", false).tokenEndpoint())
			.hasToString("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
		assertThat(settings("app", "secret", null, false).scope()).isEqualTo("https://api.botframework.com/.default");
	}

	@Test
	void theDevelopmentFlagIsRefusedOnAServerReachableFromOtherMachines() {
		TeamsSettings dev = settings(null, null, null, true);

		assertThatThrownBy(() -> dev.checkDevFlag(null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SERVER_ADDRESS=127.0.0.1");
		assertThatThrownBy(() -> dev.checkDevFlag("0.0.0.0")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> dev.checkDevFlag("192.168.1.10")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> dev.checkDevFlag("::")).isInstanceOf(IllegalStateException.class);
		assertThat(dev.on()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]" })
	void theDevelopmentFlagIsAcceptedOnLoopback(String address) {
		settings(null, null, null, true).checkDevFlag(address);
	}

	@Test
	void theDevelopmentFlagIsRefusedWithCredentials() {
		assertThatThrownBy(() -> settings("app", "secret", null, true).checkDevFlag("127.0.0.1"))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("TEAMS_APP_PASSWORD");
	}

	@Test
	void withoutTheFlagNothingIsChecked() {
		settings("app", "secret", null, false).checkDevFlag(null);
	}

	@Test
	void thePasswordIsNeverPrinted() {
		assertThat(settings("app", "s3cr3t-value", null, false).toString()).doesNotContain("s3cr3t");
	}

	private static TeamsSettings settings(String appId, String password, String tenant, boolean dev) {
		return new TeamsSettings(appId, password, tenant, TeamsSettings.OPENID_METADATA,
				"https://login.microsoftonline.com", "https://api.botframework.com",
				List.of("smba.trafficmanager.net"), dev, 1024);
	}
}
