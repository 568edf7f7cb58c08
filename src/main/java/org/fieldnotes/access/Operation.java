package org.fieldnotes.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every operation of the app, one constant each: every {@code /fieldnotes} subcommand, every Bolt action id, view
 * callback id, shortcut and event the app handles, every HTTP endpoint, and what the app does for a person without a
 * request of theirs. Who may do each is decided by {@link AccessPolicy} alone; {@code AccessMatrixTests} fails when
 * the running app handles something that has no constant here, or a constant has no rule.
 */
public enum Operation {

	// ------------------------------------------------------------------ the slash command and its subcommands
	SLASH_COMMAND(Surface.SLASH_COMMAND, "/fieldnotes", On.NOTHING),
	COMMAND_HELP(Surface.SUBCOMMAND, "help", On.NOTHING),
	COMMAND_LOG(Surface.SUBCOMMAND, "log", On.NOTHING),
	COMMAND_STATUS(Surface.SUBCOMMAND, "status", On.NOTHING),
	COMMAND_ME(Surface.SUBCOMMAND, "me", On.NOTHING),
	COMMAND_GOALS(Surface.SUBCOMMAND, "goals", On.NOTHING),
	/** Logs or shows the asker's own hours (against their programme's required total). */
	COMMAND_HOURS(Surface.SUBCOMMAND, "hours", On.NOTHING),
	COMMAND_AWAY(Surface.SUBCOMMAND, "away", On.NOTHING),
	COMMAND_REMINDERS(Surface.SUBCOMMAND, "reminders", On.NOTHING),
	COMMAND_LANGUAGE(Surface.SUBCOMMAND, "language", On.NOTHING),
	COMMAND_VISIBILITY(Surface.SUBCOMMAND, "visibility", On.NOTHING),
	COMMAND_DIGEST(Surface.SUBCOMMAND, "digest", On.NOTHING),
	/** {@code digest preview @person}: someone else's digest as it would look now. */
	COMMAND_DIGEST_PREVIEW_OF(Surface.SUBCOMMAND, "digest preview @person", On.NOTHING),
	COMMAND_MY_DATA(Surface.SUBCOMMAND, "my-data", On.NOTHING),
	COMMAND_ENROLL(Surface.SUBCOMMAND, "enroll", On.NOTHING),
	/** {@code change @person key:value…}: changes the person's placement. */
	COMMAND_CHANGE(Surface.SUBCOMMAND, "change", On.NOTHING),
	COMMAND_LIST(Surface.SUBCOMMAND, "list", On.NOTHING),
	COMMAND_PAUSE(Surface.SUBCOMMAND, "pause", On.NOTHING),
	COMMAND_RESUME(Surface.SUBCOMMAND, "resume", On.NOTHING),
	COMMAND_END(Surface.SUBCOMMAND, "end", On.NOTHING),
	COMMAND_SEND_NOW(Surface.SUBCOMMAND, "send-now", On.NOTHING),
	COMMAND_SKIP(Surface.SUBCOMMAND, "skip", On.NOTHING),
	COMMAND_WHO_IS_QUIET(Surface.SUBCOMMAND, "who-is-quiet", On.NOTHING),
	COMMAND_PROGRAMS(Surface.SUBCOMMAND, "programs", On.NOTHING),
	COMMAND_ADMIN(Surface.SUBCOMMAND, "admin", On.NOTHING),
	COMMAND_AUDIT(Surface.SUBCOMMAND, "audit", On.NOTHING),
	COMMAND_ERASE(Surface.SUBCOMMAND, "erase", On.NOTHING),
	/** {@code demo remove}: removes every demo placement and demo person. */
	COMMAND_DEMO(Surface.SUBCOMMAND, "demo", On.NOTHING),
	/** {@code portfolio [from:…] [to:…] [only:…] [without:…]}: the asker's own logbook as a portfolio, sent to them. */
	COMMAND_PORTFOLIO(Surface.SUBCOMMAND, "portfolio", On.NOTHING),
	/**
	 * {@code brief @person [since:…]}: the steering-meeting brief of a placement the asker follows (an admin: any),
	 * with only the entries the asker may read ({@link #READ_ITEM}).
	 */
	COMMAND_BRIEF(Surface.SUBCOMMAND, "brief", On.NOTHING),
	/** {@code report}: opens the asker's own end-of-placement report form (drafted from their logbook). */
	COMMAND_REPORT(Surface.SUBCOMMAND, "report", On.NOTHING),
	/** {@code survey <surveyId> program:"…"}: sends a survey now to the programme's active placements. */
	COMMAND_SURVEY(Surface.SUBCOMMAND, "survey", On.NOTHING),
	/**
	 * {@code meeting @person date:YYYY-MM-DD [title:"…"]}: schedules a steering meeting of a placement the asker
	 * coordinates (an admin of its programme) or coaches; the feature checks which.
	 */
	COMMAND_MEETING(Surface.SUBCOMMAND, "meeting", On.NOTHING),

