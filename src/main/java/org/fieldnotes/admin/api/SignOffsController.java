package org.fieldnotes.admin.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Programs;
import org.fieldnotes.signoff.WeekSignOffs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/placements/{id}/signoffs}: the placement's weeks signed off by its manager, oldest first, for
 * coordinators (admin and read-only tokens; a programme's token only for its own programme, which the token filter
 * checks). 404 for an unknown placement. Every read is audited ({@code signoffs}).
 */
@RestController
class SignOffsController {

	private final WeekSignOffs signOffs;
	private final PlacementManagement placements;
	private final Programs programs;
	private final People people;
	private final AuditLog audit;

	SignOffsController(WeekSignOffs signOffs, PlacementManagement placements, Programs programs, People people,
			AuditLog audit) {
		this.signOffs = signOffs;
		this.placements = placements;
		this.programs = programs;
		this.people = people;
		this.audit = audit;
	}

	/**
	 * @param hostSignOff whether the placement's programme asks for sign-off now
	 * @param signOffs each week signed off
	 */
	record SignOffsResponse(String placementId, String participant, boolean hostSignOff, List<SignOff> signOffs) {
	}

	/** One signed-off week: {@code by} is the manager's name, {@code via} slack, web, teams or email. */
	record SignOff(int week, LocalDate weekStart, String rating, String comment, String by, Instant at, String via) {
	}

	@GetMapping("/api/v1/placements/{id}/signoffs")
	SignOffsResponse list(@PathVariable String id) {
		Placement placement = placements.get(id);
		List<SignOff> list = signOffs.of(placement.getId()).stream()
			.map(s -> new SignOff(s.week(), s.weekStart(), s.rating().key(), s.comment(), name(s.by()), s.at(),
					s.via()))
			.toList();
		audit.record(AuditRecord.API, "signoffs", placement.getId(), placement.getParticipant().id().value(),
				AuditLog.DONE, list.size() + " weeks");
		return new SignOffsResponse(placement.getId(), placement.getParticipant().name(),
				programs.of(placement.getProgram()).signsOff(), list);
	}

	private String name(String personId) {
		return personId == null ? null : people.find(new PersonId(personId)).map(Person::name).orElse(personId);
	}
}
