package org.fieldnotes.placement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.personaldata.NoPersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an admin set for a whole programme, one document per programme. Programme names are compared without
 * regard to case (as {@code /fieldnotes programs} lists them), so the id is the name in lower case.
 *
 * @param id the programme's name, trimmed, in lower case
 * @param name the programme's name as the admin last wrote it
 * @param defaultVisibility who may read a participant's entries when they chose nothing themselves; {@literal null}
 * when never set ({@link Visibility#DEFAULT} applies)
 * @param cadence how often its participants are prompted; {@literal null} when never set ({@link Cadence#DEFAULT})
 * @param promptSet which prompt files its participants are prompted from; {@literal null} when never set
 * ({@link PromptSet#DEFAULT})
 * @param reviewEvery an ISO period ({@code P3M}): a placement longer than it gets a review every such period instead
 * of one midpoint; {@literal null} when never set (one midpoint, whatever the length)
 * @param digestDay the weekday of the digests of the programme's followers who chose none themselves;
 * {@literal null} when never set ({@code FIELDNOTES_DIGEST_DAY} applies)
 * @param digestTime likewise, the local time of those digests ({@code FIELDNOTES_DIGEST_TIME} when never set)
 * @param digestChannel likewise, where they go: {@code chat} or {@code email}; {@literal null} when never set (chat
 * for people with a chat account)
 * @param hostSignOff whether each placement's manager is asked to sign off every past week (a rating and a
 * comment); {@literal null} when never set (no sign-off)
 * @param requiredHours the hours a placement of the programme must log in all (a KTP's or a mobility grant's total);
 * {@literal null} when the programme does not count time
 */
@Document("programs")
@NoPersonalData("a programme's name and settings (visibility, rhythm), set by admins for everyone in it")
public record ProgramSettings(@Id String id, String name, Visibility defaultVisibility, Instant updatedAt,
		Cadence cadence, PromptSet promptSet, String reviewEvery, DayOfWeek digestDay, LocalTime digestTime,
		String digestChannel, Boolean hostSignOff, Integer requiredHours) {

	/** The most hours a programme may require: ten working years, far above any placement. */
	public static final int MAX_REQUIRED_HOURS = 20_000;

	/** The channels a programme may make its followers' digest default. */
	public static final List<String> DIGEST_CHANNELS = List.of("chat", "email");

	@PersistenceCreator
	public ProgramSettings {
	}

	/** Settings that count no hours. */
	public ProgramSettings(String id, String name, Visibility defaultVisibility, Instant updatedAt, Cadence cadence,
			PromptSet promptSet, String reviewEvery, DayOfWeek digestDay, LocalTime digestTime, String digestChannel,
			Boolean hostSignOff) {
		this(id, name, defaultVisibility, updatedAt, cadence, promptSet, reviewEvery, digestDay, digestTime,
				digestChannel, hostSignOff, null);
	}

	/** Settings with no host sign-off setting of their own. */
	public ProgramSettings(String id, String name, Visibility defaultVisibility, Instant updatedAt, Cadence cadence,
			PromptSet promptSet, String reviewEvery, DayOfWeek digestDay, LocalTime digestTime, String digestChannel) {
		this(id, name, defaultVisibility, updatedAt, cadence, promptSet, reviewEvery, digestDay, digestTime,
				digestChannel, null);
	}

	/** Settings with no digest defaults of the programme's own. */
	public ProgramSettings(String id, String name, Visibility defaultVisibility, Instant updatedAt, Cadence cadence,
			PromptSet promptSet, String reviewEvery) {
		this(id, name, defaultVisibility, updatedAt, cadence, promptSet, reviewEvery, null, null, null);
	}

	/** Settings with only a default visibility (the other settings at their defaults). */
	public ProgramSettings(String id, String name, Visibility defaultVisibility, Instant updatedAt) {
		this(id, name, defaultVisibility, updatedAt, null, null, null);
	}

	/** The key a programme's settings are stored under: how programme names compare (trimmed, without case). */
	public static String keyOf(String program) {
		return program.strip().toLowerCase(Locale.ROOT);
	}

	/** A programme nobody set anything for: every setting at its default. */
	public static ProgramSettings none(String program) {
		return new ProgramSettings(keyOf(program), program.strip(), null, null);
	}

	/** The programme's default, or {@link Visibility#DEFAULT} when none was set. */
	public Visibility visibility() {
		return defaultVisibility == null ? Visibility.DEFAULT : defaultVisibility;
	}

	/** The programme's cadence, {@link Cadence#WEEKLY} when none was set. */
	public Cadence rhythm() {
		return cadence == null ? Cadence.DEFAULT : cadence;
	}

	/** The programme's prompt set, {@link PromptSet#SHARED} when none was set. */
	public PromptSet prompts() {
		return promptSet == null ? PromptSet.DEFAULT : promptSet;
	}

	/** Whether the programme asks its placements' managers to sign off each week; off when never set. */
	public boolean signsOff() {
		return Boolean.TRUE.equals(hostSignOff);
	}

	/** The hours a placement must log in all; empty when the programme does not count time. */
	public Optional<Integer> hoursRequired() {
		return Optional.ofNullable(requiredHours);
	}

	/** How often a long placement has a review; empty when the programme has one midpoint whatever the length. */
	public Optional<Period> reviewPeriod() {
		return reviewEvery == null ? Optional.empty() : parsePeriod(reviewEvery);
	}

	/**
	 * Reads an ISO period usable as {@code reviewEvery}: positive, in whole months, weeks or days, at least a week
	 * ({@code P3M}, {@code P12W}, {@code P1Y}); empty for anything else.
	 */
	public static Optional<Period> parsePeriod(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			Period period = Period.parse(text.strip().toUpperCase(Locale.ROOT));
			if (period.isNegative() || period.toTotalMonths() * 31 + period.getDays() < 7) {
				return Optional.empty();
			}
			return Optional.of(period);
		}
		catch (java.time.format.DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
