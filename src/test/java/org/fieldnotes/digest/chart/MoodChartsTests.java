package org.fieldnotes.digest.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.fieldnotes.chat.Image;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementFixtures;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.MutableClock;
import org.fieldnotes.text.IcuMessageSource;
import org.junit.jupiter.api.Test;

/**
 * Mood and status charts: which status updates each role's chart is drawn from (private never, confidential only
 * for the academic coach), the alt text in English and Swedish, and the PNG itself (decodes, 800×400, the same
 * bytes for the same input, the status colours present only when the status occurs).
 * The placement starts Monday 2 November 2026; "now" is Wednesday 9 December 2026 (week 6) in Stockholm.
 */
class MoodChartsTests {

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
	private static final Locale EN = Locale.ENGLISH;
	private static final Locale SV = Locale.forLanguageTag("sv");
	private static final int GREEN = 0x009E73;
	private static final int ORANGE = 0xE69F00;
	private static final int VERMILLION = 0xD55E00;

	private final MutableClock clock = new MutableClock(at("2026-12-09T10:00"));
	private final MoodCharts charts = new MoodCharts(null, messages(), clock);
	private final Placement placement = PlacementFixtures.placement("Europe/Stockholm", "2026-11-02", "2027-04-30",
			DayOfWeek.FRIDAY, "14:00");
	private final List<StatusUpdate> updates = new ArrayList<>();

	@Test
	void eachRoleSeesExactlyTheUpdatesItMayRead() {
		update("2026-11-06T12:00", OverallStatus.GREEN, 4, Visibility.PLACEMENT); // week 1
		update("2026-11-13T12:00", OverallStatus.GREEN, 5, Visibility.PRIVATE); // week 2: nobody
		update("2026-11-20T12:00", OverallStatus.AMBER, 3, Visibility.COACHES); // week 3: the coaches
		update("2026-11-27T12:00", OverallStatus.RED, 1, Visibility.CONFIDENTIAL); // week 4: the academic coach
		update("2026-12-04T12:00", OverallStatus.AMBER, 2, Visibility.PLACEMENT); // week 5

		assertThat(data(Role.ACADEMIC_COACH).moods()).containsExactly(4, 3, 1, 2);
		assertThat(data(Role.ACADEMIC_COACH).statuses()).containsExactly(OverallStatus.GREEN, OverallStatus.AMBER,
				OverallStatus.RED, OverallStatus.AMBER);
		assertThat(data(Role.BUSINESS_COACH).moods()).containsExactly(4, 3, 2);
		assertThat(data(Role.MANAGER).moods()).containsExactly(4, 2);
		assertThat(data(Role.MANAGER).points()).extracting(MoodChart.Point::week).containsExactly(1, 5);

		assertThat(alt(Role.ACADEMIC_COACH, EN)).isEqualTo("Ada Lindqvist, mood over 5 weeks (weeks 1–5): 4, 3, 1, 2 "
				+ "(falling). Status: green, amber, red, amber.");
		assertThat(alt(Role.BUSINESS_COACH, EN))
			.isEqualTo("Ada Lindqvist, mood over 5 weeks (weeks 1–5): 4, 3, 2 (falling). Status: green, amber, amber.");
		assertThat(alt(Role.MANAGER, EN))
			.isEqualTo("Ada Lindqvist, mood over 5 weeks (weeks 1–5): 4, 2 (falling). Status: green, amber.");
		for (Role role : Role.values()) {
			assertThat(alt(role, EN)).as(role.name()).doesNotContain("5, ").doesNotContain(", 5");
		}
	}

