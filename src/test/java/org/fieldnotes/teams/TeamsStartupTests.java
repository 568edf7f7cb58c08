package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.fieldnotes.placement.PlacementManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Configuration;

/** What the Teams wiring does at start: off, on, and the development flag's guard and warning. */
@ExtendWith(OutputCaptureExtension.class)
class TeamsStartupTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, TeamsConfiguration.class)
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(TeamsConversations.class, () -> new TeamsConversations(null))
		.withBean(TeamsInstalls.class, () -> new TeamsInstalls(null, event -> { }, Clock.systemUTC()))
		.withBean(PlacementManagement.class, () -> org.mockito.Mockito.mock(PlacementManagement.class))
		.withBean(TeamsForms.class, () -> new TeamsForms(Clock.systemUTC()))
		// what handles activities is TeamsChat, which needs the whole application: here, one that acknowledges
		.withBean(TeamsActivities.class, () -> activity -> TeamsReply.ok());

	@Test
	void withoutCredentialsTeamsIsOffAndSaysSo(CapturedOutput output) {
		runner.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
			assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
			assertThat(context.getBean(TeamsMessenger.class).connected()).isFalse();
		});
		assertThat(output).contains("Microsoft Teams is off");
	}

	@Test
	void withCredentialsTheEndpointStandsBehindTheTokenCheck(CapturedOutput output) {
		runner.withPropertyValues("fieldnotes.teams.app-id=app", "fieldnotes.teams.app-password=secret").run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ServletRegistrationBean.class);
			assertThat(context.getBean(TeamsMessenger.class).connected()).isTrue();
		});
		assertThat(output).contains("Microsoft Teams is on").doesNotContain("secret");
	}

	@Test
	void theDevelopmentFlagStopsStartUpOnEveryInterface() {
		runner.withPropertyValues("fieldnotes.teams.dev-unauthenticated=true").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("loopback only");
		});
	}

	@Test
	void theDevelopmentFlagOnLoopbackWarnsAtEveryStart(CapturedOutput output) {
		runner.withPropertyValues("fieldnotes.teams.dev-unauthenticated=true", "server.address=127.0.0.1")
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(ServletRegistrationBean.class));
		assertThat(output).contains("WARN").contains("TEAMS_DEV_UNAUTHENTICATED=true");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ TeamsSettings.class, TeamsGraphSettings.class })
	static class Settings {
	}
}
