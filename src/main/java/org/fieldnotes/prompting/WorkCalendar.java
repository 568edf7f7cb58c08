package org.fieldnotes.prompting;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Which days a participant works: the placement's work days, minus the public holidays of their country.
 *
 * <p>The country is {@link Person#country()} when set, else the region of their time zone as ICU4J knows it
 * ({@code Europe/Stockholm} → SE, {@code America/New_York} → US). Holidays are Jollyday's public holidays for that
 * country (for Sweden that includes Christmas Eve, Midsummer Eve and New Year's Eve, the days people have off);
 * a country Jollyday does not know, or a zone without a country ({@code Etc/UTC}), has no holidays.
 */
@Component
public class WorkCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkCalendar.class);
	/** No placement has more than a year of days off in a row; beyond this the work days are misconfigured. */
	private static final int MAX_DAYS_AHEAD = 400;

	private final Map<String, Optional<HolidayManager>> managers = new ConcurrentHashMap<>();
	private final Map<String, Set<LocalDate>> holidays = new ConcurrentHashMap<>();
	private final boolean withHolidays;

	public WorkCalendar() {
		this(true);
	}

	/** @param withHolidays false for a calendar of work days only (tests of other rules) */
	WorkCalendar(boolean withHolidays) {
		this.withHolidays = withHolidays;
	}

	/** The ISO 3166 country whose public holidays the person has off; empty when it cannot be told. */
	public static Optional<String> countryOf(Person person) {
		if (person.country() != null && !person.country().isBlank()) {
			return Optional.of(person.country().toUpperCase(Locale.ROOT));
		}
		try {
			String region = com.ibm.icu.util.TimeZone.getRegion(person.timezone());
			return region.length() == 2 ? Optional.of(region) : Optional.empty();
		}
		catch (IllegalArgumentException unknownZone) {
			return Optional.empty();
		}
	}

	/** Whether the date is a public holiday in the person's country. */
	public boolean isHoliday(Person person, LocalDate date) {
		return withHolidays && countryOf(person).map(country -> holidaysOf(country, date.getYear()).contains(date)).orElse(false);
	}

	/** A day the participant is at the host: one of the placement's work days and not a public holiday. */
	public boolean isWorkDay(Placement placement, LocalDate date) {
		return placement.getWorkDays().contains(date.getDayOfWeek()) && !isHoliday(placement.getParticipant(), date);
	}

	/** The first work day on or after {@code date}. */
	public LocalDate nextWorkDay(Placement placement, LocalDate date) {
		LocalDate day = date;
		for (int i = 0; i < MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
			if (isWorkDay(placement, day)) {
				return day;
			}
		}
		throw new IllegalStateException("Placement " + placement.getId() + " has no work day in the "
				+ MAX_DAYS_AHEAD + " days from " + date);
	}

	/** The last work day on or before {@code date} and after {@code after}, if there is one. */
	Optional<LocalDate> previousWorkDay(Placement placement, LocalDate date, LocalDate after) {
		for (LocalDate day = date; day.isAfter(after); day = day.minusDays(1)) {
			if (isWorkDay(placement, day)) {
				return Optional.of(day);
			}
		}
		return Optional.empty();
	}

	private Set<LocalDate> holidaysOf(String country, int year) {
		return holidays.computeIfAbsent(country + "-" + year, key -> manager(country)
			.map(m -> m.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
				.stream()
				// the day itself and, when it falls on a weekend, the weekday it is observed on (UK substitute days)
				.flatMap(h -> Stream.concat(Stream.of(h.getDate()), h.getObservedDate().stream()))
				.collect(Collectors.toUnmodifiableSet()))
			.orElse(Set.of()));
	}

	private Optional<HolidayManager> manager(String country) {
		return managers.computeIfAbsent(country, code -> {
			if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
				log.warn("No public holiday calendar for country {}: prompts there move only off non-work days", code);
				return Optional.empty();
			}
			return Optional.of(HolidayManager.getInstance(ManagerParameters.create(code.toLowerCase(Locale.ROOT))));
		});
	}
}
