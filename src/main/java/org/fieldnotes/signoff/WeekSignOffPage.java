package org.fieldnotes.signoff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.links.LinkPages;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The page a week sign-off e-mail's link opens: {@code GET /w/{token}} shows the week (the entries and status updates
 * the manager may read, escaped) and, while it is not signed off, a form with the rating and a comment, posting to
 * the same address. As on the end-report page, the token is the capability (verified again on every request), a GET
 * changes nothing and only a POST acts. A forged token gets 403, an expired one 410, someone who is no longer the
 * placement's manager 403, a week that is gone (or a programme that no longer asks) 410, a bad rating or a too long
 * comment 400 (nothing stored).
 */
@RestController
class WeekSignOffPage {

	static final String TEMPLATE = "signoff/page";

	private final WeekSignOffLinks links;
	private final WeekSignOffs signOffs;
	private final Languages languages;
	private final ITemplateEngine templates;
	private final AccessPolicy policy;
	private final People people;

	WeekSignOffPage(WeekSignOffLinks links, WeekSignOffs signOffs, Languages languages, ITemplateEngine templates,
			AccessPolicy policy, People people) {
		this.links = links;
		this.signOffs = signOffs;
		this.languages = languages;
		this.templates = templates;
		this.policy = policy;
		this.people = people;
	}

	/** One entry as the page shows it: its day and the words. */
	record Shown(String day, String text) {
	}

	@GetMapping(WeekSignOffLinks.PATH + "{token}")
	ResponseEntity<String> show(@PathVariable String token, @RequestParam(required = false) String done,
			HttpServletRequest request) {
		Optional<WeekSignOffLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return problem(HttpStatus.FORBIDDEN, "invalid", request.getLocale());
		}
		Locale locale = localeOf(claim.get(), request);
		if (claim.get().expired()) {
			return problem(HttpStatus.GONE, "expired", locale);
		}
		WeekSignOffs.Outcome outcome = signOffs.check(claim.get().placementId(), claim.get().weekStart(),
				recipient(claim.get()), Operation.WEEK_SIGNOFF_PAGE_SHOW);
		if (outcome.status() != WeekSignOffs.Status.ALLOWED && outcome.status() != WeekSignOffs.Status.ALREADY_SIGNED) {
			return refusal(outcome.status(), locale);
		}
		ZoneId zone = outcome.placement().getParticipant().zone();
		DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
		Context page = LinkPages.context(locale);
		page.setVariable("participant", outcome.participantFirstName());
		page.setVariable("week", outcome.week().number());
		page.setVariable("host", outcome.placement().getHostOrganisation());
		page.setVariable("statuses", outcome.week().updates().stream()
			.map(u -> "signoff.status." + u.status().name()).toList());
		List<Shown> entries = outcome.week().entries().stream()
			.map(e -> new Shown(day.format(e.createdAt().atZone(zone)), e.text())).toList();
		page.setVariable("entries", entries);
		page.setVariable("canSign", outcome.status() == WeekSignOffs.Status.ALLOWED);
		if (outcome.signOff() != null) {
			page.setVariable("signedRating", "signoff.rating." + outcome.signOff().rating().key());
			page.setVariable("signedComment", outcome.signOff().comment());
		}
		page.setVariable("done", "signed".equals(done));
		page.setVariable("maxComment", WeekSignOffs.MAX_COMMENT);
		return html(HttpStatus.OK, page);
	}

	@PostMapping(path = WeekSignOffLinks.PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> act(@PathVariable String token, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String comment, HttpServletRequest request) {
		Optional<WeekSignOffLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return problem(HttpStatus.FORBIDDEN, "invalid", request.getLocale());
		}
		Locale locale = localeOf(claim.get(), request);
		if (claim.get().expired()) {
			return problem(HttpStatus.GONE, "expired", locale);
		}
		Optional<Rating> chosen = Rating.parse(rating);
		if (chosen.isEmpty() || comment != null && comment.strip().length() > WeekSignOffs.MAX_COMMENT) {
			// nothing changes, and the page says what to do
			return problem(HttpStatus.BAD_REQUEST, "bad", locale);
		}
		WeekSignOffs.Outcome outcome = signOffs.signOff(claim.get().placementId(), claim.get().weekStart(),
				chosen.get(), comment, recipient(claim.get()), Operation.WEEK_SIGNOFF_PAGE_ACT, "email");
		return switch (outcome.status()) {
			// after a POST, a GET (reloading does not post again); relative, so it works behind any prefix
			case SIGNED -> LinkPages.redirect(token + "?done=signed");
			case ALREADY_SIGNED -> LinkPages.redirect(token);
			default -> refusal(outcome.status(), locale);
		};
	}

	private Actor recipient(WeekSignOffLinks.Claim claim) {
		PersonId person = people.byKey(claim.recipientKey()).map(Person::id).orElse(new PersonId(claim.recipientKey()));
		return policy.recipient(person);
	}

	private Locale localeOf(WeekSignOffLinks.Claim claim, HttpServletRequest request) {
		return people.byKey(claim.recipientKey()).map(languages::of).map(LinkPages::supported)
			.orElse(LinkPages.supported(request.getLocale()));
	}

	private ResponseEntity<String> refusal(WeekSignOffs.Status status, Locale locale) {
		return status == WeekSignOffs.Status.REFUSED ? problem(HttpStatus.FORBIDDEN, "refused", locale)
				: problem(HttpStatus.GONE, "gone", locale);
	}

	private ResponseEntity<String> problem(HttpStatus status, String kind, Locale locale) {
		Locale language = LinkPages.supported(locale);
		Context page = LinkPages.context(language);
		boolean link = "invalid".equals(kind) || "expired".equals(kind);
		page.setVariable("problem", (link ? "replies.page." : "signoff.page.") + kind);
		page.setVariable("problemTitle", (link ? "replies.page." : "signoff.page.") + kind + ".title");
		if ("expired".equals(kind)) {
			page.setVariable("days", links.validDays());
		}
		return html(status, page);
	}

	private ResponseEntity<String> html(HttpStatus status, Context page) {
		return LinkPages.html(status, templates.process(TEMPLATE, page));
	}
}
