package org.fieldnotes.admin.api;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Closure;
import org.fieldnotes.placement.Closures;
import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementConflict;
import org.fieldnotes.placement.PlacementEdit;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementNotFound;
import org.fieldnotes.placement.Violation;
import org.fieldnotes.prompting.OccurrenceStatus;
import org.fieldnotes.prompting.PromptDelivery;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.prompting.PromptNotSent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * Placements: enrol, list, show, their logbook and status updates, and "send the next prompt now".
 */
@RestController
@RequestMapping("/api/v1/placements")
class PlacementsController {

	private final PlacementManagement placements;
	private final Logbook logbook;
	private final PromptDispatcher prompts;
	private final StatusUpdates statusUpdates;
	private final AuditLog audit;
	private final AccessPolicy access;
	private final People people;
	private final Messenger messenger;
	private final Closures closures;

	PlacementsController(PlacementManagement placements, Logbook logbook, PromptDispatcher prompts,
			StatusUpdates statusUpdates, AuditLog audit, AccessPolicy access, People people, Messenger messenger,
			Closures closures) {
		this.closures = closures;
		this.messenger = messenger;
		this.access = access;
		this.people = people;
		this.placements = placements;
		this.logbook = logbook;
		this.prompts = prompts;
		this.statusUpdates = statusUpdates;
		this.audit = audit;
	}

	@PostMapping
	ResponseEntity<PlacementResponse> enrol(@RequestBody(required = false) PlacementRequest request,
			@RequestAttribute(ApiTokenFilter.ACTOR) Actor caller) {
		// the filter could not see the body: a token limited to a programme enrols only into its own
		if (request != null && access.decide(caller, Operation.API_ENROL_PLACEMENT, Target.program(request.program()))
			.denied()) {
			audit.record(AuditRecord.API, "enrol", null, request.participantAsTyped(), AuditLog.REFUSED,
					"fields: program");
			throw new ProgramNotAllowed(caller.program());
		}
		Placement placement;
		try {
			placement = placements.enrol(request == null ? null : request.draft());
		}
		catch (InvalidPlacement e) {
			// the fields as the caller wrote them (slackUserId or accounts)
			InvalidPlacement asWritten = request == null ? e : request.asWritten(e);
			audit.record(AuditRecord.API, "enrol", null, request == null ? null : request.participantAsTyped(),
					AuditLog.REFUSED, "fields: " + asWritten.violations().stream().map(Violation::field).distinct()
						.collect(Collectors.joining(",")));
			throw asWritten;
		}
		audit.record(AuditRecord.API, "enrol", placement.getId(), placement.getParticipant().id().value(),
				AuditLog.DONE, null);
		return ResponseEntity.created(URI.create("/api/v1/placements/" + placement.getId()))
			.body(PlacementResponse.of(placement, messenger::reachable, closures.of(placement.getProgram())));
	}

	/** Every placement the caller may see: all of them, or those of the programme its token is limited to. */
	@GetMapping
	List<PlacementResponse> all(@RequestAttribute(ApiTokenFilter.ACTOR) Actor caller) {
		List<Closure> known = closures.all();
		return placements.all().stream()
			.filter(p -> access.permits(caller, Operation.API_SHOW_PLACEMENT, Target.placement(p)))
			.map(p -> PlacementResponse.of(p, messenger::reachable, Closures.of(p.getProgram(), known))).toList();
	}

	@GetMapping("/{id}")
	ResponseEntity<PlacementResponse> one(@PathVariable String id) {
		Placement placement = placements.get(id);
		return ResponseEntity.ok().eTag(etag(placement))
			.body(PlacementResponse.of(placement, messenger::reachable, closures.of(placement.getProgram())));
	}

	/**
	 * Changes a placement: a JSON merge patch (RFC 7396) of the fields {@link PlacementPatchRequest} reads, checked
	 * as at enrolment, saved at once or not at all, guarded by the placement's version ({@code If-Match} with the
	 * {@code ETag} of a GET, optional). {@code 200} with the placement as GET shows it.
	 */
	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<PlacementResponse> change(@PathVariable String id, @RequestBody(required = false) JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestAttribute(ApiTokenFilter.ACTOR) Actor caller) {
		PlacementPatchRequest request;
		try {
			request = PlacementPatchRequest.read(body);
		}
		catch (InvalidPlacement e) {
			audit.record(AuditRecord.API, "placement-change", id, null, AuditLog.REFUSED, fields(e));
			throw new InvalidChange(e);
		}
		// the filter checked the placement's programme; a new one must be the token's too
		if (request.program() != null && access
			.decide(caller, Operation.API_CHANGE_PLACEMENT, Target.program(request.program())).denied()) {
			audit.record(AuditRecord.API, "placement-change", id, null, AuditLog.REFUSED, "fields: program");
			throw new ProgramNotAllowed(caller.program(), "changed");
		}
		PlacementEdit edit;
		try {
			edit = placements.change(id, request.patch(), version(ifMatch), AuditRecord.API);
		}
		catch (InvalidPlacement e) {
			InvalidPlacement asWritten = request.asWritten(e);
			audit.record(AuditRecord.API, "placement-change", id, null, AuditLog.REFUSED, fields(asWritten));
			throw new InvalidChange(asWritten);
		}
		catch (PlacementConflict e) {
			audit.record(AuditRecord.API, "placement-change", id, null, AuditLog.REFUSED, "conflict");
			throw e;
		}
		audit.record(AuditRecord.API, "placement-change", id, edit.after().getParticipant().id().value(),
				AuditLog.DONE, edit.auditNote());
		return ResponseEntity.ok().eTag(etag(edit.after()))
			.body(PlacementResponse.of(edit.after(), messenger::reachable,
					closures.of(edit.after().getProgram())));
	}

