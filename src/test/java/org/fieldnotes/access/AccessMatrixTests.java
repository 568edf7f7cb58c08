package org.fieldnotes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.placement.PlacementFixtures.personId;
import static org.fieldnotes.placement.PlacementFixtures.slack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementFixtures;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.junit.jupiter.api.Test;

/**
 * Roles × operations: what {@link AccessPolicy} decides for each person around placement P, written out by hand
 * (never computed from the policy). The columns are people, the target is P (its prompt, or an entry Ada wrote in
 * it, shared with the coaches unless a row says otherwise):
 *
 * <pre>
 * P   participant Ada (UADA), manager Maja (UMAJA), academic coach Anders (UANDERS), business coach Beata (UBEATA)
 * P2  participant Bruno (UBRUNO), academic coach Carl (UCARL): "another participant", "coach of another placement"
 * admin (UADMIN), a stranger (UMALLORY)
 * </pre>
 *
 * A new {@link Operation} without a row here fails {@link #everyOperationHasAnExpectedRowAndARule()}.
 */
class AccessMatrixTests {

	private static final String[] PEOPLE = { "UADA", "UBRUNO", "UMAJA", "UANDERS", "UBEATA", "UCARL", "UADMIN",
			"UMALLORY" };
	private static final Placement P = PlacementFixtures.withPeople("P", "UADA", "UMAJA", "UANDERS", "UBEATA");
	private static final Placement P2 = PlacementFixtures.withPeople("P2", "UBRUNO", null, "UCARL", null);

	private static final String ALL = "Y Y Y Y Y Y Y Y";
	private static final String ADMIN = ". . . . . . Y .";
	private static final String PARTICIPANT = "Y . . . . . . .";
	private static final String COACHES = ". . . Y Y . . .";
	private static final String MANAGER = ". . Y . . . . .";