	// ------------------------------------------------------------------ buttons and menus (Bolt action ids)
	PROMPT_WRITE_BUTTON(Surface.ACTION, "prompt_write", On.PLACEMENT),
	PROMPT_STATUS_BUTTON(Surface.ACTION, "prompt_status", On.PLACEMENT),
	PROMPT_SNOOZE_BUTTON(Surface.ACTION, "prompt_snooze", On.PLACEMENT),
	PROMPT_SKIP_BUTTON(Surface.ACTION, "prompt_skip", On.PLACEMENT),
	ENTRY_ACKNOWLEDGE_BUTTON(Surface.ACTION, "entry_acknowledge", On.ITEM),
	ENTRY_REPLY_BUTTON(Surface.ACTION, "entry_reply", On.ITEM),
	/** "✓ Acknowledge blocker" under a blocker in a digest: open ⇒ acknowledged. */
	BLOCKER_ACKNOWLEDGE_BUTTON(Surface.ACTION, "blocker_acknowledge", On.ITEM),
	/** "Resolved" under a blocker in a digest: open or acknowledged ⇒ resolved. */
	BLOCKER_RESOLVE_BUTTON(Surface.ACTION, "blocker_resolve", On.ITEM),
	/** "Who can see this" buttons under a saved-confirmation: one action id per visibility. */
	VISIBILITY_BUTTON(Surface.ACTION, "visibility_[a-z]+", On.ITEM),
	HOME_WRITE_BUTTON(Surface.ACTION, "home_write", On.NOTHING),
	HOME_STATUS_BUTTON(Surface.ACTION, "home_status", On.NOTHING),
	/** An entry's menu on the Home: edit, delete, who can see it. */
	HOME_ENTRY_MENU(Surface.ACTION, "home_entry_menu", On.ITEM),
	/** A status update's menu on the Home: who can see it. */
	HOME_UPDATE_MENU(Surface.ACTION, "home_update_menu", On.ITEM),
	HOME_DEFAULT_VISIBILITY_SELECT(Surface.ACTION, "home_visibility_default", On.NOTHING),
	ERASE_CONFIRM_BUTTON(Surface.ACTION, "privacy_erase_confirm", On.NOTHING),
	/** Changes nothing: the question is replaced by "cancelled". */
	ERASE_CANCEL_BUTTON(Surface.ACTION, "privacy_erase_cancel", On.NOTHING),
	/** "Approve" under an end-of-placement report sent to the placement's manager. */
	END_REPORT_APPROVE_BUTTON(Surface.ACTION, "end_report_approve", On.PLACEMENT),
	/** "Return with a comment" under it: opens the comment form. */
	END_REPORT_RETURN_BUTTON(Surface.ACTION, "end_report_return", On.PLACEMENT),
	/** "Answer the survey" under a survey message: opens the survey's form for the participant it was sent to. */
	SURVEY_OPEN_BUTTON(Surface.ACTION, "survey_open", On.PLACEMENT),
	/** "Which goal moved?" under the month's first prompt: opens the month's goal-progress form. */
	GOAL_PROGRESS_BUTTON(Surface.ACTION, "goal_progress", On.PLACEMENT),
	/** Green, Amber or Red under a week sent to the placement's manager for sign-off: opens the sign-off form. */
	WEEK_SIGNOFF_BUTTON(Surface.ACTION, "week_signoff_[a-z]+", On.PLACEMENT),

