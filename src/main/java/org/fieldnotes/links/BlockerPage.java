package org.fieldnotes.links;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.logbook.Blocker;
import org.fieldnotes.logbook.BlockerState;
import org.fieldnotes.logbook.Blockers;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Languages;
import org.springframework.context.MessageSource;
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
 * The page an e-mail digest's blocker link opens: {@code GET /b/{token}} shows the blocker (escaped), its state and
 * age, and an Acknowledge and a Resolve form, both posting to the same address. The token is the capability: it is
 * verified again on every request, a GET changes nothing, and only a POST acts (so no CSRF token is needed: a forger
 * cannot know the token). A forged or damaged token gets 403, an expired one 410; someone who may no longer read the
 * blocker 403, a blocker that is gone 410: each a short page in the recipient's language (the browser's when the
 * token names nobody who follows it). Server-rendered, no JavaScript.
 */
@RestController
class BlockerPage {

	static final String TEMPLATE = "links/blocker";

	private final BlockerLinks links;
	private final Blockers blockers;
	private final Languages languages;
	private final ITemplateEngine templates;
	private final AccessPolicy policy;
	private final People people;
	private final MessageSource messages;
	private final Clock clock;

	BlockerPage(BlockerLinks links, Blockers blockers, Languages languages, ITemplateEngine templates,
			AccessPolicy policy, People people, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.links = links;
		this.blockers = blockers;
		this.languages = languages;
		this.templates = templates;
		this.policy = policy;
		this.people = people;
		this.messages = messages;
	}

	@GetMapping(BlockerLinks.PATH + "{token}")
	ResponseEntity<String> show(@PathVariable String token, @RequestParam(required = false) String done,
			HttpServletRequest request) {
		Optional<BlockerLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return problem(HttpStatus.FORBIDDEN, "invalid", request.getLocale());
		}
		Blockers.Outcome access = blockers.access(claim.get().blockerId(), recipient(claim.get()),
				Operation.BLOCKER_PAGE_SHOW);
		Locale locale = localeOf(access, request);
		if (claim.get().expired()) {
			return problem(HttpStatus.GONE, "expired", locale);
		}
		if (access.status() != Blockers.Status.ALLOWED) {
			return refusal(access, locale);
		}
		Context page = page(access, locale);
		if ("ACKNOWLEDGE".equals(done) || "RESOLVE".equals(done)) {
			page.setVariable("done", "blockers.page.done." + done);
		}
		return html(HttpStatus.OK, page);
	}

	@PostMapping(path = BlockerLinks.PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> act(@PathVariable String token, @RequestParam(required = false) String action,
			HttpServletRequest request) {
		Optional<BlockerLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return problem(HttpStatus.FORBIDDEN, "invalid", request.getLocale());
		}
		Actor recipient = recipient(claim.get());
		if (claim.get().expired()) {
			return problem(HttpStatus.GONE, "expired", localeOf(blockers.access(claim.get().blockerId(), recipient,
					Operation.BLOCKER_PAGE_ACT), request));
		}
		Blockers.Action chosen = "acknowledge".equals(action) ? Blockers.Action.ACKNOWLEDGE
				: "resolve".equals(action) ? Blockers.Action.RESOLVE : null;
		if (chosen == null) {
			return LinkPages.redirect(token);
		}
		Blockers.Outcome outcome = blockers.act(claim.get().blockerId(), chosen, recipient, Operation.BLOCKER_PAGE_ACT);
		if (!outcome.accepted()) {
			return refusal(outcome, localeOf(outcome, request));
		}
		// after a POST, a GET (reloading does not post again); relative, so it works behind any prefix
		return LinkPages.redirect(token + "?done=" + chosen.name());
	}

	private Actor recipient(BlockerLinks.Claim claim) {
		PersonId person = people.byKey(claim.recipientKey()).map(Person::id).orElse(new PersonId(claim.recipientKey()));
		return policy.recipient(person);
	}

	private Context page(Blockers.Outcome access, Locale locale) {
		Blocker blocker = access.blocker();
		ZoneId zone = access.placement().getParticipant().zone();
		Context page = new Context(locale);
		page.setVariable("lang", locale.toLanguageTag());
		page.setVariable("participant", access.placement().getParticipant().name());
		page.setVariable("day", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(blocker.createdAt().atZone(zone)));
		page.setVariable("owner", messages.getMessage("blockers.owner." + blocker.owner().name(), null, locale));
		page.setVariable("words", blocker.text());
		page.setVariable("state", "blockers.page.state." + blocker.state().name());
		page.setVariable("age", blocker.ageDays(clock.instant(), zone));
		page.setVariable("canAcknowledge", blocker.state() == BlockerState.OPEN);
		page.setVariable("canResolve", blocker.state() != BlockerState.RESOLVED);
		return page;
	}

	private ResponseEntity<String> refusal(Blockers.Outcome outcome, Locale locale) {
		return outcome.status() == Blockers.Status.GONE ? problem(HttpStatus.GONE, "gone", locale)
				: problem(HttpStatus.FORBIDDEN, "refused", locale);
	}

	private ResponseEntity<String> problem(HttpStatus status, String kind, Locale locale) {
		Locale language = LinkPages.supported(locale);
		Context page = LinkPages.context(language);
		// the link's own problems are those of every link; the blocker's are the blocker's
		boolean link = "invalid".equals(kind) || "expired".equals(kind);
		page.setVariable("problem", (link ? "replies.page." : "blockers.page.") + kind);
		page.setVariable("problemTitle", (link ? "replies.page." : "blockers.page.") + kind + ".title");
		if ("expired".equals(kind)) {
			page.setVariable("days", links.validDays());
		}
		return html(status, page);
	}

	private ResponseEntity<String> html(HttpStatus status, Context page) {
		return LinkPages.html(status, templates.process(TEMPLATE, page));
	}

	private Locale localeOf(Blockers.Outcome outcome, HttpServletRequest request) {
		if (outcome.placement() != null && outcome.role() != null) {
			Person follower = outcome.placement().followers().get(outcome.role());
			if (follower != null) {
				return LinkPages.supported(languages.of(follower));
			}
		}
		return LinkPages.supported(request.getLocale());
	}
}