	//                                                  Ada Bruno Maja Anders Beata Carl admin stranger
	private static final Map<Operation, String> EXPECTED = new EnumMap<>(Map.ofEntries(
			Map.entry(Operation.SLASH_COMMAND, ALL),
			Map.entry(Operation.COMMAND_HELP, ALL),
			Map.entry(Operation.COMMAND_LOG, ALL),
			Map.entry(Operation.COMMAND_STATUS, ALL),
			Map.entry(Operation.COMMAND_ME, ALL),
			Map.entry(Operation.COMMAND_GOALS, ALL),
			Map.entry(Operation.COMMAND_HOURS, ALL),
			Map.entry(Operation.COMMAND_AWAY, ALL),
			Map.entry(Operation.COMMAND_REMINDERS, ALL),
			Map.entry(Operation.COMMAND_LANGUAGE, ALL),
			Map.entry(Operation.COMMAND_VISIBILITY, ALL),
			Map.entry(Operation.COMMAND_DIGEST, ALL),
			Map.entry(Operation.COMMAND_DIGEST_PREVIEW_OF, ADMIN),
			Map.entry(Operation.COMMAND_MY_DATA, ALL),
			Map.entry(Operation.COMMAND_ENROLL, ADMIN),
			Map.entry(Operation.COMMAND_LIST, ADMIN),
			Map.entry(Operation.COMMAND_PAUSE, ADMIN),
			Map.entry(Operation.COMMAND_RESUME, ADMIN),
			Map.entry(Operation.COMMAND_END, ADMIN),
			Map.entry(Operation.COMMAND_CHANGE, ADMIN),
			Map.entry(Operation.COMMAND_SEND_NOW, ADMIN),
			Map.entry(Operation.COMMAND_SKIP, ADMIN),
			Map.entry(Operation.COMMAND_WHO_IS_QUIET, ADMIN),
			Map.entry(Operation.COMMAND_PROGRAMS, ADMIN),
			Map.entry(Operation.COMMAND_ADMIN, ADMIN),
			Map.entry(Operation.COMMAND_AUDIT, ADMIN),
			Map.entry(Operation.COMMAND_ERASE, ADMIN),
			Map.entry(Operation.PROMPT_WRITE_BUTTON, PARTICIPANT),
			Map.entry(Operation.PROMPT_STATUS_BUTTON, PARTICIPANT),
			Map.entry(Operation.PROMPT_SNOOZE_BUTTON, PARTICIPANT),
			Map.entry(Operation.PROMPT_SKIP_BUTTON, PARTICIPANT),
			Map.entry(Operation.ENTRY_ACKNOWLEDGE_BUTTON, COACHES),
			Map.entry(Operation.ENTRY_REPLY_BUTTON, COACHES),
			Map.entry(Operation.BLOCKER_ACKNOWLEDGE_BUTTON, COACHES),
			Map.entry(Operation.BLOCKER_RESOLVE_BUTTON, COACHES),
			Map.entry(Operation.VISIBILITY_BUTTON, PARTICIPANT),
			Map.entry(Operation.HOME_WRITE_BUTTON, ALL),
			Map.entry(Operation.HOME_STATUS_BUTTON, ALL),
			Map.entry(Operation.HOME_ENTRY_MENU, PARTICIPANT),
			Map.entry(Operation.HOME_UPDATE_MENU, PARTICIPANT),
			Map.entry(Operation.HOME_DEFAULT_VISIBILITY_SELECT, ALL),
			Map.entry(Operation.ERASE_CONFIRM_BUTTON, ADMIN),
			Map.entry(Operation.ERASE_CANCEL_BUTTON, ALL),
			Map.entry(Operation.PROMPT_ANSWER_FORM, PARTICIPANT),
			Map.entry(Operation.STATUS_UPDATE_FORM, PARTICIPANT),
			Map.entry(Operation.ENTRY_WRITE_FORM, ALL),
			Map.entry(Operation.ENTRY_EDIT_FORM, PARTICIPANT),
			Map.entry(Operation.ENTRY_DELETE_FORM, PARTICIPANT),
			Map.entry(Operation.ENTRY_REPLY_FORM, COACHES),
			Map.entry(Operation.ENROLMENT_FORM, ADMIN),
			Map.entry(Operation.DIGEST_SETTINGS_FORM, ALL),
			Map.entry(Operation.CHANGE_FORM, ADMIN),
			Map.entry(Operation.SAVE_TO_LOGBOOK_SHORTCUT, ALL),
			Map.entry(Operation.DIRECT_MESSAGE, ALL),
			Map.entry(Operation.DIRECT_MESSAGE_WITH_FILE, ALL),
			Map.entry(Operation.DIRECT_MESSAGE_THREAD_BROADCAST, ALL),
			Map.entry(Operation.DIRECT_MESSAGE_CHANGED, ALL),
			Map.entry(Operation.DIRECT_MESSAGE_DELETED, ALL),
			Map.entry(Operation.BOT_MESSAGE, ALL),
			Map.entry(Operation.APP_HOME_OPENED, ALL),
			Map.entry(Operation.MEMBER_CHANGED, ALL),
			Map.entry(Operation.API_ENROL_PLACEMENT, ADMIN),
			Map.entry(Operation.API_LIST_PLACEMENTS, ADMIN),
			Map.entry(Operation.API_SHOW_PLACEMENT, ADMIN),
			Map.entry(Operation.API_PLACEMENT_ENTRIES, ADMIN),
			Map.entry(Operation.API_PLACEMENT_STATUS_UPDATES, ADMIN),
			Map.entry(Operation.API_SEND_PROMPT, ADMIN),
			Map.entry(Operation.API_CHANGE_PLACEMENT, ADMIN),
			Map.entry(Operation.API_PAUSE_PLACEMENTS, ADMIN),
			Map.entry(Operation.API_RESUME_PLACEMENTS, ADMIN),
			Map.entry(Operation.API_PLACEMENT_BLOCKERS, ADMIN),
			Map.entry(Operation.API_SHOW_BLOCKER_SETTINGS, ADMIN),
			Map.entry(Operation.API_UPDATE_BLOCKER_SETTINGS, ADMIN),
			Map.entry(Operation.API_IMPORT_PLACEMENTS, ADMIN),
			Map.entry(Operation.API_SHOW_PROGRAM, ADMIN),
			Map.entry(Operation.API_UPDATE_PROGRAM, ADMIN),
			Map.entry(Operation.API_SEND_DIGESTS, ADMIN),
			Map.entry(Operation.API_SHOW_DIGEST_RUN, ADMIN),
			Map.entry(Operation.API_RETENTION_SWEEP, ADMIN),
			Map.entry(Operation.API_CREATE_TOKEN, ADMIN),
			Map.entry(Operation.API_LIST_TOKENS, ADMIN),
			Map.entry(Operation.API_REVOKE_TOKEN, ADMIN),
			Map.entry(Operation.API_EXPORT_PERSON, ADMIN),
			Map.entry(Operation.API_ERASE_PERSON, ADMIN),
			Map.entry(Operation.API_LIST_DELIVERIES, ADMIN),
			Map.entry(Operation.COMMAND_DEMO, ADMIN),
			Map.entry(Operation.API_SHOW_DEMO, ADMIN),
			Map.entry(Operation.API_REMOVE_DEMO, ADMIN),
			Map.entry(Operation.COMMAND_PORTFOLIO, ALL),
			Map.entry(Operation.COMMAND_BRIEF, ALL),
			Map.entry(Operation.COMMAND_SURVEY, ADMIN),
			Map.entry(Operation.SURVEY_OPEN_BUTTON, PARTICIPANT),
			Map.entry(Operation.SURVEY_ANSWER_FORM, PARTICIPANT),
			Map.entry(Operation.GOAL_PROGRESS_BUTTON, PARTICIPANT),
			Map.entry(Operation.GOAL_PROGRESS_FORM, PARTICIPANT),
			Map.entry(Operation.API_SEND_SURVEY, ADMIN),
			Map.entry(Operation.API_PROGRAM_SURVEY_ANSWERS_CSV, ADMIN),
			Map.entry(Operation.API_PROGRAM_EVALUATION_CSV, ADMIN),
			Map.entry(Operation.API_PROGRAM_EVALUATION_PDF, ADMIN),
			Map.entry(Operation.API_PLACEMENT_BRIEF, ADMIN),
			Map.entry(Operation.API_SCHEDULE_MEETING, ADMIN),
			Map.entry(Operation.API_LIST_MEETINGS, ADMIN),
			Map.entry(Operation.API_CANCEL_MEETING, ADMIN),
			Map.entry(Operation.COMMAND_MEETING, ALL),
			Map.entry(Operation.RESPONSE_PAGE_SHOW, COACHES),
			Map.entry(Operation.RESPONSE_PAGE_RESPOND, COACHES),
			Map.entry(Operation.BLOCKER_PAGE_SHOW, COACHES),
			Map.entry(Operation.BLOCKER_PAGE_ACT, COACHES),
			Map.entry(Operation.EMAIL_CONFIRM_SHOW, ALL),
			Map.entry(Operation.EMAIL_CONFIRM, ALL),
			Map.entry(Operation.WEB_FRONT_PAGE, ALL),
			Map.entry(Operation.WEB_TRY, ALL),
			Map.entry(Operation.WEB_TRY_PROMPT, ALL),
			Map.entry(Operation.WEB_TRY_DIGEST, ALL),
			Map.entry(Operation.WEB_CHAT_PAGE, ALL),
			Map.entry(Operation.WEB_CHAT_CONVERSATION, ALL),
			Map.entry(Operation.WEB_CHAT_HOME, ALL),
			Map.entry(Operation.WEB_CHAT_DIALOG, ALL),
			Map.entry(Operation.WEB_CHAT_STREAM, ALL),
			Map.entry(Operation.WEB_CHAT_FILE, ALL),
			Map.entry(Operation.WEB_CHAT_MESSAGE, ALL),
			Map.entry(Operation.WEB_CHAT_ACTION, ALL),
			Map.entry(Operation.WEB_CHAT_FORM, ALL),
			Map.entry(Operation.WEB_CHAT_FORM_CANCEL, ALL),
			Map.entry(Operation.WEB_CHAT_PERSONA, ALL),
			Map.entry(Operation.COMMAND_REPORT, ALL),
			Map.entry(Operation.END_REPORT_FORM, PARTICIPANT),
			Map.entry(Operation.END_REPORT_APPROVE_BUTTON, MANAGER),
			Map.entry(Operation.END_REPORT_RETURN_BUTTON, MANAGER),
			Map.entry(Operation.END_REPORT_RETURN_FORM, MANAGER),
			Map.entry(Operation.END_REPORT_PAGE_SHOW, MANAGER),
			Map.entry(Operation.END_REPORT_PAGE_ACT, MANAGER),
			Map.entry(Operation.API_PLACEMENT_END_REPORT, ADMIN),
			Map.entry(Operation.WEEK_SIGNOFF_BUTTON, MANAGER),
			Map.entry(Operation.WEEK_SIGNOFF_FORM, MANAGER),
			Map.entry(Operation.WEEK_SIGNOFF_PAGE_SHOW, MANAGER),
			Map.entry(Operation.WEEK_SIGNOFF_PAGE_ACT, MANAGER),
			Map.entry(Operation.API_PLACEMENT_SIGNOFFS, ADMIN),
			Map.entry(Operation.API_PLACEMENT_HOURS, ADMIN),
			Map.entry(Operation.PORTAL_SIGN_IN_PAGE, ALL),
			Map.entry(Operation.PORTAL_SIGN_IN_REQUEST, ALL),
			Map.entry(Operation.PORTAL_SIGN_IN_LINK, ALL),
			Map.entry(Operation.PORTAL_SIGN_IN, ALL),
			Map.entry(Operation.PORTAL_MY_PLACEMENTS, ALL),
			Map.entry(Operation.PORTAL_PLACEMENT_TIMELINE, "Y . Y Y Y . Y ."),
			Map.entry(Operation.PORTAL_SEARCH, ALL),
			Map.entry(Operation.PORTAL_ACKNOWLEDGE, COACHES),
			Map.entry(Operation.PORTAL_REPLY, COACHES),
			Map.entry(Operation.READ_ITEM, "Y . . Y Y . Y .")));