	// ------------------------------------------------------------------ forms (Bolt view callback ids)
	PROMPT_ANSWER_FORM(Surface.VIEW_SUBMISSION, "prompt_answer", On.PLACEMENT),
	/** The status-update form; it is about a prompt only when opened from a status-check prompt. */
	STATUS_UPDATE_FORM(Surface.VIEW_SUBMISSION, "status_update", On.PLACEMENT),
	ENTRY_WRITE_FORM(Surface.VIEW_SUBMISSION, "entry_write", On.NOTHING),
	ENTRY_EDIT_FORM(Surface.VIEW_SUBMISSION, "entry_edit", On.ITEM),
	ENTRY_DELETE_FORM(Surface.VIEW_SUBMISSION, "entry_delete", On.ITEM),
	ENTRY_REPLY_FORM(Surface.VIEW_SUBMISSION, "entry_reply", On.ITEM),
	ENROLMENT_FORM(Surface.VIEW_SUBMISSION, "fieldnotes_enrol", On.NOTHING),
	DIGEST_SETTINGS_FORM(Surface.VIEW_SUBMISSION, "fieldnotes_digest_settings", On.NOTHING),
	/** The participant's end-of-placement report: saved as a draft or submitted to the manager. */
	END_REPORT_FORM(Surface.VIEW_SUBMISSION, "end_report", On.PLACEMENT),
	/** The manager's comment when returning an end-of-placement report. */
	END_REPORT_RETURN_FORM(Surface.VIEW_SUBMISSION, "end_report_return", On.PLACEMENT),
	/** A survey's answers; a second submission replaces the first. */
	SURVEY_ANSWER_FORM(Surface.VIEW_SUBMISSION, "survey_answer", On.PLACEMENT),
	/** The change form ({@code change @person} alone): the placement is in the form's metadata, checked again. */
	CHANGE_FORM(Surface.VIEW_SUBMISSION, "fieldnotes_change", On.NOTHING),
	/** Which learning goals moved this month; a second submission for the month replaces the first. */
	GOAL_PROGRESS_FORM(Surface.VIEW_SUBMISSION, "goal_progress", On.PLACEMENT),
	/** The manager's week sign-off: the rating from the button and an optional comment. */
	WEEK_SIGNOFF_FORM(Surface.VIEW_SUBMISSION, "week_signoff", On.PLACEMENT),

	// ------------------------------------------------------------------ shortcuts and events
	SAVE_TO_LOGBOOK_SHORTCUT(Surface.SHORTCUT, "save_to_logbook", On.NOTHING),
	DIRECT_MESSAGE(Surface.EVENT, "message", On.NOTHING),
	DIRECT_MESSAGE_WITH_FILE(Surface.EVENT, "message:file_share", On.NOTHING),
	DIRECT_MESSAGE_THREAD_BROADCAST(Surface.EVENT, "message:thread_broadcast", On.NOTHING),
	/** The sender edited their own message (Slack sends it only for their own). */
	DIRECT_MESSAGE_CHANGED(Surface.EVENT, "message:message_changed", On.NOTHING),
	DIRECT_MESSAGE_DELETED(Surface.EVENT, "message:message_deleted", On.NOTHING),
	/** Ignored. */
	BOT_MESSAGE(Surface.EVENT, "message:bot_message", On.NOTHING),
	APP_HOME_OPENED(Surface.EVENT, "app_home_opened", On.NOTHING),
	MEMBER_CHANGED(Surface.EVENT, "user_change", On.NOTHING),

