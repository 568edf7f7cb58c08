package org.fieldnotes.links;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.logbook.EntryResponse;
import org.fieldnotes.logbook.ResponseKind;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.logbook.Responses.Outcome;
import org.fieldnotes.logbook.Responses.Status;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.text.TextCut;
import org.springframework.http.CacheControl;
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
 * The page an e-mail digest links to: {@code GET /r/{token}} shows the entry (escaped) with an Acknowledge form and
 * a Reply form, both posting to the same address. The token is the capability: it is verified again on every
 * request, GET changes nothing, and only POST stores (so no CSRF token is needed: a forger cannot know the token).
 * A forged or damaged token gets 403, an expired one 410, each a short page in the recipient's language (the
 * browser's when the token names nobody). A link carries at most {@link ReplyLimits#PER_HOUR} replies an hour; the
 * next is a 429 that keeps the typed reply in the form. Server-rendered, no JavaScript.
 */
@RestController
class ResponsePage {

	static final String TEMPLATE = "links/response";

	private final ResponseLinks links;
	private final Responses responses;
	private final Languages languages;
	private final ITemplateEngine templates;
	private final AccessPolicy policy;
	private final ReplyLimits limits;
	private final People people;

	ResponsePage(ResponseLinks links, Responses responses, Languages languages, ITemplateEngine templates,
			AccessPolicy policy, ReplyLimits limits, People people) {
		this.policy = policy;
		this.limits = limits;
		this.links = links;
		this.responses = responses;
		this.languages = languages;
		this.templates = templates;
		this.people = people;
	}

	/**
	 * Whom the link was sent to, as a person id: links name people by id; one sent before people had ids names a
	 * member id or {@code email:<address>}, and still works.
	 */
	private PersonId recipientOf(ResponseLinks.Claim claim) {
		return people.byKey(claim.recipientKey()).map(Person::id).orElse(new PersonId(claim.recipientKey()));
	}

