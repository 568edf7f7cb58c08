package org.fieldnotes.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Spring Security for {@code /portal/**}: its own filter chain, before the web chat's (which never sees these
 * paths). A session (cookie {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} when
 * {@code FIELDNOTES_PUBLIC_URL} is https), CSRF on every POST, the same strict Content-Security-Policy as the web
 * chat's pages (everything from this origin only: no script, style, font or image from elsewhere, no inline script
 * or style, no framing), no referrer (a sign-in link's token is in its address). Everything but the sign-in pages
 * needs a signed-in person: anyone else is sent to {@code /portal/sign-in}, and back to the page they asked for once
 * signed in. Signing in is Spring Security's one-time-token login: a POST of an address to {@code /portal/sign-in}
 * mails a link ({@link SignInAddresses}, {@link SignInMail}, {@link SignInLinks}); the POST of its token to
 * {@link SignInController#LINK} signs in ({@link PortalAuthentication}). Sign-out is a POST to
 * {@code /portal/sign-out}.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

	/** The servlet paths the security filter must see for the portal (added to the web pages' registration). */
	static final String[] PATHS = { "/portal", "/portal/*" };

	/** The web chat's policy (org.fieldnotes.web.WebSecurity.CSP), word for word; PortalSignInTests compares them. */
	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain portalPagesSecurity(HttpSecurity http, SignInLinks links, SignInAddresses addresses,
			SignInMail mail, PortalAuthentication authentication) throws Exception {
		http.securityMatcher("/portal", "/portal/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/portal/sign-in", "/portal/sign-in/**").permitAll()
				.anyRequest().authenticated())
			.csrf(csrf -> {
			})
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
			.oneTimeTokenLogin(ott -> ott
				.loginPage(SignInController.PAGE)
				.showDefaultSubmitPage(false)
				.tokenGeneratingUrl(SignInController.PAGE)
				.generateRequestResolver(addresses)
				.tokenService(links)
				.tokenGenerationSuccessHandler(mail)
				.loginProcessingUrl(SignInController.LINK)
				.authenticationProvider(authentication)
				.failureHandler(new SimpleUrlAuthenticationFailureHandler(SignInController.PAGE + "?invalid"))
				.defaultSuccessUrl(PortalController.HOME))
			.logout(logout -> logout.logoutUrl("/portal/sign-out").logoutSuccessUrl(SignInController.PAGE + "?signed-out"))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/** The session cookie is {@code Secure} when people reach Fieldnotes over https. */
	@Bean
	ServletContextInitializer secureSessionCookie(@Value("${fieldnotes.links.public-url:}") String publicUrl) {
		return context -> {
			if (publicUrl != null && publicUrl.strip().regionMatches(true, 0, "https://", 0, 8)) {
				context.getSessionCookieConfig().setSecure(true);
			}
		};
	}
}