	// ------------------------------------------------------------------ the admin API (behind its bearer token)
	// What each acts on decides what a token limited to one programme may do: a PLACEMENT ({id}) or a PROGRAM of
	// its own, the placements list (filtered to its programme), never anything INSTALLATION-wide.
	/** The programme is the one in the body: the handler asks again with it. */
	API_ENROL_PLACEMENT(Surface.HTTP, "POST /api/v1/placements", On.PROGRAM),
	/** Lists only the placements the caller may see ({@link #API_SHOW_PLACEMENT} for each). */
	API_LIST_PLACEMENTS(Surface.HTTP, "GET /api/v1/placements", On.NOTHING),
	API_SHOW_PLACEMENT(Surface.HTTP, "GET /api/v1/placements/{id}", On.PLACEMENT),
	/** Filtered further by {@link #READ_ITEM}: what is shared with admins. */
	API_PLACEMENT_ENTRIES(Surface.HTTP, "GET /api/v1/placements/{id}/entries", On.PLACEMENT),
	/** Filtered further by {@link #READ_ITEM}: what is shared with admins. */
	API_PLACEMENT_STATUS_UPDATES(Surface.HTTP, "GET /api/v1/placements/{id}/status-updates", On.PLACEMENT),
	API_SEND_PROMPT(Surface.HTTP, "POST /api/v1/placements/{id}/send-prompt", On.PLACEMENT),
	/** A new programme in the body is checked again by the handler: a programme's token keeps to its own. */
	API_CHANGE_PLACEMENT(Surface.HTTP, "PATCH /api/v1/placements/{id}", On.PLACEMENT),
	/** A closure window for a programme (the one in the body, asked again by the handler) or every programme. */
	API_PAUSE_PLACEMENTS(Surface.HTTP, "POST /api/v1/placements:pause", On.PROGRAM),
	/** Ends closures early: the handler keeps a programme's token to its own programme's. */
	API_RESUME_PLACEMENTS(Surface.HTTP, "POST /api/v1/placements:resume", On.PROGRAM),
	/** Filtered further by {@link #READ_ITEM}: what is shared with admins. */
	API_PLACEMENT_BLOCKERS(Surface.HTTP, "GET /api/v1/placements/{id}/blockers", On.PLACEMENT),
	/** The programme's blocker escalation threshold. */
	API_SHOW_BLOCKER_SETTINGS(Surface.HTTP, "GET /api/v1/programs/{program}/blockers", On.PROGRAM),
	API_UPDATE_BLOCKER_SETTINGS(Surface.HTTP, "PUT /api/v1/programs/{program}/blockers", On.PROGRAM),
	/** Each row's programme is checked as for {@link #API_ENROL_PLACEMENT}. */
	API_IMPORT_PLACEMENTS(Surface.HTTP, "POST /api/v1/placements:import", On.PROGRAM),
	API_SHOW_PROGRAM(Surface.HTTP, "GET /api/v1/programs/{program}", On.PROGRAM),
	API_UPDATE_PROGRAM(Surface.HTTP, "PUT /api/v1/programs/{program}", On.PROGRAM),
	/** One row per placement-week of the programme: counts and colours, never words (docs/admins.md). */
	API_PROGRAM_EVALUATION_CSV(Surface.HTTP, "GET /api/v1/programs/{program}/evaluation.csv", On.PROGRAM),
	/** The same rows summed up as a PDF: response rates, colours, moods, flags (counts only). */
	API_PROGRAM_EVALUATION_PDF(Surface.HTTP, "GET /api/v1/programs/{program}/evaluation.pdf", On.PROGRAM),
	/** The steering-meeting brief of a placement (JSON, or a PDF for {@code Accept: application/pdf}). */
	API_PLACEMENT_BRIEF(Surface.HTTP, "GET /api/v1/placements/{id}/brief", On.PLACEMENT),
	/** The placement's end-of-placement report (JSON, or a PDF for {@code Accept: application/pdf}). */
	API_PLACEMENT_END_REPORT(Surface.HTTP, "GET /api/v1/placements/{id}/end-report", On.PLACEMENT),
	/** The placement's week sign-offs by its manager (rating, comment, who, when, through which surface). */
	API_PLACEMENT_SIGNOFFS(Surface.HTTP, "GET /api/v1/placements/{id}/signoffs", On.PLACEMENT),
	/** The placement's hours: the total against the programme's requirement and each day's figure (never a note). */
	API_PLACEMENT_HOURS(Surface.HTTP, "GET /api/v1/placements/{id}/hours", On.PLACEMENT),
	/** Sends a survey now to the programme's active placements (each once a day at most). */
	API_SEND_SURVEY(Surface.HTTP, "POST /api/v1/programs/{program}/surveys/{surveyId}:send", On.PROGRAM),
	/** One row per survey answer: numbers and option ids; free text only from a survey with {@code shareText}. */
	API_PROGRAM_SURVEY_ANSWERS_CSV(Surface.HTTP, "GET /api/v1/programs/{program}/survey-answers.csv", On.PROGRAM),
	/** Scheduled steering meetings: each reader gets the brief some work days before. */
	API_SCHEDULE_MEETING(Surface.HTTP, "POST /api/v1/placements/{id}/meetings", On.PLACEMENT),
	API_LIST_MEETINGS(Surface.HTTP, "GET /api/v1/placements/{id}/meetings", On.PLACEMENT),
	API_CANCEL_MEETING(Surface.HTTP, "DELETE /api/v1/placements/{id}/meetings/{meetingId}", On.PLACEMENT),
	/** Queues this week's digests and answers at once; {@link #API_SHOW_DIGEST_RUN} follows the run. */
	API_SEND_DIGESTS(Surface.HTTP, "POST /api/v1/digests/send", On.INSTALLATION),
	API_SHOW_DIGEST_RUN(Surface.HTTP, "GET /api/v1/digests/runs/{id}", On.INSTALLATION),
	API_RETENTION_SWEEP(Surface.HTTP, "POST /api/v1/retention:sweep", On.INSTALLATION),
	API_CREATE_TOKEN(Surface.HTTP, "POST /api/v1/tokens", On.INSTALLATION),
	API_LIST_TOKENS(Surface.HTTP, "GET /api/v1/tokens", On.INSTALLATION),
	API_REVOKE_TOKEN(Surface.HTTP, "DELETE /api/v1/tokens/{name}", On.INSTALLATION),
	/** A person may follow placements of several programmes: installation-wide. */
	API_EXPORT_PERSON(Surface.HTTP, "GET /api/v1/people/{id}/export", On.INSTALLATION),
	API_ERASE_PERSON(Surface.HTTP, "DELETE /api/v1/people/{id}", On.INSTALLATION),
	API_LIST_DELIVERIES(Surface.HTTP, "GET /api/v1/deliveries", On.INSTALLATION),
	/** How many demo placements and people there are. */
	API_SHOW_DEMO(Surface.HTTP, "GET /api/v1/demo", On.INSTALLATION),
	/** Removes every demo placement and person (erased, as a person is). */
	API_REMOVE_DEMO(Surface.HTTP, "DELETE /api/v1/demo", On.INSTALLATION),

