package org.fieldnotes.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring Security for the web pages only: one filter chain for {@code /}, {@code /try/**}, {@code /chat/**} and the
 * page's static files, with CSRF protection (a token in every form, and in the {@code X-CSRF-TOKEN} header htmx sends),
 * a strict Content-Security-Policy (everything from this origin only, no inline script or style, no framing) and the
 * usual headers. Nobody signs in: what a session may do in the chat is the personas it was given
 * ({@link WebVisitor}).
 * <p>
 * The portal ({@code /portal/**}) has a filter chain of its own ({@code org.fieldnotes.portal.PortalSecurity}); the
 * security filter is registered for these paths and the portal's alone ({@link #PATHS}), so every other path
 * ({@code /slack/events}, {@code /api/**}, {@code /links/**}, {@code /actuator/**}) is served exactly as without it:
 * no session, no CSRF check, no login page, no firewall. There is no user store either (its auto-configuration is
 * excluded in {@code application.yml}, so no password is generated).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurity {

	/** The servlet paths the security filter sees: these pages', and the portal's (its own filter chain). */
	static final String[] PATHS = { "/", "/try", "/try/*", "/chat", "/chat/*", "/webjars/*", "/css/*", "/js/*",
			"/favicon.ico", "/portal", "/portal/*" };

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	SecurityFilterChain webPagesSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/", "/try", "/try/**", "/chat", "/chat/**", "/webjars/**", "/css/**", "/js/**",
				"/favicon.ico")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> {
			})
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/**
	 * The security filter, for the web pages' paths only (Boot's own registration, for every path, is excluded in
	 * {@code application.yml}).
	 */
	@Bean
	DelegatingFilterProxyRegistrationBean webPagesSecurityFilter() {
		DelegatingFilterProxyRegistrationBean registration = new DelegatingFilterProxyRegistrationBean(
				"springSecurityFilterChain");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
		registration.addUrlPatterns(PATHS);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		return new WebPages.Resolver();
	}
}
