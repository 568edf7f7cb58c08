package org.fieldnotes.portal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a portal page in a language of the portal's (English or Swedish), never cached: the template gets
 * {@code lang} and the request's CSRF token ({@code csrf}) for its forms. Every text a person wrote is written with
 * {@code th:text} (escaped); nothing is ever evaluated as a template.
 */
@Component
class PortalPages {

	private final ITemplateEngine templates;

	PortalPages(ITemplateEngine templates) {
		this.templates = templates;
	}

	ResponseEntity<String> page(HttpStatus status, String template, Locale locale, HttpServletRequest request,
			Map<String, ?> variables) {
		Context page = new Context(locale);
		page.setVariable("lang", locale.toLanguageTag());
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		page.setVariable("csrf", csrf);
		variables.forEach(page::setVariable);
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(templates.process(template, page));
	}

	/** Swedish for any Swedish locale, else English: the languages the portal is written in. */
	static Locale supported(Locale locale) {
		return locale != null && "sv".equals(locale.getLanguage()) ? Locale.forLanguageTag("sv") : Locale.ENGLISH;
	}
}
