package org.fieldnotes.endreport;

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
 * The page an end-of-placement report's e-mail link opens: {@code GET /e/{token}} shows the report (escaped) and,
 * while it waits for a decision, an Approve form and a Return form with a comment, both posting to the same address.
 * As on the blocker page, the token is the capability (verified again on every request; a forger cannot know it, so
 * no CSRF token is needed), a GET changes nothing and only a POST acts. A forged token gets 403, an expired one 410,
 * someone who is no longer the placement's manager 403, a report that is gone 410.
 */
@RestController
class EndReportPage {

	static final String TEMPLATE = "endreport/page";

	private final EndReportLinks links;
	private final EndReports reports;
	private final Languages languages;
	private final ITemplateEngine templates;
	private final AccessPolicy policy;
	private final People people;

	EndReportPage(EndReportLinks links, EndReports reports, Languages languages, ITemplateEngine templates,
			AccessPolicy policy, People people) {
		this.links = links;
		this.reports = reports;
		this.languages = languages;
		this.templates = templates;
		this.policy = policy;
		this.people = people;
	}

	@GetMapping(EndReportLinks.PATH + "{token}")
	ResponseEntity<String> show(@PathVariable String token, @RequestParam(required = false) String done,
			HttpServletRequest request) {
		Optional<EndReportLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return problem(HttpStatus.FORBIDDEN, "invalid", request.getLocale());
		}
		Locale locale = localeOf(claim.get(), request);
		if (claim.get().expired()) {
			return problem(HttpStatus.GONE, "expired", locale);
		}
		EndReports.Outcome access = reports.access(claim.get().placementId(), recipient(claim.get()),
				Operation.END_REPORT_PAGE_SHOW);
		if (access.status() != EndReports.Status.ALLOWED) {
			return refusal(access.status(), locale);
		}
		EndReport report = access.report();
		Context page = LinkPages.context(locale);
		page.setVariable("participant", access.placement().getParticipant().name());
		page.setVariable("host", access.placement().getHostOrganisation());
		page.setVariable("sections", report.sections().byId());
		page.setVariable("state", "endReport.page.state." + report.state().name());
		page.setVariable("canDecide", report.state() == EndReportState.SUBMITTED);
		if ("APPROVED".equals(done) || "RETURNED".equals(done)) {
			page.setVariable("done", "endReport.page.done." + done);
		}
		return html(HttpStatus.OK, page);
	}

	@PostMapping(path = EndReportLinks.PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> act(@PathVariable String token, @RequestParam(required = false) String action,
			@RequestParam(required = false) String comment, HttpServletRequest request) {
		Optional<EndReportLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return problem(HttpStatus.FORBIDDEN, "invalid", request.getLocale());
		}
		Locale locale = localeOf(claim.get(), request);
		if (claim.get().expired()) {
			return problem(HttpStatus.GONE, "expired", locale);
		}
		boolean approve = "approve".equals(action);
		if (!approve && !"return".equals(action)) {
			return LinkPages.redirect(token);
		}
		if (!approve && (comment == null || comment.isBlank() || comment.strip().length() > EndReportForms.MAX_COMMENT)) {
			// a return needs a comment: nothing changes, and the page says so
			return problem(HttpStatus.BAD_REQUEST, "comment", locale);
		}
		EndReports.Outcome outcome = reports.decide(claim.get().placementId(), approve, comment,
				recipient(claim.get()), Operation.END_REPORT_PAGE_ACT, "email");
		switch (outcome.status()) {
			case APPROVED, RETURNED, ALREADY_DECIDED:
				// after a POST, a GET (reloading does not post again); relative, so it works behind any prefix
				return LinkPages.redirect(token + (outcome.status() == EndReports.Status.ALREADY_DECIDED ? ""
						: "?done=" + outcome.status().name()));
			default:
				return refusal(outcome.status(), locale);
		}
	}

	private Actor recipient(EndReportLinks.Claim claim) {
		PersonId person = people.byKey(claim.recipientKey()).map(Person::id).orElse(new PersonId(claim.recipientKey()));
		return policy.recipient(person);
	}

	private Locale localeOf(EndReportLinks.Claim claim, HttpServletRequest request) {
		return people.byKey(claim.recipientKey()).map(languages::of).map(LinkPages::supported)
			.orElse(LinkPages.supported(request.getLocale()));
	}

	private ResponseEntity<String> refusal(EndReports.Status status, Locale locale) {
		return status == EndReports.Status.GONE ? problem(HttpStatus.GONE, "gone", locale)
				: problem(HttpStatus.FORBIDDEN, "refused", locale);
	}

	private ResponseEntity<String> problem(HttpStatus status, String kind, Locale locale) {
		Locale language = LinkPages.supported(locale);
		Context page = LinkPages.context(language);
		boolean link = "invalid".equals(kind) || "expired".equals(kind);
		page.setVariable("problem", (link ? "replies.page." : "endReport.page.") + kind);
		page.setVariable("problemTitle", (link ? "replies.page." : "endReport.page.") + kind + ".title");
		if ("expired".equals(kind)) {
			page.setVariable("days", links.validDays());
		}
		return html(status, page);
	}

	private ResponseEntity<String> html(HttpStatus status, Context page) {
		return LinkPages.html(status, templates.process(TEMPLATE, page));
	}
}