	// ------------------------------------------------------------------ the e-mail digest's signed response page
	/** The token names the recipient (the actor) and the entry (the target). */
	RESPONSE_PAGE_SHOW(Surface.HTTP, "GET /r/{token}", On.ITEM),
	RESPONSE_PAGE_RESPOND(Surface.HTTP, "POST /r/{token}", On.ITEM),
	/** The e-mail digest's blocker link: the token names the recipient and the blocker; GET changes nothing. */
	BLOCKER_PAGE_SHOW(Surface.HTTP, "GET /b/{token}", On.ITEM),
	BLOCKER_PAGE_ACT(Surface.HTTP, "POST /b/{token}", On.ITEM),
	/** The e-mail to a manager with an end-of-placement report: the token names the manager and the placement. */
	END_REPORT_PAGE_SHOW(Surface.HTTP, "GET /e/{token}", On.PLACEMENT),
	END_REPORT_PAGE_ACT(Surface.HTTP, "POST /e/{token}", On.PLACEMENT),
	/** The e-mail asking a manager to sign off a week: the token names the manager, the placement and the week. */
	WEEK_SIGNOFF_PAGE_SHOW(Surface.HTTP, "GET /w/{token}", On.PLACEMENT),
	WEEK_SIGNOFF_PAGE_ACT(Surface.HTTP, "POST /w/{token}", On.PLACEMENT),

