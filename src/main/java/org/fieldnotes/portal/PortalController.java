package org.fieldnotes.portal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.digest.PlacementFigures;
import org.fieldnotes.logbook.Responses;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Placements;
import org.fieldnotes.search.InvalidSearch;
import org.fieldnotes.search.Search;
import org.fieldnotes.search.SearchQuery;
import org.fieldnotes.search.SearchResults;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in pages. {@code GET /portal}, My placements: the placements the person follows (as manager or coach),
 * each with the figures and flags of the digests ({@link PlacementFigures}); their own placement as its
 * participant; for a coordinator, where the cohort overview will be. {@code GET /portal/placements/{id}}: a
 * placement's {@link Timeline}, for its participant, its followers and its coordinators; anyone else gets 404, as for
 * a placement that does not exist. {@code GET /portal/search}: search across what the reader may read. Each page asks {@link AccessPolicy} with the signed-in person
 * ({@link AccessPolicy#signedIn}), looked up again on every request: someone erased meanwhile is signed out.
 */
@Controller
class PortalController {

	static final String HOME = "/portal";

	private final AccessPolicy policy;
	private final People people;
	private final Languages languages;
	private final PlacementManagement management;
	private final Placements placements;
	private final PlacementFigures figures;
	private final Timeline timeline;
	private final PortalPages pages;
	private final MessageSource messages;
	private final Search search;
	private final Responses responses;

	PortalController(AccessPolicy policy, People people, Languages languages, PlacementManagement management,
			Placements placements, PlacementFigures figures, Timeline timeline, PortalPages pages,
			MessageSource messages, Search search, Responses responses) {
		this.search = search;
		this.responses = responses;
		this.policy = policy;
		this.people = people;
		this.languages = languages;
		this.management = management;
		this.placements = placements;
		this.figures = figures;
		this.timeline = timeline;
		this.pages = pages;
		this.messages = messages;
	}

	/**
	 * One placement on My placements.
	 *
	 * @param roles the reader's roles in it, in words ("academic coach")
	 */
	record Row(Placement placement, String roles, PlacementFigures.Figures figures) {
	}

	@GetMapping(HOME)
	ResponseEntity<String> myPlacements(@AuthenticationPrincipal PortalPerson principal, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<Person> person = person(principal, request, response);
		if (person.isEmpty()) {
			return signedOut(request);
		}
		Actor actor = policy.signedIn(person.get());
		Locale locale = PortalPages.supported(languages.of(person.get()));
		if (policy.decide(actor, Operation.PORTAL_MY_PLACEMENTS, Target.none()).denied()) {
			return notFound(request, locale);
		}
		List<Row> followed = new ArrayList<>();
		for (Placement placement : management.followedBy(person.get().id())) {
			if (policy.permits(actor, Operation.PORTAL_PLACEMENT_TIMELINE, Target.placement(placement))) {
				String roles = placement.rolesOf(person.get().id()).stream()
					.map(role -> messages.getMessage("role." + role.name(), null, role.name(), locale))
					.collect(Collectors.joining(", "));
				followed.add(new Row(placement, roles, figures.of(placement, locale)));
			}
		}
		Placement own = management.currentOrLatestFor(person.get().id())
			.filter(p -> policy.permits(actor, Operation.PORTAL_PLACEMENT_TIMELINE, Target.placement(p)))
			.orElse(null);
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("person", person.get());
		page.put("followed", followed);
		page.put("own", own);
		page.put("admin", actor.admin());
		page.put("day", DateTimeFormatter.ofPattern("d MMM yyyy", locale));
		return pages.page(HttpStatus.OK, "portal/placements", locale, request, page);
	}

	@GetMapping(HOME + "/placements/{id}")
	ResponseEntity<String> placement(@AuthenticationPrincipal PortalPerson principal, @PathVariable String id,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<Person> person = person(principal, request, response);
		if (person.isEmpty()) {
			return signedOut(request);
		}
		Actor actor = policy.signedIn(person.get());
		Locale locale = PortalPages.supported(languages.of(person.get()));
		Placement placement = placements.findById(id).orElse(null);
		if (placement == null
				|| policy.decide(actor, Operation.PORTAL_PLACEMENT_TIMELINE, Target.placement(placement)).denied()) {
			return notFound(request, locale);
		}
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("person", person.get());
		page.put("placement", placement);
		page.put("weeks", timeline.of(placement, actor, locale));
		// after a response: which entry it was about, and what became of it
		page.put("done", request.getParameter("done"));
		page.put("problem", "EMPTY".equals(request.getParameter("problem")) || "TOO_LONG".equals(
				request.getParameter("problem")) ? request.getParameter("problem") : null);
		page.put("problemEntry", request.getParameter("entry"));
		page.put("submission", java.util.UUID.randomUUID().toString());
		page.put("day", DateTimeFormatter.ofPattern("d MMM", locale));
		page.put("roles", placement.followers().entrySet().stream()
			.map(e -> Map.entry(messages.getMessage("role." + e.getKey().name(), null, e.getKey().name(), locale),
					e.getValue().displayName()))
			.toList());
		return pages.page(HttpStatus.OK, "portal/timeline", locale, request, page);
	}

	/**
	 * {@code GET /portal/search}: the items the signed-in person may read that hold the words ({@link Search}), with
	 * the filters of the form (placement, programme, days) and a page at a time; every item asks {@code READ_ITEM}
	 * in the search itself. A filter that cannot be read is named on the page; nothing else changes.
	 */
	@GetMapping(HOME + "/search")
	ResponseEntity<String> search(@AuthenticationPrincipal PortalPerson principal,
			@RequestParam(name = "q", required = false) String words,
			@RequestParam(name = "placement", required = false) String placementId,
			@RequestParam(name = "program", required = false) String program,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to,
			@RequestParam(name = "page", required = false, defaultValue = "0") String page,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<Person> person = person(principal, request, response);
		if (person.isEmpty()) {
			return signedOut(request);
		}
		Actor actor = policy.signedIn(person.get());
		Locale locale = PortalPages.supported(languages.of(person.get()));
		if (policy.decide(actor, Operation.PORTAL_SEARCH, Target.none()).denied()) {
			return notFound(request, locale);
		}
		List<Placement> searchable = search.placementsOf(actor);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("person", person.get());
		model.put("q", words == null ? "" : words);
		model.put("placement", placementId == null ? "" : placementId);
		model.put("program", program == null ? "" : program);
		model.put("from", from == null ? "" : from);
		model.put("to", to == null ? "" : to);
		model.put("placements", searchable);
		model.put("programs", searchable.stream().map(Placement::getProgram).filter(java.util.Objects::nonNull)
			.distinct().sorted().toList());
		if (words == null || words.isBlank()) {
			return pages.page(HttpStatus.OK, "portal/search", locale, request, model);
		}
		try {
			int number = page.matches("\\d{1,4}") ? Integer.parseInt(page) : 0;
			SearchQuery query = SearchQuery.of(words).inPlacement(placementId).inProgram(program)
				.between(SearchPage.day("from", from), SearchPage.day("to", to))
				.page(number, SearchQuery.DEFAULT_SIZE).in(locale);
			SearchResults results = search.find(actor, query);
			model.put("results", results);
			model.put("shown", results.hits().stream().map(hit -> SearchPage.of(hit, locale)).toList());
			model.put("next", SearchPage.next(words, placementId, program, from, to, results.page() + 1));
			return pages.page(HttpStatus.OK, "portal/search", locale, request, model);
		}
		catch (InvalidSearch e) {
			model.put("invalid", e.field());
			return pages.page(HttpStatus.BAD_REQUEST, "portal/search", locale, request, model);
		}
	}

	/**
	 * {@code POST /portal/entries/{id}/acknowledge}: as the digest's Acknowledge button (once per person; the
	 * participant is told the first time), for a follower who may read the entry; back to it on the timeline. Anyone
	 * else gets 404, as for an entry that does not exist.
	 */
	@PostMapping(HOME + "/entries/{id}/acknowledge")
	ResponseEntity<String> acknowledge(@AuthenticationPrincipal PortalPerson principal, @PathVariable String id,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<Person> person = person(principal, request, response);
		if (person.isEmpty()) {
			return signedOut(request);
		}
		Actor actor = policy.signedIn(person.get());
		Responses.Outcome outcome = responses.acknowledge(id, actor, Operation.PORTAL_ACKNOWLEDGE);
		return backToEntry(outcome, id, actor, request, person.get());
	}

	/**
	 * {@code POST /portal/entries/{id}/reply} ({@code text}, and the form's {@code submission} nonce so that a form
	 * sent twice stores one reply): as the digest's reply form, for the same people. An empty or too long reply
	 * stores nothing and brings the timeline back with the problem named at the entry.
	 */
	@PostMapping(HOME + "/entries/{id}/reply")
	ResponseEntity<String> reply(@AuthenticationPrincipal PortalPerson principal, @PathVariable String id,
			@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "submission", required = false) String submission, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<Person> person = person(principal, request, response);
		if (person.isEmpty()) {
			return signedOut(request);
		}
		String key = submission == null || submission.isBlank() ? java.util.UUID.randomUUID().toString()
				: submission.strip();
		Actor actor = policy.signedIn(person.get());
		Responses.Outcome outcome = responses.reply(id, actor, text, key, Operation.PORTAL_REPLY);
		return backToEntry(outcome, id, actor, request, person.get());
	}

	/**
	 * Back to the entry on its timeline, saying it was done, or what was wrong with the reply; 404 for someone who may
	 * not respond to it (asked again for a refused reply's text, so nobody learns of an entry they may not read).
	 */
	private ResponseEntity<String> backToEntry(Responses.Outcome outcome, String entryId, Actor actor,
			HttpServletRequest request, Person person) {
		Locale locale = PortalPages.supported(languages.of(person));
		if (outcome.status() == Responses.Status.EMPTY || outcome.status() == Responses.Status.TOO_LONG) {
			Responses.Outcome check = responses.access(entryId, actor, Operation.PORTAL_REPLY);
			String placementId = check.status() == Responses.Status.ALLOWED ? check.responder().placement().getId()
					: null;
			if (placementId == null) {
				return notFound(request, locale);
			}
			return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", request.getContextPath() + HOME
					+ "/placements/" + placementId + "?problem=" + outcome.status().name() + "&entry=" + entryId
					+ "#item-" + entryId).build();
		}
		if (!outcome.accepted()) {
			return notFound(request, locale);
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", request.getContextPath() + HOME
				+ "/placements/" + outcome.responder().placement().getId() + "?done=" + entryId + "#item-" + entryId)
			.build();
	}

	/** The signed-in person, looked up now; when they are no more (erased), the session ends. */
	private Optional<Person> person(PortalPerson principal, HttpServletRequest request, HttpServletResponse response) {
		Optional<Person> person = principal == null ? Optional.empty() : people.find(principal.id());
		if (person.isEmpty()) {
			new SecurityContextLogoutHandler().logout(request, response, null);
		}
		return person;
	}

	private ResponseEntity<String> signedOut(HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.header("Location", request.getContextPath() + SignInController.PAGE)
			.build();
	}

	private ResponseEntity<String> notFound(HttpServletRequest request, Locale locale) {
		return pages.page(HttpStatus.NOT_FOUND, "portal/not-found", locale, request, Map.of());
	}
}
