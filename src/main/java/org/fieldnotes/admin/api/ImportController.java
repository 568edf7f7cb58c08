package org.fieldnotes.admin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.audit.AuditRecord;
import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementConflict;
import org.fieldnotes.placement.PlacementDraft;
import org.fieldnotes.placement.PlacementEdit;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.PlacementNotFound;
import org.fieldnotes.placement.PlacementPatch;
import org.fieldnotes.placement.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cohort import: {@code POST /api/v1/placements:import} with a CSV body ({@code text/csv}, UTF-8, header row
 * required). Every row goes through {@link PlacementManagement#enrol}, so a refused row stores nothing and the others
 * are still created; the answer lists each row's outcome. Rows are numbered as in a spreadsheet (the header is row 1).
 */
@RestController
class ImportController {

	static final int MAX_BYTES = 5 * 1024 * 1024;
	static final int MAX_ROWS = 5000;
	/** Required columns; {@code participant_accounts} may stand in for {@code participant_slack_id}. */
	static final Set<String> REQUIRED = Set.of("participant_name", "participant_slack_id", "program",
			"host_organisation", "start_date", "end_date", "manager_name");
	static final List<String> COLUMNS = List.of("participant_name", "participant_slack_id", "participant_accounts",
			"participant_email", "participant_timezone", "participant_locale", "participant_country", "program",
			"host_organisation", "start_date", "end_date", "manager_name", "manager_slack_id", "manager_accounts",
			"manager_email", "academic_coach_name", "academic_coach_slack_id", "academic_coach_accounts",
			"academic_coach_email", "business_coach_name", "business_coach_slack_id", "business_coach_accounts",
			"business_coach_email", "schedule_day", "schedule_time", "work_days", "learning_goals", "learningGoals",
			"placement_id", "added_value");
	/** A cell that clears an optional field in an update row. */
	static final String CLEAR = "-";

	private final PlacementManagement placements;
	private final AuditLog audit;
	private final AccessPolicy access;

	ImportController(PlacementManagement placements, AuditLog audit, AccessPolicy access) {
		this.placements = placements;
		this.audit = audit;
		this.access = access;
	}

	/**
	 * @param updated rows with a {@code placement_id} that changed their placement
	 * @param unchanged rows with a {@code placement_id} whose cells changed nothing
	 */
	record ImportResult(int created, int refused, List<Row> rows, int updated, int unchanged) {
	}

	record Row(long row, String status, String id, List<Map<String, String>> errors) {
	}

	@PostMapping(path = "/api/v1/placements:import", consumes = { "text/csv", "text/plain" })
	ImportResult importCsv(HttpServletRequest request) throws IOException {
		String csv = body(request);
		if (csv.isBlank()) {
			throw new ImportRefused(HttpStatus.BAD_REQUEST, "The body is empty: send a CSV file with a header row.");
		}
		List<CSVRecord> records;
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get()
			.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
			checkHeader(parser.getHeaderNames());
			records = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (records.size() == MAX_ROWS) {
					throw new ImportRefused(HttpStatus.CONTENT_TOO_LARGE,
							"The file has more than " + MAX_ROWS + " rows; split it into smaller files.");
				}
				records.add(record);
			}
		}
		catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
			audit.record(AuditRecord.API, "import", null, null, AuditLog.REFUSED, "malformed CSV");
			throw new ImportRefused(HttpStatus.BAD_REQUEST,
					"The body is not valid CSV (check the quotes and the header row).");
		}
		List<Row> rows = new ArrayList<>();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		Actor caller = (Actor) request.getAttribute(ApiTokenFilter.ACTOR);
		// one batch: the schedules that depend on every placement are rebuilt once for the file, not once per row
		try (PlacementManagement.Batch batch = placements.batch()) {
			for (CSVRecord record : records) {
				long row = record.getRecordNumber() + 1;
				String placementId = value(record, "placement_id");
				if (placementId != null) {
					Row outcome = update(caller, row, placementId, record);
					rows.add(outcome);
					updated += outcome.status().equals("updated") ? 1 : 0;
					unchanged += outcome.status().equals("unchanged") ? 1 : 0;
					continue;
				}
				// a token limited to a programme enrols only into its own: another programme's row is refused
				if (access.decide(caller, Operation.API_IMPORT_PLACEMENTS, Target.program(value(record, "program")))
					.denied()) {
					ProgramNotAllowed refusal = new ProgramNotAllowed(caller.program());
					rows.add(new Row(row, "refused", null,
							List.of(Map.of("field", "program", "message", refusal.rule()))));
					continue;
				}
				PlacementRequest asRequest = request(record);
				try {
					Placement placement = batch.enrol(asRequest.draft());
					audit.record(AuditRecord.API, "enrol", placement.getId(), placement.getParticipant().id().value(),
							AuditLog.DONE, "import row " + row);
					rows.add(new Row(row, "created", placement.getId(), null));
					created++;
				}
				catch (InvalidPlacement e) {
					rows.add(new Row(row, "refused", null,
							asRequest.asWritten(e).violations().stream().map(ImportController::error).toList()));
				}
			}
		}
		int refused = rows.size() - created - updated - unchanged;
		audit.record(AuditRecord.API, "import", null, null, AuditLog.DONE, "created " + created + ", refused "
				+ refused + (updated + unchanged > 0 ? ", updated " + updated + ", unchanged " + unchanged : ""));
		return new ImportResult(created, refused, rows, updated, unchanged);
	}

	/**
	 * A row with a {@code placement_id}: the placement's fields whose cells are not empty change (through
	 * {@link PlacementManagement#change}, so with the checks, audit and notices of any change, and nothing changed for
	 * a refused row); a cell {@code -} clears a coach (all of their cells), the schedule, the work days or the
	 * learning goals. A token limited to a programme updates only its programme's placements, and moves none out of
	 * it. The participant's identity cells are not read for an update (their time zone and language are).
	 */
	private Row update(Actor caller, long row, String placementId, CSVRecord record) {
		Placement placement;
		try {
			placement = placements.get(placementId);
		}
		catch (PlacementNotFound e) {
			return refused(row, placementId, "placement_id", "is not the id of a placement");
		}
		if (access.decide(caller, Operation.API_CHANGE_PLACEMENT, Target.placement(placement)).denied()) {
			// as for a placement that does not exist: a programme's token learns nothing of other programmes
			return refused(row, placementId, "placement_id", "is not the id of a placement");
		}
		String program = value(record, "program");
		if (program != null && access.decide(caller, Operation.API_CHANGE_PLACEMENT, Target.program(program))
			.denied()) {
			return refused(row, placementId, "program", new ProgramNotAllowed(caller.program()).rule());
		}
		Set<String> removed = new LinkedHashSet<>();
		List<Map<String, String>> errors = new ArrayList<>();
		for (String column : List.of("program", "host_organisation", "start_date", "end_date", "manager_name",
				"manager_slack_id", "manager_email", "manager_accounts", "participant_timezone",
				"participant_locale")) {
			if (CLEAR.equals(value(record, column))) {
				errors.add(Map.of("field", column, "message", "cannot be cleared"));
			}
		}
		PlacementRequest.PersonRequest academic = updatedPerson(record, "academic_coach", "academicCoach", removed);
		PlacementRequest.PersonRequest business = updatedPerson(record, "business_coach", "businessCoach", removed);
		String day = value(record, "schedule_day");
		String time = value(record, "schedule_time");
		if (CLEAR.equals(day) || CLEAR.equals(time)) {
			removed.add("schedule");
			day = null;
			time = null;
		}
		String workDays = value(record, "work_days");
		if (CLEAR.equals(workDays)) {
			removed.add("workDays");
			workDays = null;
		}
		String goals = value(record, "learning_goals") != null ? value(record, "learning_goals")
				: value(record, "learningGoals");
		if (CLEAR.equals(goals)) {
			removed.add("learningGoals");
			goals = null;
		}
		String addedValue = value(record, "added_value");
		if (CLEAR.equals(addedValue)) {
			removed.add("addedValue");
			addedValue = null;
		}
		if (!errors.isEmpty()) {
			audit.record(AuditRecord.API, "placement-change", placementId, null, AuditLog.REFUSED,
					"import row " + row + "; fields: " + errors.stream().map(e -> e.get("field")).toList());
			return new Row(row, "refused", placementId, errors);
		}
		PlacementRequest.PersonRequest manager = person(record, "manager");
		PlacementRequest asRequest = new PlacementRequest(null, null, null, null, null, manager, academic, business,
				null, null, null, null);
		PlacementPatch patch = new PlacementPatch(program, value(record, "host_organisation"),
				value(record, "start_date"), value(record, "end_date"), draft(manager), draft(academic),
				draft(business), day == null && time == null ? null : new PlacementDraft.ScheduleDraft(day, time),
				workDays == null ? null
						: Arrays.stream(workDays.split("[;,]")).map(String::strip).filter(d -> !d.isEmpty()).toList(),
				value(record, "participant_timezone"), value(record, "participant_locale"),
				goals == null ? null : Arrays.asList(goals.split(";")), removed, addedValue);
		try {
			PlacementEdit edit = placements.change(placementId, patch, null, AuditRecord.API);
			audit.record(AuditRecord.API, "placement-change", placementId,
					edit.after().getParticipant().id().value(), AuditLog.DONE,
					"import row " + row + "; " + edit.auditNote());
			return new Row(row, edit.changedAnything() ? "updated" : "unchanged", placementId, null);
		}
		catch (InvalidPlacement e) {
			List<Map<String, String>> violations = asRequest.asWritten(e).violations().stream()
				.map(v -> Map.of("field", updateColumn(v.field()), "message", v.message())).toList();
			audit.record(AuditRecord.API, "placement-change", placementId, null, AuditLog.REFUSED, "import row " + row
					+ "; fields: " + violations.stream().map(v -> v.get("field")).distinct().toList());
			return new Row(row, "refused", placementId, violations);
		}
		catch (PlacementConflict e) {
			return refused(row, placementId, "placement_id", "changed while this row was being applied; import it again");
		}
	}

	/** A coach of an update row: {@literal null} when their cells are empty; removed when one of them is {@code -}. */
	private static PlacementRequest.PersonRequest updatedPerson(CSVRecord record, String role, String field,
			Set<String> removed) {
		for (String suffix : List.of("_name", "_slack_id", "_email", "_accounts")) {
			if (CLEAR.equals(value(record, role + suffix))) {
				removed.add(field);
				return null;
			}
		}
		return person(record, role);
	}

	private static PlacementDraft.PersonDraft draft(PlacementRequest.PersonRequest person) {
		return person == null ? null : person.draft();
	}

	/** The column of a violation of an update row: the participant's time zone and language are theirs. */
	private static String updateColumn(String field) {
		return switch (field) {
			case "timezone" -> "participant_timezone";
			case "locale" -> "participant_locale";
			default -> column(field);
		};
	}

	private static Row refused(long row, String placementId, String field, String message) {
		return new Row(row, "refused", placementId, List.of(Map.of("field", field, "message", message)));
	}

	private static Map<String, String> error(Violation v) {
		return Map.of("field", column(v.field()), "message", v.message());
	}

	/**
	 * The CSV column of a draft field ({@code participant.slackUserId} → {@code participant_slack_id},
	 * {@code participant.accounts[1].memberId} → {@code participant_accounts}).
	 */
	static String column(String field) {
		String column = field.replaceAll("\\.accounts(\\[\\d+\\](\\.\\w+)?)?$", "_accounts")
			.replace("hostOrganisation", "host_organisation")
			.replace("startDate", "start_date")
			.replace("endDate", "end_date")
			.replace("academicCoach", "academic_coach")
			.replace("businessCoach", "business_coach")
			.replace("workDays", "work_days")
			.replace("learningGoals", "learning_goals")
			.replace("addedValue", "added_value")
			.replace("schedule.dayOfWeek", "schedule_day")
			.replace("schedule.time", "schedule_time")
			.replace(".slackUserId", "_slack_id")
			.replace(".timezone", "_timezone")
			.replace(".locale", "_locale")
			.replace(".country", "_country")
			.replace(".email", "_email")
			.replace(".name", "_name");
		return column;
	}

	private static void checkHeader(List<String> header) {
		if (header == null || header.isEmpty()) {
			throw new ImportRefused(HttpStatus.BAD_REQUEST, "The header row is missing.");
		}
		Set<String> given = new LinkedHashSet<>(header);
		// a file that updates by placement_id may leave out what it does not change; a row that enrols still needs it
		List<String> missing = REQUIRED.stream().filter(c -> !given.contains(c))
			.filter(c -> !given.contains("placement_id"))
			.filter(c -> !(c.equals("participant_slack_id") && given.contains("participant_accounts")))
			.sorted().toList();
		List<String> unknown = header.stream().filter(c -> !COLUMNS.contains(c)).toList();
		if (!missing.isEmpty() || !unknown.isEmpty()) {
			throw new ImportRefused(HttpStatus.BAD_REQUEST, "The header row is not right"
					+ (missing.isEmpty() ? "" : "; missing columns: " + String.join(", ", missing))
					+ (unknown.isEmpty() ? "" : "; unknown columns: " + String.join(", ", unknown))
					+ ". The first row must name the columns (see docs/admins.md → Cohort import).");
		}
	}

	/** A row as the body of {@code POST /api/v1/placements} would say it, so that the same rules and names apply. */
	private static PlacementRequest request(CSVRecord r) {
		String day = value(r, "schedule_day");
		String time = value(r, "schedule_time");
		String workDays = value(r, "work_days");
		String goals = value(r, "learning_goals") != null ? value(r, "learning_goals") : value(r, "learningGoals");
		return new PlacementRequest(
				new PlacementRequest.PersonRequest(value(r, "participant_name"), value(r, "participant_slack_id"),
						value(r, "participant_email"), value(r, "participant_timezone"), value(r, "participant_locale"),
						value(r, "participant_country"), accounts(value(r, "participant_accounts"))),
				value(r, "program"), value(r, "host_organisation"), value(r, "start_date"), value(r, "end_date"),
				person(r, "manager"), person(r, "academic_coach"), person(r, "business_coach"),
				day == null && time == null ? null : new PlacementRequest.ScheduleRequest(day, time),
				workDays == null ? null
						: Arrays.stream(workDays.split("[;,]")).map(String::strip).filter(d -> !d.isEmpty()).toList(),
				goals == null ? null : Arrays.asList(goals.split(";")), value(r, "added_value"));
	}

	/** A manager or coach, or {@literal null} when every one of their columns is empty. */
	private static PlacementRequest.PersonRequest person(CSVRecord r, String role) {
		String name = value(r, role + "_name");
		String slack = value(r, role + "_slack_id");
		String email = value(r, role + "_email");
		String accounts = value(r, role + "_accounts");
		if (name == null && slack == null && email == null && accounts == null) {
			return null;
		}
		return new PlacementRequest.PersonRequest(name, slack, email, null, null, null, accounts(accounts));
	}

	/**
	 * The {@code *_accounts} column: accounts separated by {@code ;}, each {@code platform:workspace:memberId}
	 * (the workspace may be left empty: {@code slack::U012ADA}) or {@code platform:memberId}; {@literal null} when
	 * empty.
	 */
	static List<PlacementRequest.AccountRequest> accounts(String value) {
		if (value == null) {
			return null;
		}
		List<PlacementRequest.AccountRequest> accounts = new ArrayList<>();
		for (String part : value.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			String[] pieces = part.strip().split(":", 3);
			accounts.add(switch (pieces.length) {
				case 3 -> new PlacementRequest.AccountRequest(pieces[0], pieces[1], pieces[2]);
				case 2 -> new PlacementRequest.AccountRequest(pieces[0], null, pieces[1]);
				default -> new PlacementRequest.AccountRequest(null, null, pieces[0]);
			});
		}
		return accounts;
	}

	private static String value(CSVRecord r, String column) {
		if (!r.isMapped(column) || !r.isSet(column)) {
			return null;
		}
		String value = r.get(column);
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The body as UTF-8, refusing anything over {@link #MAX_BYTES} without reading more than that. */
	private static String body(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw tooLarge();
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private static ImportRefused tooLarge() {
		return new ImportRefused(HttpStatus.CONTENT_TOO_LARGE,
				"The file is larger than 5 MB; split it into smaller files.");
	}

	/** The whole file was refused; nothing was stored. */
	static class ImportRefused extends RuntimeException {

		private final HttpStatus status;

		ImportRefused(HttpStatus status, String detail) {
			super(detail);
			this.status = status;
		}

		HttpStatus status() {
			return status;
		}
	}
}