	// ------------------------------------------------------------------ confirming a new digest address
	/** The signed, single-use link e-mailed to a new address: the token names the person and the address. */
	EMAIL_CONFIRM_SHOW(Surface.HTTP, "GET /confirm/{token}", On.NOTHING),
	EMAIL_CONFIRM(Surface.HTTP, "POST /confirm/{token}", On.NOTHING),

	// ------------------------------------------------------------------ the web chat's pages
	/** What Fieldnotes is; Try it when the demo is on. */
	WEB_FRONT_PAGE(Surface.HTTP, "GET /", On.NOTHING),
	/** Starts a demo of made-up people and gives the browser session its four personas. */
	WEB_TRY(Surface.HTTP, "POST /try", On.NOTHING),
	/** The demo controls act on the session's own demo placement only. */
	WEB_TRY_PROMPT(Surface.HTTP, "POST /try/prompt", On.NOTHING),
	WEB_TRY_DIGEST(Surface.HTTP, "POST /try/digest", On.NOTHING),
	/**
	 * The chat, as the session's current persona, on their own conversation, Home and form; what a button, a typed
	 * text or a form does is its own operation (e.g. {@link #PROMPT_SKIP_BUTTON}), decided like Slack's.
	 */
	WEB_CHAT_PAGE(Surface.HTTP, "GET /chat", On.NOTHING),
	WEB_CHAT_CONVERSATION(Surface.HTTP, "GET /chat/conversation", On.NOTHING),
	WEB_CHAT_HOME(Surface.HTTP, "GET /chat/home", On.NOTHING),
	WEB_CHAT_DIALOG(Surface.HTTP, "GET /chat/dialog", On.NOTHING),
	WEB_CHAT_STREAM(Surface.HTTP, "GET /chat/stream", On.NOTHING),
	WEB_CHAT_FILE(Surface.HTTP, "GET /chat/files/{id}", On.NOTHING),
	WEB_CHAT_MESSAGE(Surface.HTTP, "POST /chat/messages", On.NOTHING),
	WEB_CHAT_ACTION(Surface.HTTP, "POST /chat/actions", On.NOTHING),
	WEB_CHAT_FORM(Surface.HTTP, "POST /chat/forms", On.NOTHING),
	WEB_CHAT_FORM_CANCEL(Surface.HTTP, "POST /chat/forms/cancel", On.NOTHING),
	WEB_CHAT_PERSONA(Surface.HTTP, "POST /chat/persona", On.NOTHING),

	// ------------------------------------------------------------------ the portal (a signed-in session)
	/** Asks for an address to mail a sign-in link to. */
	PORTAL_SIGN_IN_PAGE(Surface.HTTP, "GET /portal/sign-in", On.NOTHING),
	/**
	 * Asks for a sign-in link. The security filter mails a link when the address is a person's (and answers); every
	 * other address ends here, with the very same answer.
	 */
	PORTAL_SIGN_IN_REQUEST(Surface.HTTP, "POST /portal/sign-in", On.NOTHING),
	/** The mailed link: a "Sign in" button only (mail scanners open links); its POST is the security filter's. */
	PORTAL_SIGN_IN_LINK(Surface.HTTP, "GET /portal/sign-in/link", On.NOTHING),
	/**
	 * Signs in: the security filter, with a token; a request without one (nothing to sign in with) ends here and is
	 * sent back to ask for a new link.
	 */
	PORTAL_SIGN_IN(Surface.HTTP, "POST /portal/sign-in/link", On.NOTHING),
	/** My placements: the signed-in person's own placements, and those they follow, each with its figures. */
	PORTAL_MY_PLACEMENTS(Surface.HTTP, "GET /portal", On.NOTHING),
	/** A placement week by week; each item only when {@link #READ_ITEM} lets the reader read it. */
	PORTAL_PLACEMENT_TIMELINE(Surface.HTTP, "GET /portal/placements/{id}", On.PLACEMENT),
	/** Search across the items the signed-in person may read (each item asks {@link #READ_ITEM}). */
	PORTAL_SEARCH(Surface.HTTP, "GET /portal/search", On.NOTHING),
	/** Acknowledges an entry from the timeline, as the digest's button does. */
	PORTAL_ACKNOWLEDGE(Surface.HTTP, "POST /portal/entries/{id}/acknowledge", On.ITEM),
	/** Replies to an entry from the timeline, as the digest's reply form does. */
	PORTAL_REPLY(Surface.HTTP, "POST /portal/entries/{id}/reply", On.ITEM),

