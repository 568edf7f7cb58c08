package org.fieldnotes.placement;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.people.People;
import org.fieldnotes.placement.PlacementDraft.AccountDraft;
import org.fieldnotes.placement.PlacementDraft.PersonDraft;
import org.fieldnotes.placement.PlacementDraft.ScheduleDraft;

/**
 * Turns a draft's strings into typed values, collecting every violation instead of stopping at the first.
 */
final class DraftChecker {

	static final Set<String> LOCALES = Set.of("en", "sv");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final int MAX_TEXT = 200;

	private final List<Violation> violations = new ArrayList<>();
	private final AccountReferences references;

	/** @param references the chat adapters' readers of member ids: what a valid account is is theirs to say */
	DraftChecker(AccountReferences references) {
		this.references = references;
	}

	List<Violation> violations() {
		return violations;
	}

	String text(String field, String value) {
		if (value == null || value.isBlank()) {
			violations.add(new Violation(field, "is required", "required", List.of()));
			return null;
		}
		if (value.length() > MAX_TEXT) {
			violations.add(new Violation(field, "must be at most " + MAX_TEXT + " characters", "tooLong", List.of(MAX_TEXT)));
			return null;
		}
		return value.strip();
	}

	LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			violations.add(new Violation(field, "is required (YYYY-MM-DD)", "required", List.of()));
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			violations.add(new Violation(field, "'" + value + "' is not a date in the form YYYY-MM-DD", "date", List.of(value)));
			return null;
		}
	}

	/**
	 * A person, or {@literal null} when optional and absent. Time zone, language and country are {@literal null} when
	 * not given: an existing person keeps theirs, a new one gets the defaults ({@link People#enrol}).
	 * @param defaultZone used when the person gives no time zone (coaches default to the participant's); when
	 * {@literal null}, a time zone is required
	 * @param needsChat whether the person must have a chat account (the participant: prompts are direct messages)
	 */
	People.Details person(String field, PersonDraft draft, boolean required, boolean needsChat, String defaultZone) {
		if (draft == null) {
			if (required) {
				violations.add(new Violation(field, "is required", "required", List.of()));
			}
			return null;
		}
		String name = text(field + ".name", draft.name());
		List<ChatAccount> accounts = new ArrayList<>();
		for (int i = 0; i < draft.accounts().size(); i++) {
			account(field + ".accounts[" + i + "]", draft.accounts().get(i)).ifPresent(accounts::add);
		}
		String email = blankToNull(draft.email());
		if (email != null && !EMAIL.matcher(email).matches()) {
			violations.add(new Violation(field + ".email", "'" + email + "' is not an e-mail address", "email",
					List.of(email)));
		}
		if (needsChat && draft.accounts().isEmpty()) {
			violations.add(new Violation(field + ".accounts",
					"is required: prompts are sent as direct messages on a chat platform", "needsChat", List.of()));
		}
		else if (draft.accounts().isEmpty() && email == null) {
			violations.add(new Violation(field, "needs a chat account or an email to receive the digest",
					"needsContact", List.of()));
		}
		String timezone = blankToNull(draft.timezone());
		if (timezone == null) {
			if (defaultZone == null) {
				violations.add(new Violation(field + ".timezone", "is required (an IANA name such as Europe/Stockholm)",
						"required", List.of()));
			}
		}
		else {
			timezone = zone(field + ".timezone", timezone);
		}
		String locale = blankToNull(draft.locale());
		if (locale != null) {
			if (!LOCALES.contains(locale.toLowerCase(Locale.ROOT))) {
				violations.add(new Violation(field + ".locale", "'" + locale + "' is not supported; use en or sv",
						"locale", List.of(locale)));
			}
			locale = locale.toLowerCase(Locale.ROOT);
		}
		String country = blankToNull(draft.country());
		if (country != null) {
			country = country.toUpperCase(Locale.ROOT);
			if (!Set.of(Locale.getISOCountries()).contains(country)) {
				violations.add(new Violation(field + ".country",
						"'" + draft.country() + "' is not an ISO 3166 country code (e.g. SE, GB, US)", "country",
						List.of(draft.country())));
			}
		}
		return new People.Details(name, accounts, email, timezone, locale, country);
	}

	/** A chat account, read by its platform's adapter; empty (and a violation) when it is not one. */
	private Optional<ChatAccount> account(String field, AccountDraft draft) {
		String platform = draft == null ? null : blankToNull(draft.platform());
		if (platform == null) {
			violations.add(new Violation(field + ".platform", "is required", "required", List.of()));
			return Optional.empty();
		}
		platform = platform.toLowerCase(Locale.ROOT);
		if (!references.knows(platform)) {
			violations.add(new Violation(field + ".platform", "'" + draft.platform()
					+ "' is not a chat platform Fieldnotes is set up for", "platform", List.of(draft.platform())));
			return Optional.empty();
		}
		String memberId = blankToNull(draft.memberId());
		if (memberId == null) {
			violations.add(new Violation(field + ".memberId", "is required", "required", List.of()));
			return Optional.empty();
		}
		Optional<ChatAccount> account = references.account(platform, memberId, blankToNull(draft.workspace()));
		if (account.isEmpty()) {
			violations.add(new Violation(field + ".memberId", "'" + memberId + "' is not "
					+ references.describe(platform), "memberId", List.of(memberId)));
		}
		return account;
	}

	PromptSchedule schedule(String field, ScheduleDraft draft) {
		if (draft == null) {
			return PromptSchedule.DEFAULT;
		}
		DayOfWeek day = PromptSchedule.DEFAULT.dayOfWeek();
		if (draft.dayOfWeek() != null) {
			try {
				day = DayOfWeek.valueOf(draft.dayOfWeek().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				violations.add(new Violation(field + ".dayOfWeek",
						"'" + draft.dayOfWeek() + "' is not a day of the week (MONDAY … SUNDAY)", "day",
						List.of(draft.dayOfWeek())));
			}
		}
		LocalTime time = PromptSchedule.DEFAULT.time();
		if (draft.time() != null) {
			try {
				time = LocalTime.parse(draft.time().strip());
			}
			catch (DateTimeParseException e) {
				violations.add(new Violation(field + ".time", "'" + draft.time() + "' is not a time in the form HH:MM",
						"time", List.of(draft.time())));
			}
		}
		return new PromptSchedule(day, time);
	}

	/** The days the participant works at the host; Monday to Friday when not given. */
	Set<DayOfWeek> workDays(String field, List<String> days) {
		if (days == null) {
			return Placement.FULL_TIME;
		}
		Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
		for (String day : days) {
			try {
				parsed.add(DayOfWeek.valueOf(String.valueOf(day).strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				violations.add(new Violation(field, "'" + day + "' is not a day of the week (MONDAY … SUNDAY)", "day",
						List.of(String.valueOf(day))));
			}
		}
		if (days.isEmpty()) {
			violations.add(new Violation(field, "needs at least one day", "workDaysEmpty", List.of()));
		}
		return parsed;
	}

	/**
	 * Learning goals: at most {@link Placement#MAX_GOALS}, each at most {@link Placement#MAX_GOAL_LENGTH}
	 * characters; blank ones are left out. A goal that is too long is named by its position, e.g.
	 * {@code learningGoals[2]} (counting from 0, as in the JSON array).
	 */
	List<String> learningGoals(String field, List<String> goals) {
		if (goals == null) {
			return List.of();
		}
		for (int i = 0; i < goals.size(); i++) {
			String goal = goals.get(i);
			if (goal != null && goal.strip().length() > Placement.MAX_GOAL_LENGTH) {
				violations.add(new Violation(field + "[" + i + "]", "must be at most " + Placement.MAX_GOAL_LENGTH
						+ " characters (it has " + goal.strip().length() + ")", "goalTooLong",
						List.of(i + 1, Placement.MAX_GOAL_LENGTH)));
			}
		}
		List<String> cleaned = Placement.cleanGoals(goals);
		if (cleaned.size() > Placement.MAX_GOALS) {
			violations.add(new Violation(field, "has " + cleaned.size() + " goals; at most " + Placement.MAX_GOALS
					+ " are allowed", "tooManyGoals", List.of(cleaned.size(), Placement.MAX_GOALS)));
		}
		return cleaned;
	}

	/**
	 * The added value for the host: free text of at most {@link Placement#MAX_ADDED_VALUE} characters, stripped;
	 * {@literal null} when blank or not given.
	 */
	String addedValue(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		check(stripped.length() <= Placement.MAX_ADDED_VALUE, field, "must be at most " + Placement.MAX_ADDED_VALUE
				+ " characters (it has " + stripped.length() + ")", "tooLong", Placement.MAX_ADDED_VALUE);
		return stripped.length() <= Placement.MAX_ADDED_VALUE ? stripped : null;
	}

	void check(boolean ok, String field, String message, String code, Object... args) {
		if (!ok) {
			violations.add(new Violation(field, message, code, List.of(args)));
		}
	}

	/** A time zone given on its own (a change to the participant's): its IANA id, or {@literal null} and a violation. */
	String timezone(String field, String value) {
		return zone(field, value);
	}

	/** A language given on its own: {@code en} or {@code sv}, or {@literal null} and a violation. */
	String locale(String field, String value) {
		String locale = value.strip().toLowerCase(Locale.ROOT);
		if (!LOCALES.contains(locale)) {
			violations.add(new Violation(field, "'" + value + "' is not supported; use en or sv", "locale",
					List.of(value)));
			return null;
		}
		return locale;
	}

	private String zone(String field, String value) {
		try {
			return ZoneId.of(value.strip()).getId();
		}
		catch (DateTimeException e) {
			violations.add(new Violation(field,
					"'" + value + "' is not a known time zone (use an IANA name such as Europe/Stockholm)", "timezone",
					List.of(value)));
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