	/** Reading an entry, by its visibility: private is the author's, confidential reaches only the academic coach. */
	private static final Map<Visibility, String> READ = Map.of(
			Visibility.PRIVATE,      "Y . . . . . . .",
			Visibility.COACHES,      "Y . . Y Y . Y .",
			Visibility.PLACEMENT,    "Y . Y Y Y . Y .",
			Visibility.CONFIDENTIAL, "Y . . Y . . . .");

	/** Acknowledging or replying, by the entry's visibility: a follower it is shared with, never its author. */
	private static final Map<Visibility, String> RESPOND = Map.of(
			Visibility.PRIVATE,      ". . . . . . . .",
			Visibility.COACHES,      ". . . Y Y . . .",
			Visibility.PLACEMENT,    ". . Y Y Y . . .",
			Visibility.CONFIDENTIAL, ". . . Y . . . .");

	private static final Set<Operation> RESPONDING = EnumSet.of(Operation.ENTRY_ACKNOWLEDGE_BUTTON,
			Operation.ENTRY_REPLY_BUTTON, Operation.ENTRY_REPLY_FORM, Operation.RESPONSE_PAGE_SHOW,
			Operation.RESPONSE_PAGE_RESPOND, Operation.BLOCKER_ACKNOWLEDGE_BUTTON, Operation.BLOCKER_RESOLVE_BUTTON,
			Operation.BLOCKER_PAGE_SHOW, Operation.BLOCKER_PAGE_ACT, Operation.PORTAL_ACKNOWLEDGE, Operation.PORTAL_REPLY);