	@Test
	void noChartWithFewerThanTwoReadableUpdates() {
		update("2026-11-06T12:00", OverallStatus.GREEN, 4, Visibility.COACHES);
		update("2026-11-13T12:00", OverallStatus.GREEN, 5, Visibility.PRIVATE);
		update("2026-11-20T12:00", OverallStatus.AMBER, 3, Visibility.CONFIDENTIAL);

		assertThat(chart(Role.MANAGER, EN)).isEmpty(); // none readable
		assertThat(chart(Role.BUSINESS_COACH, EN)).isEmpty(); // one readable
		assertThat(chart(Role.ACADEMIC_COACH, EN)).isPresent(); // two readable

		updates.clear();
		update("2026-11-13T12:00", OverallStatus.GREEN, 5, Visibility.PRIVATE);
		update("2026-11-20T12:00", OverallStatus.GREEN, 5, Visibility.PRIVATE);
		for (Role role : Role.values()) {
			assertThat(chart(role, EN)).as(role.name()).isEmpty();
		}
	}

	@Test
	void updatesAfterNowAndOfOtherPlacementsAreLeftOut() {
		update("2026-11-06T12:00", OverallStatus.GREEN, 4, Visibility.COACHES);
		update("2026-11-13T12:00", OverallStatus.GREEN, 3, Visibility.COACHES);
		update("2026-12-10T12:00", OverallStatus.RED, 1, Visibility.COACHES); // tomorrow
		updates.add(new StatusUpdate("other", "another-placement", "UBO", OverallStatus.RED, "p", null, 1, null,
				"key-other", at("2026-11-20T12:00"), Visibility.COACHES));

		assertThat(data(Role.BUSINESS_COACH).moods()).containsExactly(4, 3);
	}

	@Test
	void theAltTextSaysTheTrendInTheReadersLanguage() {
		update("2026-11-17T12:00", OverallStatus.AMBER, 2, Visibility.COACHES); // week 3
		update("2026-11-24T12:00", OverallStatus.GREEN, 4, Visibility.COACHES); // week 4

		assertThat(alt(Role.BUSINESS_COACH, EN))
			.isEqualTo("Ada Lindqvist, mood over 2 weeks (weeks 3–4): 2, 4 (rising). Status: amber, green.");
		assertThat(alt(Role.BUSINESS_COACH, SV))
			.isEqualTo("Ada Lindqvist, humör under 2 veckor (vecka 3–4): 2, 4 (stigande). Status: orange, grön.");
		assertThat(chart(Role.BUSINESS_COACH, SV).orElseThrow().title()).isEqualTo("Ada Lindqvist — humör och status");
		assertThat(chart(Role.BUSINESS_COACH, EN).orElseThrow().title()).isEqualTo("Ada Lindqvist — mood and status");

		update("2026-11-25T12:00", OverallStatus.GREEN, 2, Visibility.COACHES); // week 4 again: back to 2
		assertThat(alt(Role.BUSINESS_COACH, EN))
			.isEqualTo("Ada Lindqvist, mood over 2 weeks (weeks 3–4): 2, 4, 2 (steady). Status: amber, green, green.");
		assertThat(alt(Role.BUSINESS_COACH, SV)).contains("(oförändrat)");
	}

	@Test
	void thePngIsAnImageFitForAPhoneTheSameEachTimeWithAColourPerStatusThatOccurs() throws IOException {
		update("2026-11-06T12:00", OverallStatus.GREEN, 4, Visibility.COACHES);
		update("2026-11-13T12:00", OverallStatus.GREEN, 4, Visibility.COACHES);
		update("2026-11-20T12:00", OverallStatus.RED, 2, Visibility.COACHES);

		Image image = chart(Role.BUSINESS_COACH, EN).orElseThrow();

		assertThat(image.filename()).isEqualTo("mood-status-week-3.png");
		assertThat(image.contentType()).isEqualTo("image/png");
		assertThat(image.width()).isEqualTo(800);
		assertThat(image.height()).isEqualTo(400);
		BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
		assertThat(png).as("decodes as an image").isNotNull();
		assertThat(png.getWidth()).isEqualTo(800);
		assertThat(png.getHeight()).isEqualTo(400);
		assertThat(count(png, GREEN)).as("green markers").isGreaterThan(100);
		assertThat(count(png, VERMILLION)).as("red markers").isGreaterThan(50);
		assertThat(count(png, ORANGE)).as("no amber update, no amber marker").isZero();

		assertThat(chart(Role.BUSINESS_COACH, EN).orElseThrow().png()).as("deterministic").isEqualTo(image.png());
		assertThat(chart(Role.BUSINESS_COACH, SV).orElseThrow().png()).as("labels are localized")
			.isNotEqualTo(image.png());
	}

