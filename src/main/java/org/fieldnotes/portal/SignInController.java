package org.fieldnotes.portal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fieldnotes.people.People;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages, open to anyone (there is nobody to ask about yet): {@code GET /portal/sign-in} asks for an
 * address; its POST is answered by the security filter when a link is mailed, and here otherwise, with the same
 * redirect either way, so the answer never tells whether an address is known. The mailed link's page
 * ({@code GET /portal/sign-in/link?token=…}) shows one "Sign in" button and changes nothing: mail scanners open links,
 * and only the button's POST (the security filter's) uses the token up.
 */
@Controller
class SignInController {

	static final String PAGE = "/portal/sign-in";
	static final String LINK = "/portal/sign-in/link";

	private final PortalPages pages;
	private final SignInLinks links;
	private final SignInMail mail;
	private final People people;
	private final Languages languages;

	SignInController(PortalPages pages, SignInLinks links, SignInMail mail, People people, Languages languages) {
		this.pages = pages;
		this.links = links;
		this.mail = mail;
		this.people = people;
		this.languages = languages;
	}

	@GetMapping(PAGE)
	ResponseEntity<String> page(HttpServletRequest request, @RequestParam(required = false) String sent,
			@RequestParam(required = false) String invalid, @RequestParam(name = "signed-out", required = false) String out) {
		String notice = sent != null ? "sent" : invalid != null ? "invalid" : out != null ? "signedOut" : null;
		return pages.page(HttpStatus.OK, "portal/sign-in", PortalPages.supported(request.getLocale()), request,
				Map.of("notice", notice == null ? "" : notice, "possible", links.enabled() && mail.possible(),
						"minutes", SignInLinks.VALID_FOR.toMinutes(), "perHour", SignInAddresses.PER_HOUR));
	}

	/** No link to mail (an unknown address, one of several people's, too many links, links off): the same answer. */
	@PostMapping(PAGE)
	void requested(HttpServletRequest request, HttpServletResponse response) {
		answer(request, response);
	}

	@GetMapping(LINK)
	ResponseEntity<String> link(HttpServletRequest request, @RequestParam(defaultValue = "") String token) {
		Locale locale = links.personOf(token)
			.flatMap(PersonId::parse)
			.flatMap(people::find)
			.flatMap(languages::known)
			.map(PortalPages::supported)
			.orElse(PortalPages.supported(request.getLocale()));
		return pages.page(HttpStatus.OK, "portal/link", locale, request, Map.of("token", token));
	}

	/** Nothing to sign in with (the security filter signs in when there is a token): ask for a new link. */
	@PostMapping(LINK)
	void noToken(HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpStatus.FOUND.value());
		response.setHeader("Location", request.getContextPath() + PAGE + "?invalid");
	}

	/** The answer to every request for a link: back to the sign-in page, which says to look in the inbox. */
	static void answer(HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader("Location", request.getContextPath() + PAGE + "?sent");
	}
}