	/**
	 * API tokens × admin API operations: an admin token; a read-only one; one limited to programme "KTP 2026" on a
	 * target of its own programme (P, or the name written in another case), and on one of programme "Other" (OTHER).
	 */
	//                                                                  admin read-only KTP-own KTP-other
	private static final Map<Operation, String> TOKENS = new EnumMap<>(Map.ofEntries(
			Map.entry(Operation.API_ENROL_PLACEMENT,          "Y . Y ."),
			Map.entry(Operation.API_LIST_PLACEMENTS,          "Y Y Y Y"),
			Map.entry(Operation.API_SHOW_PLACEMENT,           "Y Y Y ."),
			Map.entry(Operation.API_PLACEMENT_ENTRIES,        "Y Y Y ."),
			Map.entry(Operation.API_PLACEMENT_STATUS_UPDATES, "Y Y Y ."),
			Map.entry(Operation.API_SEND_PROMPT,              "Y . Y ."),
			Map.entry(Operation.API_CHANGE_PLACEMENT,         "Y . Y ."),
			Map.entry(Operation.API_PAUSE_PLACEMENTS,         "Y . Y ."),
			Map.entry(Operation.API_RESUME_PLACEMENTS,        "Y . Y ."),
			Map.entry(Operation.API_PLACEMENT_BLOCKERS,       "Y Y Y ."),
			Map.entry(Operation.API_SHOW_BLOCKER_SETTINGS,    "Y Y Y ."),
			Map.entry(Operation.API_UPDATE_BLOCKER_SETTINGS,  "Y . Y ."),
			Map.entry(Operation.API_IMPORT_PLACEMENTS,        "Y . Y ."),
			Map.entry(Operation.API_SHOW_PROGRAM,             "Y Y Y ."),
			Map.entry(Operation.API_UPDATE_PROGRAM,           "Y . Y ."),
			Map.entry(Operation.API_SEND_DIGESTS,             "Y . . ."),
			Map.entry(Operation.API_SHOW_DIGEST_RUN,          "Y Y . ."),
			Map.entry(Operation.API_RETENTION_SWEEP,          "Y . . ."),
			Map.entry(Operation.API_CREATE_TOKEN,             "Y . . ."),
			Map.entry(Operation.API_LIST_TOKENS,              "Y Y . ."),
			Map.entry(Operation.API_REVOKE_TOKEN,             "Y . . ."),
			Map.entry(Operation.API_EXPORT_PERSON,            "Y Y . ."),
			Map.entry(Operation.API_ERASE_PERSON,             "Y . . ."),
			Map.entry(Operation.API_LIST_DELIVERIES,          "Y Y . ."),
			Map.entry(Operation.API_SHOW_DEMO,                "Y Y . ."),
			Map.entry(Operation.API_REMOVE_DEMO,              "Y . . ."),
			Map.entry(Operation.API_PROGRAM_EVALUATION_CSV,   "Y Y Y ."),
			Map.entry(Operation.API_PROGRAM_EVALUATION_PDF,   "Y Y Y ."),
			Map.entry(Operation.API_PLACEMENT_BRIEF,          "Y Y Y ."),
			Map.entry(Operation.API_PLACEMENT_END_REPORT,     "Y Y Y ."),
			Map.entry(Operation.API_SEND_SURVEY,              "Y . Y ."),
			Map.entry(Operation.API_PROGRAM_SURVEY_ANSWERS_CSV, "Y Y Y ."),
			Map.entry(Operation.API_SCHEDULE_MEETING,         "Y . Y ."),
			Map.entry(Operation.API_LIST_MEETINGS,            "Y Y Y ."),
			Map.entry(Operation.API_CANCEL_MEETING,           "Y . Y ."),
			Map.entry(Operation.API_PLACEMENT_SIGNOFFS,       "Y Y Y ."),
			Map.entry(Operation.API_PLACEMENT_HOURS,          "Y Y Y ."),
			Map.entry(Operation.READ_ITEM,                    "Y Y Y .")));

