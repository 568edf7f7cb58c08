package org.fieldnotes.access;

import static org.fieldnotes.access.Who.ADDRESSEE;
import static org.fieldnotes.access.Who.ADMIN;
import static org.fieldnotes.access.Who.ADMIN_IF_SHARED;
import static org.fieldnotes.access.Who.ANYONE;
import static org.fieldnotes.access.Who.AUTHOR;
import static org.fieldnotes.access.Who.FOLLOWER;
import static org.fieldnotes.access.Who.FOLLOWER_WHO_MAY_READ;
import static org.fieldnotes.access.Who.MANAGER;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.people.PersonLookup;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.placement.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one place that decides who may do what. {@link #RULES} says, for every {@link Operation}, which relations to
 * its target let an actor through ({@link Who}); an operation without a rule is refused. Which roles may read an
 * entry is the entry's {@link org.fieldnotes.placement.Visibility}'s to say; this policy only asks it.
 *
 * <p>Callers make an {@link Actor} here ({@link #member}, {@link #recipient}, {@link #apiCaller}), load the target,
 * and act only on an allowed {@link Decision}; the refusal they show is theirs (in the person's language).
 */
@Service
public class AccessPolicy {

	private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

	/** Roles in the order a person who holds several is taken to act in: the most specific reader first. */
	private static final List<Role> ROLE_ORDER = List.of(Role.ACADEMIC_COACH, Role.BUSINESS_COACH, Role.MANAGER);

	/** The rules: one line per operation. */
	private static final Map<Operation, Set<Who>> RULES = new EnumMap<>(Operation.class);

	static {
		// anyone, about their own things (the feature says "you are not enrolled" where that matters)
		rule(ANYONE, Operation.SLASH_COMMAND, Operation.COMMAND_HELP, Operation.COMMAND_LOG, Operation.COMMAND_STATUS,
				Operation.COMMAND_ME, Operation.COMMAND_GOALS, Operation.COMMAND_HOURS, Operation.COMMAND_AWAY, Operation.COMMAND_REMINDERS,
				Operation.COMMAND_LANGUAGE, Operation.COMMAND_VISIBILITY, Operation.COMMAND_DIGEST,
				Operation.COMMAND_MY_DATA, Operation.HOME_WRITE_BUTTON, Operation.HOME_STATUS_BUTTON,
				Operation.HOME_DEFAULT_VISIBILITY_SELECT, Operation.ERASE_CANCEL_BUTTON, Operation.ENTRY_WRITE_FORM,
				Operation.DIGEST_SETTINGS_FORM, Operation.SAVE_TO_LOGBOOK_SHORTCUT, Operation.DIRECT_MESSAGE,
				Operation.DIRECT_MESSAGE_WITH_FILE, Operation.DIRECT_MESSAGE_THREAD_BROADCAST,
				Operation.DIRECT_MESSAGE_CHANGED, Operation.DIRECT_MESSAGE_DELETED, Operation.BOT_MESSAGE,
				Operation.APP_HOME_OPENED, Operation.MEMBER_CHANGED,
				// the signed, single-use link sent to a new digest address confirms the holder's own address
				Operation.EMAIL_CONFIRM_SHOW, Operation.EMAIL_CONFIRM, Operation.WEB_FRONT_PAGE, Operation.WEB_TRY,
				Operation.WEB_TRY_PROMPT, Operation.WEB_TRY_DIGEST, Operation.WEB_CHAT_PAGE,
				Operation.WEB_CHAT_CONVERSATION, Operation.WEB_CHAT_HOME, Operation.WEB_CHAT_DIALOG,
				Operation.WEB_CHAT_STREAM, Operation.WEB_CHAT_FILE, Operation.WEB_CHAT_MESSAGE, Operation.WEB_CHAT_ACTION,
				Operation.WEB_CHAT_FORM, Operation.WEB_CHAT_FORM_CANCEL, Operation.WEB_CHAT_PERSONA,
				// the asker's own portfolio; a brief only of a placement the asker follows (the feature checks, and
				// asks READ_ITEM for each entry)
				Operation.COMMAND_PORTFOLIO, Operation.COMMAND_BRIEF,
				// opens the asker's own end-of-placement report; the form itself is the participant's (END_REPORT_FORM)
				Operation.COMMAND_REPORT,
				// a meeting only of a placement the asker coaches or coordinates (the feature checks)
				Operation.COMMAND_MEETING,
				// the portal's sign-in: the mailed link is the permission, and only a person's confirmed address gets
				// one; My placements lists only the signed-in person's own and those they follow (a stranger without
				// a session is sent to sign in by the security filter before anything is asked)
				Operation.PORTAL_SIGN_IN_PAGE, Operation.PORTAL_SIGN_IN_REQUEST, Operation.PORTAL_SIGN_IN_LINK,
				Operation.PORTAL_SIGN_IN,
				Operation.PORTAL_MY_PLACEMENTS,
				// finds only what the signed-in person may read: every item asks READ_ITEM
				Operation.PORTAL_SEARCH);
		// programme coordinators: chat admins and admin API tokens
		rule(ADMIN, Operation.COMMAND_DIGEST_PREVIEW_OF, Operation.COMMAND_ENROLL, Operation.COMMAND_LIST,
				Operation.COMMAND_PAUSE, Operation.COMMAND_RESUME, Operation.COMMAND_END, Operation.COMMAND_SEND_NOW,
				Operation.COMMAND_SKIP, Operation.COMMAND_WHO_IS_QUIET, Operation.COMMAND_PROGRAMS,
				Operation.COMMAND_ADMIN, Operation.COMMAND_AUDIT, Operation.COMMAND_ERASE,
				Operation.ERASE_CONFIRM_BUTTON, Operation.ENROLMENT_FORM, Operation.API_ENROL_PLACEMENT,
				Operation.API_LIST_PLACEMENTS, Operation.API_SHOW_PLACEMENT, Operation.API_PLACEMENT_ENTRIES,
				Operation.API_PLACEMENT_STATUS_UPDATES, Operation.API_SEND_PROMPT, Operation.API_IMPORT_PLACEMENTS,
				Operation.API_SHOW_PROGRAM, Operation.API_UPDATE_PROGRAM, Operation.API_SEND_DIGESTS,
				Operation.API_SHOW_DIGEST_RUN,
				Operation.API_RETENTION_SWEEP, Operation.API_CREATE_TOKEN, Operation.API_LIST_TOKENS,
				Operation.API_REVOKE_TOKEN, Operation.API_EXPORT_PERSON, Operation.API_ERASE_PERSON,
				Operation.API_LIST_DELIVERIES, Operation.COMMAND_DEMO, Operation.API_SHOW_DEMO,
				Operation.API_REMOVE_DEMO, Operation.API_CHANGE_PLACEMENT, Operation.COMMAND_CHANGE,
				Operation.API_PAUSE_PLACEMENTS, Operation.API_RESUME_PLACEMENTS, Operation.API_PLACEMENT_BLOCKERS,
				Operation.API_SHOW_BLOCKER_SETTINGS, Operation.API_UPDATE_BLOCKER_SETTINGS,
				Operation.API_PROGRAM_EVALUATION_CSV, Operation.API_PROGRAM_EVALUATION_PDF, Operation.API_PLACEMENT_BRIEF,
				Operation.API_PLACEMENT_END_REPORT,
				Operation.COMMAND_SURVEY, Operation.API_SEND_SURVEY, Operation.API_PROGRAM_SURVEY_ANSWERS_CSV,
				Operation.API_SCHEDULE_MEETING, Operation.API_LIST_MEETINGS, Operation.API_CANCEL_MEETING,
				Operation.CHANGE_FORM, Operation.API_PLACEMENT_SIGNOFFS, Operation.API_PLACEMENT_HOURS);
		// only the participant a prompt was sent to acts on it
		rule(ADDRESSEE, Operation.PROMPT_WRITE_BUTTON, Operation.PROMPT_STATUS_BUTTON, Operation.PROMPT_SNOOZE_BUTTON,
				Operation.PROMPT_SKIP_BUTTON, Operation.PROMPT_ANSWER_FORM, Operation.STATUS_UPDATE_FORM);
		// only the participant a survey was sent to answers it
		rule(ADDRESSEE, Operation.SURVEY_OPEN_BUTTON, Operation.SURVEY_ANSWER_FORM);
		// only the participant says which of their learning goals moved
		rule(ADDRESSEE, Operation.GOAL_PROGRESS_BUTTON, Operation.GOAL_PROGRESS_FORM);
		// the end-of-placement report: the participant writes it, only the placement's manager approves or returns it
		// (coaches have no part in it; coordinators read it through the admin API)
		rule(ADDRESSEE, Operation.END_REPORT_FORM);
		rule(MANAGER, Operation.END_REPORT_APPROVE_BUTTON, Operation.END_REPORT_RETURN_BUTTON,
				Operation.END_REPORT_RETURN_FORM, Operation.END_REPORT_PAGE_SHOW, Operation.END_REPORT_PAGE_ACT);
		// host sign-off of weeks: only the placement's manager (coaches and admins have no part in it; coordinators
		// read the sign-offs through the admin API)
		rule(MANAGER, Operation.WEEK_SIGNOFF_BUTTON, Operation.WEEK_SIGNOFF_FORM, Operation.WEEK_SIGNOFF_PAGE_SHOW,
				Operation.WEEK_SIGNOFF_PAGE_ACT);
		// only the author changes an entry or a status update, or who can see it
		rule(AUTHOR, Operation.VISIBILITY_BUTTON, Operation.HOME_ENTRY_MENU, Operation.HOME_UPDATE_MENU,
				Operation.ENTRY_EDIT_FORM, Operation.ENTRY_DELETE_FORM);
		// acknowledging and replying: a follower of the placement the entry is shared with (never the author)
		rule(FOLLOWER_WHO_MAY_READ, Operation.ENTRY_ACKNOWLEDGE_BUTTON, Operation.ENTRY_REPLY_BUTTON,
				Operation.ENTRY_REPLY_FORM, Operation.RESPONSE_PAGE_SHOW, Operation.RESPONSE_PAGE_RESPOND,
				Operation.PORTAL_ACKNOWLEDGE, Operation.PORTAL_REPLY);
		// acknowledging and resolving a blocker: likewise, a follower it is shared with (the participant resolves
		// their own in the status form)
		rule(FOLLOWER_WHO_MAY_READ, Operation.BLOCKER_ACKNOWLEDGE_BUTTON, Operation.BLOCKER_RESOLVE_BUTTON,
				Operation.BLOCKER_PAGE_SHOW, Operation.BLOCKER_PAGE_ACT);
		// a placement's timeline: its participant, whoever follows it (in any role), its coordinators; each item on it
		// is asked of READ_ITEM for the reader, as a digest would be
		rule(EnumSet.of(ADDRESSEE, FOLLOWER, ADMIN), Operation.PORTAL_PLACEMENT_TIMELINE);
		// reading: the author, a follower it is shared with, an admin when it is shared beyond the academic coach
		rule(EnumSet.of(AUTHOR, FOLLOWER_WHO_MAY_READ, ADMIN_IF_SHARED), Operation.READ_ITEM);
	}

	private final Admins admins;
	private final PersonLookup people;

	public AccessPolicy(Admins admins, PersonLookup people) {
		this.admins = admins;
		this.people = people;
	}

	/**
	 * A chat member, by account: the person it is, if Fieldnotes knows them, and whether they are an admin (both
	 * looked up now, once).
	 */
	public Actor member(ChatAccount account) {
		if (account == null) {
			return new Actor(null, null, Actor.Kind.MEMBER, false);
		}
		PersonId person = people.find(account).map(Person::id).orElse(null);
		boolean admin = admins.isAdmin(account);
		return new Actor(person, account, Actor.Kind.MEMBER, admin, admin ? admins.programsOf(account) : Set.of());
	}

	/**
	 * Whoever a response link was minted for. Never an admin: a link carries only the right to respond to one entry.
	 */
	public Actor recipient(PersonId person) {
		return new Actor(person, null, Actor.Kind.EMAIL_LINK, false);
	}

	/**
	 * A person signed in to the portal, by their person record: an admin when any of their chat accounts is one (of
	 * the programmes those accounts coordinate; of every programme when one of them is unlimited).
	 */
	public Actor signedIn(Person person) {
		if (person == null) {
			return new Actor(null, null, Actor.Kind.SESSION, false);
		}
		boolean admin = false;
		boolean everyProgramme = false;
		Set<String> programs = new java.util.TreeSet<>();
		for (ChatAccount account : person.accounts()) {
			if (admins.isAdmin(account)) {
				admin = true;
				Set<String> theirs = admins.programsOf(account);
				everyProgramme |= theirs.isEmpty();
				programs.addAll(theirs);
			}
		}
		return new Actor(person.id(), null, Actor.Kind.SESSION, admin, everyProgramme ? Set.of() : programs);
	}

	/** An admin API caller with an unlimited admin token (the bootstrap token), by its name. */
	public Actor apiCaller(String tokenName) {
		return apiCaller(tokenName, TokenScope.ADMIN, null);
	}

	/**
	 * An admin API caller, by the name of the token that let it in, its scope ({@literal null}: admin) and the
	 * programme it is limited to ({@literal null}: none). Every token is an admin's; its scope and programme only
	 * narrow what it may do (see {@link #limits}).
	 */
	public Actor apiCaller(String tokenName, TokenScope scope, String program) {
		return new Actor(tokenName, Actor.Kind.API_TOKEN, true, TokenScope.orAdmin(scope), program);
	}

	/** The rule for an operation: the relations that let an actor through (empty: none, refused). */
	public static Set<Who> rule(Operation operation) {
		return RULES.getOrDefault(operation, Set.of());
	}

	/** Whether the member may do an operation that acts on nothing in particular. */
	public boolean allows(ChatAccount account, Operation operation) {
		return decide(member(account), operation, Target.none()).allowed();
	}

	/**
	 * Whether the actor may do the operation to the target, without a log line: for choosing what to show (the
	 * help's commands, the entries an API answer lists), not for refusing a request.
	 */
	public boolean permits(Actor actor, Operation operation, Target target) {
		return decideQuietly(actor, operation, target).allowed();
	}

	/** Decides whether the actor may do the operation to the target; a refusal is logged (operation and reason). */
	public Decision decide(Actor actor, Operation operation, Target target) {
		Decision decision = decideQuietly(actor, operation, target);
		if (decision.denied()) {
			log.info("Denied {} to a {}: {}", operation, actor.kind().name().toLowerCase(Locale.ROOT),
					decision.reason());
		}
		return decision;
	}

	private Decision decideQuietly(Actor actor, Operation operation, Target target) {
		Set<Who> rule = RULES.get(operation);
		if (rule == null || rule.isEmpty()) {
			return Decision.deny(Decision.Reason.NO_RULE);
		}
		if (actor == null || actor.key() == null || actor.key().isBlank()) {
			return Decision.deny(Decision.Reason.NOT_PERMITTED);
		}
		Target on = target == null ? Target.none() : target;
		Decision limited = limits(actor, operation, on);
		if (limited != null) {
			return limited;
		}
		for (Who who : rule) {
			Decision decision = check(who, actor, on);
			if (decision != null) {
				return decision;
			}
		}
		return Decision.deny(Decision.Reason.NOT_PERMITTED);
	}

	/**
	 * What an API token's scope and programme take away, whatever the rule: a read-only token does nothing that
	 * {@linkplain Operation#writes writes}; a token limited to a programme does nothing
	 * {@linkplain Operation.On#INSTALLATION installation-wide}, and nothing to a target of another programme. A
	 * target whose programme is not known yet (the admin API's list, or a placement to enrol before its body is
	 * read) is not refused here: the handler asks again with the target. {@literal null} when nothing is taken away.
	 */
	private static Decision limits(Actor actor, Operation operation, Target target) {
		if ((actor.kind() == Actor.Kind.MEMBER || actor.kind() == Actor.Kind.SESSION) && !actor.programs().isEmpty()) {
			return programmeAdminLimits(actor, operation, target);
		}
		if (actor.kind() != Actor.Kind.API_TOKEN) {
			return null;
		}
		if (actor.scope() == TokenScope.READ_ONLY && operation.writes()) {
			return Decision.deny(Decision.Reason.READ_ONLY_TOKEN);
		}
		if (actor.program() == null) {
			return null;
		}
		if (operation.on() == Operation.On.INSTALLATION || operation.surface() != Surface.HTTP
				&& operation.surface() != Surface.INTERNAL) {
			return Decision.deny(Decision.Reason.PROGRAM_TOKEN);
		}
		String program = target.programKey();
		if (program != null && !program.equals(ProgramSettings.keyOf(actor.program()))) {
			return Decision.deny(Decision.Reason.OTHER_PROGRAM);
		}
		return null;
	}

	/**
	 * The admin commands that concern every programme, which an admin limited to programmes may not run: adding and
	 * removing admins, erasing a person, the quiet participants of every programme, anyone's digest, the demo.
	 */
	private static final Set<Operation> EVERY_PROGRAMME = EnumSet.of(Operation.COMMAND_ADMIN, Operation.COMMAND_ERASE,
			Operation.ERASE_CONFIRM_BUTTON, Operation.COMMAND_WHO_IS_QUIET, Operation.COMMAND_DIGEST_PREVIEW_OF,
			Operation.COMMAND_DEMO);

	/**
	 * What limiting a chat admin to programmes takes away: the commands that concern every programme, and anything
	 * to a target of a programme they do not coordinate. {@literal null} when nothing is taken away (the command
	 * itself keeps to their programmes: a list shows only theirs).
	 */
	private static Decision programmeAdminLimits(Actor actor, Operation operation, Target target) {
		if (EVERY_PROGRAMME.contains(operation)) {
			return Decision.deny(Decision.Reason.PROGRAM_ADMIN);
		}
		String program = target.programKey();
		if (program != null && !actor.programs().contains(program)) {
			return Decision.deny(Decision.Reason.OTHER_PROGRAM);
		}
		return null;
	}

	/** An allowed decision when the actor has this relation to the target; else {@literal null}. */
	private static Decision check(Who who, Actor actor, Target target) {
		switch (who) {
			case ANYONE:
				return Decision.allow(Decision.Reason.ANYONE, null);
			case ADMIN:
				return actor.admin() ? Decision.allow(Decision.Reason.ADMIN, null) : null;
			case ADDRESSEE: {
				Placement placement = target.placement();
				return placement != null && actor.person() != null && placement.isParticipant(actor.person())
						? Decision.allow(Decision.Reason.ADDRESSEE, null) : null;
			}
			case AUTHOR:
				return target.authorId() != null && actor.person() != null
						&& actor.person().value().equals(target.authorId())
								? Decision.allow(Decision.Reason.AUTHOR, null) : null;
			case FOLLOWER_WHO_MAY_READ: {
				if (!target.isItem() || target.placement() == null) {
					return null;
				}
				Map<Role, Person> followers = target.placement().followers();
				for (Role role : ROLE_ORDER) {
					Person person = followers.get(role);
					if (person != null && person.id().equals(actor.person()) && target.visibility().readableBy(role)) {
						return Decision.allow(Decision.Reason.FOLLOWER, role);
					}
				}
				return null;
			}
			case FOLLOWER: {
				Placement placement = target.placement();
				if (placement == null || actor.person() == null) {
					return null;
				}
				List<Role> roles = placement.rolesOf(actor.person());
				return ROLE_ORDER.stream().filter(roles::contains).findFirst()
					.map(role -> Decision.allow(Decision.Reason.FOLLOWER, role)).orElse(null);
			}
			case ADMIN_IF_SHARED:
				return actor.admin() && target.isItem() && target.visibility().readableByAdmins()
						? Decision.allow(Decision.Reason.ADMIN_SHARED, null) : null;
			case MANAGER: {
				Placement placement = target.placement();
				Person manager = placement == null ? null : placement.getManager();
				return manager != null && actor.person() != null && manager.id().equals(actor.person())
						? Decision.allow(Decision.Reason.MANAGER, Role.MANAGER) : null;
			}
			default:
				throw new IllegalStateException(who.name());
		}
	}

	private static void rule(Who who, Operation... operations) {
		rule(EnumSet.of(who), operations);
	}

	private static void rule(Set<Who> who, Operation... operations) {
		for (Operation operation : operations) {
			if (RULES.put(operation, Collections.unmodifiableSet(EnumSet.copyOf(who))) != null) {
				throw new IllegalStateException("Two rules for " + operation);
			}
		}
	}
}