	/** A placement's version as an entity tag: {@code "3"}. */
	private static String etag(Placement placement) {
		return "\"" + (placement.getVersion() == null ? 0 : placement.getVersion()) + "\"";
	}

	/** The version an {@code If-Match} names ({@code "3"}, {@code W/"3"}); {@literal null} without one or for {@code *}. */
	private static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException e) {
			throw new InvalidChange(new InvalidPlacement(List.of(new Violation("If-Match",
					"'" + ifMatch + "' is not an entity tag this API gave (e.g. \"3\", from the ETag of a GET)"))));
		}
	}

	private static String fields(InvalidPlacement e) {
		return "fields: " + e.violations().stream().map(Violation::field).distinct().collect(Collectors.joining(","));
	}

	/** A change refused for its fields: {@code 400} naming each, "The placement was not changed". */
	static final class InvalidChange extends RuntimeException {

		private final InvalidPlacement refusal;
		private final String detail;

		InvalidChange(InvalidPlacement refusal) {
			this(refusal, "The placement was not changed");
		}

		/** @param detail what did not happen, e.g. "The closure was not created" */
		InvalidChange(InvalidPlacement refusal, String detail) {
			super(refusal.getMessage());
			this.refusal = refusal;
			this.detail = detail;
		}

		String detail() {
			return detail + ": " + getMessage();
		}

		List<Violation> violations() {
			return refusal.violations();
		}
	}

	@GetMapping("/{id}/entries")
	List<EntryResponse> entries(@PathVariable String id,
			@RequestParam(defaultValue = "false") boolean includeDeleted,
			@RequestAttribute(ApiTokenFilter.ACTOR) Actor admin) {
		Placement placement = placements.get(id);
		// admins are not the academic coach: nothing private or confidential
		return logbook.entries(id, includeDeleted).stream()
			.filter(e -> access.permits(admin, Operation.READ_ITEM, Target.item(placement, e.authorId(), e.visibility())))
			.map(e -> EntryResponse.of(e, authorOf(placement, e.authorId()))).toList();
	}

	/** The placement's status updates, newest first (those shared with coaches or the whole placement). */
	@GetMapping("/{id}/status-updates")
	List<StatusUpdateResponse> statusUpdates(@PathVariable String id,
			@RequestAttribute(ApiTokenFilter.ACTOR) Actor admin) {
		Placement placement = placements.get(id);
		return statusUpdates.of(id).stream()
			.filter(u -> access.permits(admin, Operation.READ_ITEM, Target.item(placement, u.authorId(), u.visibility())))
			.map(u -> StatusUpdateResponse.of(u, authorOf(placement, u.authorId()))).toList();
	}

	@PostMapping("/{id}/send-prompt")
	ResponseEntity<PromptDelivery> sendPrompt(@PathVariable String id) {
		PromptDelivery delivery;
		try {
			delivery = prompts.sendNext(id);
		}
		catch (PromptNotSent | PlacementNotFound e) {
			audit.record(AuditRecord.API, "send-now", id, null, AuditLog.REFUSED, e.getClass().getSimpleName());
			throw e;
		}
		audit.record(AuditRecord.API, "send-now", id, null,
				delivery.status() == OccurrenceStatus.FAILED ? AuditLog.FAILED : AuditLog.DONE,
				delivery.status() == OccurrenceStatus.FAILED ? delivery.failure() : "due " + delivery.dueDate());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(delivery);
	}

	/** The author of an item of the placement: its participant, as a rule. */
	private Person authorOf(Placement placement, String authorId) {
		Person participant = placement.getParticipant();
		if (participant != null && participant.id().value().equals(authorId)) {
			return participant;
		}
		return authorId == null ? null : people.find(new PersonId(authorId)).orElse(null);
	}
}