	@Test
	void aLongPlacementStillFitsAndShowsEveryStatus() throws IOException {
		OverallStatus[] statuses = OverallStatus.values();
		for (int week = 0; week < 5; week++) {
			update(LocalDateTime.parse("2026-11-05T12:00").plusWeeks(week).toString(), statuses[week % 3],
					1 + (week * 7) % 5, Visibility.COACHES);
		}
		clock.set(at("2027-04-28T12:00"));
		for (int week = 5; week < 25; week++) {
			update(LocalDateTime.parse("2026-11-05T12:00").plusWeeks(week).toString(), statuses[week % 3],
					1 + (week * 7) % 5, Visibility.COACHES);
		}

		Image image = chart(Role.BUSINESS_COACH, EN).orElseThrow();

		BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
		assertThat(png.getWidth()).isEqualTo(800);
		assertThat(count(png, GREEN)).isGreaterThan(100);
		assertThat(count(png, ORANGE)).isGreaterThan(100);
		assertThat(count(png, VERMILLION)).isGreaterThan(100);
		assertThat(image.altText()).startsWith("Ada Lindqvist, mood over 25 weeks (weeks 1–25): 1, 3, 5, 2, 4, 1,");
	}

	@Test
	void aChartThatCannotBeDrawnIsLeftOutInsteadOfFailingTheDigest() {
		update("2026-11-06T12:00", OverallStatus.GREEN, 4, Visibility.COACHES);
		update("2026-11-13T12:00", OverallStatus.GREEN, 4, Visibility.COACHES);
		MoodCharts withoutWords = new MoodCharts(null, new org.springframework.context.support.StaticMessageSource(),
				clock);

		assertThat(withoutWords.chart(placement, Role.BUSINESS_COACH, updates, EN, STOCKHOLM)).isEmpty();
	}

	@Test
	void eachUpdateSitsInItsWeekByItsDay() {
		update("2026-11-06T12:00", OverallStatus.GREEN, 4, Visibility.COACHES);
		update("2026-11-13T12:00", OverallStatus.GREEN, 4, Visibility.COACHES);

		// the placement starts on a Monday: its Thursdays sit on the week numbers, a Friday a seventh later
		assertThat(data(Role.BUSINESS_COACH).points().get(0).position()).isEqualTo(1 + 1 / 7.0);
		assertThat(data(Role.BUSINESS_COACH).points().get(1).position()).isEqualTo(2 + 1 / 7.0);
	}

	// ------------------------------------------------------------------------------------------- helpers

	private MoodChart data(Role role) {
		return MoodChart.of(placement, role, updates, clock.instant(), STOCKHOLM).orElseThrow();
	}

	private Optional<Image> chart(Role role, Locale locale) {
		return charts.chart(placement, role, updates, locale, STOCKHOLM);
	}

	private String alt(Role role, Locale locale) {
		return chart(role, locale).orElseThrow().altText();
	}

	private void update(String localTime, OverallStatus status, int mood, Visibility visibility) {
		int n = updates.size();
		updates.add(new StatusUpdate("u" + n, placement.getId(), "UADA", status, "progress " + n, null, mood, null,
				"key-" + n, at(localTime), visibility));
	}

	private static Instant at(String localTime) {
		return LocalDateTime.parse(localTime).atZone(STOCKHOLM).toInstant();
	}

	private static long count(BufferedImage image, int rgb) {
		long count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
					count++;
				}
			}
		}
		return count;
	}

	private static IcuMessageSource messages() {
		return IcuMessageSource.of("i18n/charts");
	}
}
