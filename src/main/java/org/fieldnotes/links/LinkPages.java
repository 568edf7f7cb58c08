package org.fieldnotes.links;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.thymeleaf.context.Context;

/**
 * What every page behind a signed link answers with (the response page, the blocker page, the end report's and the
 * week sign-off's): the token is in the address, so no page is cached, indexed or sent on as a referrer, and none
 * loads anything from outside; pages are in English or Swedish.
 */
public final class LinkPages {

	private LinkPages() {
	}

	/** An HTML page with the headers every link page carries. */
	public static ResponseEntity<String> html(HttpStatus status, String body) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			// the token is in the address: never send it on as a referrer, never index the page
			.header("Referrer-Policy", "no-referrer")
			.header("X-Robots-Tag", "noindex")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
			.body(body);
	}

	/** After a POST acted: back to the page by GET (303), so a reload does not act twice. */
	public static ResponseEntity<String> redirect(String location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", location)
			.cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build();
	}

	/** Swedish for any Swedish locale, else English: the languages the pages are written in. */
	public static Locale supported(Locale locale) {
		return locale != null && "sv".equals(locale.getLanguage()) ? Locale.forLanguageTag("sv") : Locale.ENGLISH;
	}

	/** A template context in this language, with {@code lang} set for the page's {@code <html lang>}. */
	public static Context context(Locale locale) {
		Context page = new Context(locale);
		page.setVariable("lang", locale.toLanguageTag());
		return page;
	}
}
