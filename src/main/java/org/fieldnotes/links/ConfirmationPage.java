package org.fieldnotes.links;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.people.People;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Languages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The page a confirmation e-mail links to: {@code GET /confirm/{token}} asks "send your digest here?" with one
 * button; only {@code POST} confirms (mail scanners that open links change nothing). The token is the capability,
 * verified on every request: forged or damaged 403, expired 410, already replaced by a newer request 410; once
 * confirmed, the page says so. In the person's language, no JavaScript, never cached, indexed or sent as a referrer.
 */
@RestController
class ConfirmationPage {

	static final String TEMPLATE = "links/confirm";

	private final ConfirmationLinks links;
	private final AddressConfirmations confirmations;
	private final Languages languages;
	private final AccessPolicy policy;
	private final ITemplateEngine templates;
	private final People people;

	ConfirmationPage(ConfirmationLinks links, AddressConfirmations confirmations, Languages languages,
			AccessPolicy policy, ITemplateEngine templates, People people) {
		this.links = links;
		this.confirmations = confirmations;
		this.languages = languages;
		this.policy = policy;
		this.templates = templates;
		this.people = people;
	}

	/**
	 * The person the link names, as their digest settings are keyed (a person id); one sent before people had ids
	 * names a member id or {@code email:<address>}, and still works.
	 */
	private String recipientKey(ConfirmationLinks.Claim claim) {
		return people.byKey(claim.recipientKey()).map(p -> p.id().value()).orElse(claim.recipientKey());
	}

	@GetMapping(ConfirmationLinks.PATH + "{token}")
	ResponseEntity<String> show(@PathVariable String token, HttpServletRequest request) {
		Optional<ConfirmationLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return page(HttpStatus.FORBIDDEN, "invalid", null, supported(request.getLocale()));
		}
		Locale locale = localeOf(claim.get(), request);
		ResponseEntity<String> refused = refusal(claim.get(), Operation.EMAIL_CONFIRM_SHOW, locale);
		if (refused != null) {
			return refused;
		}
		AddressConfirmations.State state = confirmations.state(recipientKey(claim.get()), claim.get().address(),
				claim.get().nonce());
		return switch (state) {
			case PENDING -> page(HttpStatus.OK, null, claim.get().address(), locale);
			case CONFIRMED -> page(HttpStatus.OK, "done", claim.get().address(), locale);
			case REPLACED -> page(HttpStatus.GONE, "replaced", claim.get().address(), locale);
		};
	}

	@PostMapping(ConfirmationLinks.PATH + "{token}")
	ResponseEntity<String> confirm(@PathVariable String token, HttpServletRequest request) {
		Optional<ConfirmationLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return page(HttpStatus.FORBIDDEN, "invalid", null, supported(request.getLocale()));
		}
		Locale locale = localeOf(claim.get(), request);
		ResponseEntity<String> refused = refusal(claim.get(), Operation.EMAIL_CONFIRM, locale);
		if (refused != null) {
			return refused;
		}
		AddressConfirmations.State state = confirmations.confirm(recipientKey(claim.get()), claim.get().address(),
				claim.get().nonce());
		if (state != AddressConfirmations.State.CONFIRMED) {
			return page(HttpStatus.GONE, "replaced", claim.get().address(), locale);
		}
		// after a POST, a GET (which now says "confirmed"); relative, so it works behind any prefix
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", token).cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer").build();
	}

	/** An expired link, or (never, as the rule stands) one the policy refuses; {@literal null} when it may go on. */
	private ResponseEntity<String> refusal(ConfirmationLinks.Claim claim, Operation operation, Locale locale) {
		if (policy.decide(policy.recipient(new PersonId(recipientKey(claim))), operation, Target.none()).denied()) {
			return page(HttpStatus.FORBIDDEN, "invalid", null, locale);
		}
		if (claim.expired()) {
			return page(HttpStatus.GONE, "expired", claim.address(), locale);
		}
		return null;
	}

	private ResponseEntity<String> page(HttpStatus status, String problem, String address, Locale locale) {
		Context page = new Context(locale);
		page.setVariable("lang", locale.toLanguageTag());
		page.setVariable("problem", problem);
		page.setVariable("address", address);
		page.setVariable("hours", ConfirmationLinks.VALID_FOR.toHours());
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.header("X-Robots-Tag", "noindex")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
			.body(templates.process(TEMPLATE, page));
	}

	/** The person's language (the link names them), else the browser's. */
	private Locale localeOf(ConfirmationLinks.Claim claim, HttpServletRequest request) {
		return supported(people.byKey(claim.recipientKey()).flatMap(languages::known).orElse(request.getLocale()));
	}

	private static Locale supported(Locale locale) {
		return locale != null && "sv".equals(locale.getLanguage()) ? Locale.forLanguageTag("sv") : Locale.ENGLISH;
	}
}
