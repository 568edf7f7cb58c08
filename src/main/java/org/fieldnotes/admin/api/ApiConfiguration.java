package org.fieldnotes.admin.api;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.admin.AdminSettings;
import org.fieldnotes.admin.ApiTokens;
import org.fieldnotes.placement.PlacementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the token check (bootstrap token or a stored API token) in front of the admin API.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

	@Bean
	FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(AdminSettings settings, ApiTokens tokens, AccessPolicy access,
			PlacementManagement placements) {
		if (!settings.tokenSet()) {
			log.warn("No FIELDNOTES_ADMIN_TOKEN: the admin API answers only to stored API tokens, and is disabled "
					+ "(every call gets 401) while there is none. To enable it, set e.g. "
					+ "FIELDNOTES_ADMIN_TOKEN=$(openssl rand -hex 32)");
		}
		var registration = new FilterRegistrationBean<>(new ApiTokenFilter(settings.token(), tokens, access, placements));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/** 413 for admin API bodies over 1 MiB (the CSV import keeps its own 5 MB limit). */
	@Bean
	FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimitFilter() {
		var registration = new FilterRegistrationBean<>(new ApiBodyLimitFilter());
		registration.addUrlPatterns("/api/*");
		return registration;
	}
}