	@GetMapping(ResponseLinks.PATH + "{token}")
	ResponseEntity<String> show(@PathVariable String token, @RequestParam(required = false) String done,
			HttpServletRequest request) {
		Optional<ResponseLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return problem(HttpStatus.FORBIDDEN, "invalid", request.getLocale());
		}
		Outcome access = responses.access(claim.get().entryId(), policy.recipient(recipientOf(claim.get())),
				Operation.RESPONSE_PAGE_SHOW);
		Locale locale = localeOf(access, request);
		if (claim.get().expired()) {
			return problem(HttpStatus.GONE, "expired", locale);
		}
		if (access.status() != Status.ALLOWED) {
			return refusal(access, locale);
		}
		Context page = page(access, claim.get(), locale);
		if ("ACKNOWLEDGED".equals(done) || "REPLIED".equals(done)) {
			page.setVariable("done", "replies.page.done." + done);
		}
		return html(HttpStatus.OK, page);
	}

	@PostMapping(path = ResponseLinks.PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> respond(@PathVariable String token, @RequestParam(required = false) String action,
			@RequestParam(required = false) String text, @RequestParam(required = false) String submission,
			HttpServletRequest request) {
		Optional<ResponseLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) {
			return problem(HttpStatus.FORBIDDEN, "invalid", request.getLocale());
		}
		String entryId = claim.get().entryId();
		PersonId person = recipientOf(claim.get());
		Actor recipient = policy.recipient(person);
		if (claim.get().expired()) {
			return problem(HttpStatus.GONE, "expired",
					localeOf(responses.access(entryId, recipient, Operation.RESPONSE_PAGE_RESPOND), request));
		}
		Outcome outcome;
		if ("reply".equals(action)) {
			Status invalid = Responses.validate(text);
			if (invalid != null) {
				Outcome access = responses.access(entryId, recipient, Operation.RESPONSE_PAGE_RESPOND);
				Locale locale = localeOf(access, request);
				if (access.status() != Status.ALLOWED) {
					return refusal(access, locale);
				}
				Context page = page(access, claim.get(), locale);
				page.setVariable("error", invalid == Status.EMPTY ? "replies.empty" : "replies.tooLong");
				page.setVariable("errorArgs", new Object[] { Responses.MAX_REPLY, text == null ? 0 : text.strip().length() });
				page.setVariable("typed", text == null ? "" : text);
				page.setVariable("submission", submission == null ? UUID.randomUUID().toString() : submission);
				return html(HttpStatus.BAD_REQUEST, page);
			}
			Duration wait = limits.wait(entryId, person.value());
			if (!wait.isZero()) {
				return limited(entryId, recipient, claim.get(), text, submission, wait, request);
			}
			outcome = responses.reply(entryId, recipient, text,
					"web:" + (submission == null || submission.isBlank() ? UUID.randomUUID() : cut(submission)),
					Operation.RESPONSE_PAGE_RESPOND);
		}
		else if ("acknowledge".equals(action)) {
			outcome = responses.acknowledge(entryId, recipient, Operation.RESPONSE_PAGE_RESPOND);
		}
		else {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", token).cacheControl(CacheControl.noStore())
				.header("Referrer-Policy", "no-referrer").build();
		}
		if (!outcome.accepted()) {
			return refusal(outcome, localeOf(outcome, request));
		}
		// after a POST, a GET (so reloading the page does not post again); relative, so it works behind any prefix
		String kind = "reply".equals(action) ? ResponseKind.REPLIED.name() : ResponseKind.ACKNOWLEDGED.name();
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.header("Location", token + "?done=" + kind)
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.build();
	}

	/**
	 * 429: the link has carried its replies for this hour. The page says so in the recipient's language and keeps
	 * what they typed, unsent, for them to send again later.
	 */
	private ResponseEntity<String> limited(String entryId, Actor recipient, ResponseLinks.Claim claim, String text,
			String submission, Duration wait, HttpServletRequest request) {
		Outcome access = responses.access(entryId, recipient, Operation.RESPONSE_PAGE_RESPOND);
		Locale locale = localeOf(access, request);
		if (access.status() != Status.ALLOWED) {
			return refusal(access, locale);
		}
		long seconds = Math.max(1, wait.toSeconds());
		long minutes = (seconds + 59) / 60;
		Context page = page(access, claim, locale);
		page.setVariable("error", "replies.limited");
		page.setVariable("errorArgs", new Object[] { ReplyLimits.PER_HOUR, minutes });
		page.setVariable("typed", text);
		page.setVariable("submission", submission == null ? UUID.randomUUID().toString() : submission);
		ResponseEntity<String> html = html(HttpStatus.TOO_MANY_REQUESTS, page);
		return ResponseEntity.status(html.getStatusCode()).headers(html.getHeaders())
			.header("Retry-After", Long.toString(seconds))
			.body(html.getBody());
	}

	private Context page(Outcome access, ResponseLinks.Claim claim, Locale locale) {
		Responses.Responder responder = access.responder();
		ZoneId zone = responder.placement().getParticipant().zone();
		Context page = new Context(locale);
		page.setVariable("lang", locale.toLanguageTag());
		page.setVariable("participant", responder.placement().getParticipant().name());
		page.setVariable("day", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale)
			.format(responder.entry().createdAt().atZone(zone)));
		page.setVariable("words", responder.entry().text());
		DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale);
		List<Sent> sent = responses.to(responder.entry().id())
			.stream()
			.filter(r -> responder.person().id().value().equals(r.responderKey()))
			.map(r -> new Sent("replies.page.response." + r.kind().name(), when.format(r.createdAt().atZone(zone)),
					r.text()))
			.toList();
		page.setVariable("sent", sent);
		page.setVariable("submission", UUID.randomUUID().toString());
		page.setVariable("maxReply", Responses.MAX_REPLY);
		return page;
	}

	/** One of the recipient's earlier responses: the label's message key, when, and the reply (or null). */
	record Sent(String key, String when, String text) {
	}

	private ResponseEntity<String> refusal(Outcome outcome, Locale locale) {
		return outcome.status() == Status.GONE ? problem(HttpStatus.GONE, "gone", locale)
				: problem(HttpStatus.FORBIDDEN, "refused", locale);
	}

	private ResponseEntity<String> problem(HttpStatus status, String kind, Locale locale) {
		Locale language = LinkPages.supported(locale);
		Context page = LinkPages.context(language);
		page.setVariable("problem", kind);
		if ("expired".equals(kind)) {
			page.setVariable("days", links.validDays());
		}
		return html(status, page);
	}

	private ResponseEntity<String> html(HttpStatus status, Context page) {
		return LinkPages.html(status, templates.process(TEMPLATE, page));
	}

	/** The recipient's language when the token names someone who follows the entry, else the browser's. */
	private Locale localeOf(Outcome outcome, HttpServletRequest request) {
		if (outcome.responder() != null) {
			return LinkPages.supported(languages.of(outcome.responder().person()));
		}
		return LinkPages.supported(request.getLocale());
	}

	private static String cut(String submission) {
		return TextCut.head(submission, 64);
	}
}