	private static final Placement OTHER = PlacementFixtures.inProgram("OTHER", "Other");

	private final AccessPolicy policy = new AccessPolicy(account -> account.memberId().equals("UADMIN"), PlacementFixtures.people());

	@Test
	void everyOperationHasAnExpectedRowAndARule() {
		assertThat(EXPECTED.keySet()).as("operations without an expected row in this test")
			.containsExactlyInAnyOrder(Operation.values());
		for (Operation operation : Operation.values()) {
			assertThat(AccessPolicy.rule(operation)).as("the rule for " + operation).isNotEmpty();
		}
	}

	@Test
	void eachPersonGetsWhatTheTableSays() {
		List<String> wrong = new ArrayList<>();
		for (Operation operation : Operation.values()) {
			compare(operation, target(operation, Visibility.COACHES), EXPECTED.get(operation), wrong);
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void readingFollowsTheEntrysVisibility() {
		List<String> wrong = new ArrayList<>();
		for (Visibility visibility : Visibility.values()) {
			compare(Operation.READ_ITEM, Target.item(P, personId("UADA").value(), visibility), READ.get(visibility), wrong);
			for (Operation operation : RESPONDING) {
				compare(operation, Target.item(P, personId("UADA").value(), visibility), RESPOND.get(visibility), wrong);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aCoachOfAnotherPlacementIsAllowedOnlyForTheirOwn() {
		Target brunosEntry = Target.item(P2, personId("UBRUNO").value(), Visibility.CONFIDENTIAL);
		assertThat(policy.decide(policy.member(slack("UCARL")), Operation.ENTRY_ACKNOWLEDGE_BUTTON, brunosEntry).allowed()).isTrue();
		assertThat(policy.decide(policy.member(slack("UANDERS")), Operation.ENTRY_ACKNOWLEDGE_BUTTON, brunosEntry).allowed())
			.isFalse();
		assertThat(policy.decide(policy.member(slack("UBRUNO")), Operation.PROMPT_SNOOZE_BUTTON, Target.placement(P2)).allowed())
			.isTrue();
		assertThat(policy.decide(policy.member(slack("UADA")), Operation.PROMPT_SNOOZE_BUTTON, Target.placement(P2)).allowed())
			.isFalse();
	}

	/**
	 * A person signed in to the portal is decided as their chat accounts are: the same cell for every operation and
	 * every person of the table (an admin through their account's admin rights), and the same reading of each
	 * visibility; someone signed in with no person is refused everything.
	 */
	@Test
	void aSignedInPersonGetsWhatTheirAccountGets() {
		List<String> wrong = new ArrayList<>();
		for (Operation operation : Operation.values()) {
			for (String person : PEOPLE) {
				var account = slack(person);
				var signedIn = policy.signedIn(PlacementFixtures.people().find(account).orElseThrow());
				assertThat(signedIn.kind()).isEqualTo(Actor.Kind.SESSION);
				boolean asMember = policy.decide(policy.member(account), operation, target(operation, Visibility.COACHES)).allowed();
				boolean asSession = policy.decide(signedIn, operation, target(operation, Visibility.COACHES)).allowed();
				if (asMember != asSession) {
					wrong.add(operation + " for " + person + ": member " + asMember + ", signed in " + asSession);
				}
			}
		}
		assertThat(wrong).isEmpty();
		var anders = policy.signedIn(PlacementFixtures.people().find(slack("UANDERS")).orElseThrow());
		assertThat(anders.admin()).isFalse();
		assertThat(policy.decide(anders, Operation.READ_ITEM, Target.item(P, personId("UADA").value(), Visibility.CONFIDENTIAL))
			.allowed()).isTrue();
		var maja = policy.signedIn(PlacementFixtures.people().find(slack("UMAJA")).orElseThrow());
		assertThat(policy.decide(maja, Operation.READ_ITEM, Target.item(P, personId("UADA").value(), Visibility.CONFIDENTIAL))
			.allowed()).isFalse();
		assertThat(policy.signedIn(PlacementFixtures.people().find(slack("UADMIN")).orElseThrow()).admin()).isTrue();
		assertThat(policy.decide(policy.signedIn(null), Operation.PORTAL_MY_PLACEMENTS, Target.none()).allowed()).isFalse();
	}

	@Test
	void aFollowerActsInTheMostSpecificRoleThatMayRead() {
		Placement both = PlacementFixtures.withPeople("P3", "UADA", "UANDERS", "UANDERS", "UBEATA");
		assertThat(policy.decide(policy.member(slack("UANDERS")), Operation.ENTRY_ACKNOWLEDGE_BUTTON,
				Target.item(both, personId("UADA").value(), Visibility.PLACEMENT)).role()).isEqualTo(Role.ACADEMIC_COACH);
		Placement managerAndBusinessCoach = PlacementFixtures.withPeople("P4", "UADA", "UBEATA", "UANDERS", "UBEATA");
		assertThat(policy.decide(policy.member(slack("UBEATA")), Operation.ENTRY_ACKNOWLEDGE_BUTTON,
				Target.item(managerAndBusinessCoach, personId("UADA").value(), Visibility.PLACEMENT)).role()).isEqualTo(Role.BUSINESS_COACH);
	}

	@Test
	void anApiTokenIsAnAdminAnEmailLinkNeverIsAndNobodyIsNobody() {
		Actor token = policy.apiCaller("evaluation-export");
		for (Operation operation : Operation.values()) {
			if (operation.surface() == Surface.HTTP && operation.id().startsWith(operation.id().split(" ")[0] + " /api/")) {
				assertThat(policy.decide(token, operation, Target.none()).allowed()).as(operation.name()).isTrue();
			}
		}
		// a link minted for the admin's member id carries no admin rights
		assertThat(policy.decide(policy.recipient(personId("UADMIN")), Operation.COMMAND_ERASE, Target.none()).allowed()).isFalse();
		assertThat(policy.decide(policy.recipient(personId("UANDERS")), Operation.RESPONSE_PAGE_SHOW,
				Target.item(P, personId("UADA").value(), Visibility.CONFIDENTIAL)).allowed()).isTrue();
		Decision nobody = policy.decide(policy.member(null), Operation.COMMAND_HELP, Target.none());
		assertThat(nobody.allowed()).isFalse();
		assertThat(nobody.reason()).isEqualTo(Decision.Reason.NOT_PERMITTED);
	}

	@Test
	void aTokensScopeAndProgrammeNarrowWhatItMayDo() {
		Actor admin = policy.apiCaller("ops", TokenScope.ADMIN, null);
		Actor readOnly = policy.apiCaller("reporting", TokenScope.READ_ONLY, null);
		Actor ktp = policy.apiCaller("ktp", TokenScope.ADMIN, "KTP 2026");
		List<String> wrong = new ArrayList<>();
		for (Operation operation : Operation.values()) {
			if (!operation.id().contains(" /api/") && operation != Operation.READ_ITEM) {
				continue;
			}
			String expected = TOKENS.get(operation);
			assertThat(expected).as("a row for " + operation).isNotNull();
			String actual = String.join(" ", cell(admin, operation, own(operation)), cell(readOnly, operation, own(operation)),
					cell(ktp, operation, own(operation)), cell(ktp, operation, other(operation)));
			if (!actual.equals(expected)) {
				wrong.add(operation + ": expected " + expected + " but was " + actual);
			}
		}
		assertThat(wrong).isEmpty();
		// what a token lacks is the reason given, so the API can name it
		assertThat(policy.decide(readOnly, Operation.API_ENROL_PLACEMENT, Target.none()).reason())
			.isEqualTo(Decision.Reason.READ_ONLY_TOKEN);
		assertThat(policy.decide(ktp, Operation.API_LIST_TOKENS, Target.none()).reason())
			.isEqualTo(Decision.Reason.PROGRAM_TOKEN);
		assertThat(policy.decide(ktp, Operation.API_SHOW_PLACEMENT, Target.placement(OTHER)).reason())
			.isEqualTo(Decision.Reason.OTHER_PROGRAM);
		// programmes compare without regard to case or surrounding spaces
		assertThat(policy.decide(ktp, Operation.API_UPDATE_PROGRAM, Target.program("  ktp 2026 ")).allowed()).isTrue();
		// a token limited to a programme never does what a chat member does, even on its own programme
		assertThat(policy.decide(ktp, Operation.COMMAND_PAUSE, Target.placement(P)).allowed()).isFalse();
		assertThat(policy.decide(readOnly, Operation.COMMAND_LIST, Target.none()).allowed()).isFalse();
	}

	@Test
	void anItemOperationWithoutItsTargetIsRefused() {
		assertThat(policy.decide(policy.member(slack("UANDERS")), Operation.ENTRY_ACKNOWLEDGE_BUTTON, Target.none()).allowed())
			.isFalse();
		assertThat(policy.decide(policy.member(slack("UADA")), Operation.PROMPT_SKIP_BUTTON, Target.none()).allowed()).isFalse();
		assertThat(policy.decide(policy.member(slack("UADA")), Operation.ENTRY_EDIT_FORM, null).allowed()).isFalse();
	}

	// ---------------------------------------------------------------------------------------------- helpers

	private String cell(Actor actor, Operation operation, Target target) {
		return policy.decide(actor, operation, target).allowed() ? "Y" : ".";
	}

	/** The target of a token's own programme (P is in KTP 2026; the programme is written in another case). */
	private static Target own(Operation operation) {
		return switch (operation.on()) {
			case PLACEMENT -> Target.placement(P);
			case PROGRAM -> Target.program("ktp 2026");
			case ITEM -> Target.item(P, personId("UADA").value(), Visibility.COACHES);
			default -> Target.none();
		};
	}

	private static Target other(Operation operation) {
		return switch (operation.on()) {
			case PLACEMENT -> Target.placement(OTHER);
			case PROGRAM -> Target.program("Other");
			case ITEM -> Target.item(OTHER, personId("UPARTICIPANT").value(), Visibility.COACHES);
			default -> Target.none();
		};
	}

	private static Target target(Operation operation, Visibility visibility) {
		switch (operation.on()) {
			case PLACEMENT:
				return Target.placement(P);
			case ITEM:
				return Target.item(P, personId("UADA").value(), visibility);
			default:
				return Target.none();
		}
	}

	private void compare(Operation operation, Target target, String expected, List<String> wrong) {
		String[] cells = expected.split(" ");
		assertThat(cells).as("a cell for each person in the row of " + operation).hasSize(PEOPLE.length);
		StringBuilder actual = new StringBuilder();
		for (String person : PEOPLE) {
			actual.append(actual.length() == 0 ? "" : " ")
				.append(policy.decide(policy.member(slack(person)), operation, target).allowed() ? "Y" : ".");
		}
		if (!actual.toString().equals(expected)) {
			wrong.add(operation + (target.visibility() == null ? "" : " on a " + target.visibility() + " entry")
					+ ": expected " + expected + " but was " + actual);
		}
	}
}
