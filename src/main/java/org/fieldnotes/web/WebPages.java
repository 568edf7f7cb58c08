package org.fieldnotes.web;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language a web page is rendered in: the persona's on the chat page (set by its controller), else the
 * browser's (Accept-Language), as Spring resolves it for every other request.
 */
@Component
class WebPages {

	private static final String LOCALE = WebPages.class.getName() + ".locale";

	/** Renders this request's page in {@code locale}. */
	void speak(HttpServletRequest request, Locale locale) {
		request.setAttribute(LOCALE, locale);
	}

	/** Spring's locale resolver: the page's language when a controller set one, else Accept-Language. */
	static final class Resolver extends AcceptHeaderLocaleResolver {

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Object chosen = request.getAttribute(LOCALE);
			return chosen instanceof Locale locale ? locale : super.resolveLocale(request);
		}
	}
}