	// ------------------------------------------------------------------ not a request
	/** Showing an entry or a status update to someone: a digest, a summary, an API answer. */
	READ_ITEM(Surface.INTERNAL, "read an entry or status update", On.ITEM);

	/** What the operation acts on. */
	public enum On {
		/** Nothing in particular (or the actor's own things). */
		NOTHING,
		/** A placement: a prompt's, or the admin API's {@code {id}}. */
		PLACEMENT,
		/** An entry or a status update. */
		ITEM,
		/** A programme: the admin API's {@code {program}}, or the one named in the body. */
		PROGRAM,
		/** The whole installation: every programme (tokens, digests for all, retention, a person's data). */
		INSTALLATION
	}

	/** An HTTP endpoint a request went to, with the values of its path's variables (decoded). */
	public record Match(Operation operation, java.util.Map<String, String> variables) {
	}

	private static final java.util.Map<Operation, PathPattern> PATHS = new java.util.EnumMap<>(Operation.class);

	static {
		PathPatternParser parser = new PathPatternParser();
		for (Operation operation : values()) {
			if (operation.surface == Surface.HTTP) {
				PATHS.put(operation, parser.parse(operation.id.substring(operation.id.indexOf(' ') + 1)));
			}
		}
	}

	private final Surface surface;
	private final String id;
	private final On on;

	Operation(Surface surface, String id, On on) {
		this.surface = surface;
		this.id = id;
		this.on = on;
	}

	public Surface surface() {
		return surface;
	}

	/** How the surface names it: the subcommand, action id, callback id, event key or {@code METHOD /path}. */
	public String id() {
		return id;
	}

	public On on() {
		return on;
	}

	/** The operation with this id on this surface (exactly as written here). */
	public static Optional<Operation> find(Surface surface, String id) {
		return Arrays.stream(values()).filter(o -> o.surface == surface && o.id.equals(id)).findFirst();
	}

	/** The {@code /fieldnotes} subcommand of this name. */
	public static Optional<Operation> command(String name) {
		return find(Surface.SUBCOMMAND, name == null ? "" : name.toLowerCase(Locale.ROOT));
	}

	/** The HTTP endpoint a request goes to, by method and path (without the context path). */
	public static Optional<Operation> request(String method, String path) {
		return match(method, path).map(Match::operation);
	}

	/** The HTTP endpoint a request goes to and its path variables; empty when no operation is that request. */
	public static Optional<Match> match(String method, String path) {
		PathContainer container = PathContainer.parsePath(path == null ? "" : path);
		return Arrays.stream(values())
			.filter(o -> o.surface == Surface.HTTP && o.id.startsWith(method + " "))
			.map(o -> {
				PathPattern.PathMatchInfo info = PATHS.get(o).matchAndExtract(container);
				return info == null ? null : new Match(o, java.util.Map.copyOf(info.getUriVariables()));
			})
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/**
	 * Whether it may change something, which a read-only API token may not do: every HTTP endpoint but {@code GET},
	 * and every chat surface (commands, buttons, forms, events); never {@link Surface#INTERNAL} reading.
	 */
	public boolean writes() {
		if (surface == Surface.INTERNAL) {
			return false;
		}
		return surface != Surface.HTTP || !id.startsWith("GET ");
	}
}
