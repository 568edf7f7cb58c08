package org.fieldnotes.endreport;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Decision;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Placements;
import org.fieldnotes.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * End-of-placement reports: the participant saves and submits theirs (only over the version they opened, only while
 * it is a draft or returned); the placement's manager approves or returns a submitted one, once (two presses at
 * once make one decision, the other is told it was decided). Each step is one atomic update of the report's single
 * document, its history line included; the people it concerns are told through the outbox ({@link EndReportNotices}),
 * and every decision is audited.
 */
@Service
public class EndReports {

	private static final Logger log = LoggerFactory.getLogger(EndReports.class);

	private final MongoTemplate mongo;
	private final PlacementManagement placements;
	private final Placements store;
	private final EndReportDrafts drafts;
	private final EndReportNotices notices;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	EndReports(MongoTemplate mongo, PlacementManagement placements, Placements store, EndReportDrafts drafts,
			EndReportNotices notices, AccessPolicy access, AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.placements = placements;
		this.store = store;
		this.drafts = drafts;
		this.notices = notices;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** What became of a save or a decision. */
	public enum Status {
		/** Saved as a draft. */
		SAVED,
		/** Saved and sent to the manager. */
		SUBMITTED,
		/** The manager approved it now. */
		APPROVED,
		/** The manager returned it now. */
		RETURNED,
		/** The person may look at it and decide (nothing changed: the answer of {@link #access}). */
		ALLOWED,
		/** It was decided before (or is not with the manager): nothing changed. */
		ALREADY_DECIDED,
		/** It is with the manager or approved: the participant cannot change it now. */
		NOT_EDITABLE,
		/** It was saved elsewhere since the form was opened: nothing changed. */
		CHANGED_ELSEWHERE,
		/** The placement has no manager who can be reached (chat, or e-mail with links): nothing was submitted. */
		NO_MANAGER,
		/** The person may not do this: nothing changed. */
		REFUSED,
		/** No such placement or report: nothing changed. */
		GONE
	}

	/** An outcome, with the report and placement when the person may see them. */
	public record Outcome(Status status, EndReport report, Placement placement) {

		/** The participant's first name, for "Ada has been told". */
		public String participantFirstName() {
			String name = placement.getParticipant().name().strip();
			int space = name.indexOf(' ');
			return space < 0 ? name : name.substring(0, space);
		}
	}

	/** The placement whose report the member writes: their current one, else their latest. */
	public Optional<Placement> placementOf(ChatAccount member) {
		return placements.currentOrLatestFor(member)
			.filter(p -> p.getParticipant() != null && p.getParticipant().has(member));
	}

	/** The report of a placement as stored, if any. */
	public Optional<EndReport> find(String placementId) {
		return placementId == null ? Optional.empty()
				: Optional.ofNullable(mongo.findById(placementId, EndReport.class));
	}

	/** The placement's report as stored, else a new draft drafted from the logbook (not stored). */
	public EndReport currentOrDraft(Placement placement, java.util.Locale locale) {
		return find(placement.getId()).orElseGet(() -> new EndReport(placement.getId(),
				placement.getParticipant().id().value(), null, placement.getProgram(), EndReportState.DRAFT,
				drafts.draft(placement, locale), 0, List.of(), null, null, null, null, null, null));
	}

	/**
	 * Saves the participant's sections over the version they opened, and submits them to the manager when asked.
	 * @param via the surface ({@code slack}, {@code web}, {@code teams})
	 */
	public Outcome save(ChatAccount member, String placementId, long openedVersion, EndReportSections sections,
			boolean submit, String via) {
		Actor actor = access.member(member);
		Optional<Placement> found = store.findById(placementId);
		if (found.isEmpty()) {
			return new Outcome(Status.GONE, null, null);
		}
		Placement placement = found.get();
		if (!access.decide(actor, Operation.END_REPORT_FORM, Target.placement(placement)).allowed()) {
			return new Outcome(Status.REFUSED, null, null);
		}
		Person manager = placement.getManager();
		if (submit && !notices.reachable(manager)) {
			return new Outcome(Status.NO_MANAGER, find(placementId).orElse(null), placement);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String by = actor.person().value();
		if (openedVersion == 0) {
			Claims.insertOnce(mongo, new EndReport(placementId, by, null, placement.getProgram(), EndReportState.DRAFT,
					null, 0, List.of(), null, null, null, null, now, now));
		}
		EndReportState to = submit ? EndReportState.SUBMITTED : null;
		Update update = new Update().set("sections", sections).inc("version", 1).set("updatedAt", now)
			.push("history", new EndReport.Event(now, by, submit ? EndReport.Action.SUBMITTED : EndReport.Action.SAVED,
					via, null));
		if (submit) {
			update.set("state", to).set("managerId", manager.id().value());
		}
		EndReport saved = mongo.findAndModify(Query.query(Criteria.where("_id").is(placementId)
			.and("version").is(openedVersion)
			.and("state").in(EndReportState.DRAFT, EndReportState.RETURNED)), update,
				FindAndModifyOptions.options().returnNew(true), EndReport.class);
		if (saved == null) {
			EndReport now2 = find(placementId).orElse(null);
			boolean locked = now2 != null && (now2.state() == EndReportState.SUBMITTED
					|| now2.state() == EndReportState.APPROVED);
			return new Outcome(locked ? Status.NOT_EDITABLE : Status.CHANGED_ELSEWHERE, now2, placement);
		}
		log.info("End report of placement {} {} (version {})", placementId, submit ? "submitted" : "saved",
				saved.version());
		if (submit) {
			audit.record(by, "end-report-submit", placementId, by, AuditLog.DONE, "via " + via);
			notices.toManager(saved, placement);
		}
		return new Outcome(submit ? Status.SUBMITTED : Status.SAVED, saved, placement);
	}

	/**
	 * Queues the manager's message of a report that waits for them again: the outbox key is the submitted version's,
	 * so a message already queued or sent is not sent twice, and one a store failure kept from the outbox (after the
	 * report was marked submitted) goes now. Asked whenever the participant opens a report that waits.
	 */
	void remindManager(EndReport report, Placement placement) {
		Person manager = placement.getManager();
		if (report.state() != EndReportState.SUBMITTED || manager == null
				|| !manager.id().value().equals(report.managerId()) || !notices.reachable(manager)) {
			return;
		}
		try {
			notices.toManager(report, placement);
		}
		catch (RuntimeException e) {
			log.warn("The manager's message of end report {} could not be queued again ({})", report.placementId(),
					e.getClass().getSimpleName());
		}
	}

	/** Whether the actor may see the placement's submitted report and decide on it. */
	public Outcome access(String placementId, Actor actor, Operation operation) {
		Optional<Placement> placement = placementId == null ? Optional.empty() : store.findById(placementId);
		Optional<EndReport> report = find(placementId);
		if (placement.isEmpty() || report.isEmpty()) {
			return new Outcome(Status.GONE, null, null);
		}
		Decision decision = access.decide(actor, operation, Target.placement(placement.get()));
		if (!decision.allowed() || report.get().state() == EndReportState.DRAFT) {
			// a draft is the participant's alone
			return new Outcome(decision.allowed() ? Status.GONE : Status.REFUSED, null, null);
		}
		return new Outcome(Status.ALLOWED, report.get(), placement.get());
	}

	/**
	 * The manager approves (comment ignored) or returns (comment required by the caller's form) the submitted
	 * report, once; the participant is told, and on approval the coordinators too.
	 * @param via the surface: {@code slack}, {@code web}, {@code teams} or {@code email}
	 */
	public Outcome decide(String placementId, boolean approve, String comment, Actor actor, Operation operation,
			String via) {
		Outcome check = access(placementId, actor, operation);
		if (check.status() != Status.ALLOWED) {
			return check;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String by = actor.person().value();
		String note = approve || comment == null || comment.isBlank() ? null : comment.strip();
		Update update = new Update().set("state", approve ? EndReportState.APPROVED : EndReportState.RETURNED)
			.set("updatedAt", now)
			.push("history", new EndReport.Event(now, by, approve ? EndReport.Action.APPROVED : EndReport.Action.RETURNED,
					via, note));
		if (approve) {
			update.set("approvedAt", now).set("approvedBy", by).set("approvedVia", via);
		}
		else {
			update.set("returnComment", note);
		}
		EndReport decided = mongo.findAndModify(Query.query(Criteria.where("_id").is(placementId)
			.and("state").is(EndReportState.SUBMITTED).and("version").is(check.report().version())), update,
				FindAndModifyOptions.options().returnNew(true), EndReport.class);
		if (decided == null) {
			return new Outcome(Status.ALREADY_DECIDED, find(placementId).orElse(check.report()), check.placement());
		}
		log.info("End report of placement {} {} by its manager via {}", placementId, approve ? "approved" : "returned",
				via);
		audit.record(by, approve ? "end-report-approve" : "end-report-return", placementId,
				check.placement().getParticipant().id().value(), AuditLog.DONE, "via " + via);
		notices.decided(decided, check.placement());
		return new Outcome(approve ? Status.APPROVED : Status.RETURNED, decided, check.placement());
	}
}
