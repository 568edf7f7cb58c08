package org.fieldnotes.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every text that shows a count has real plural forms, in English and Swedish, from the same bundles and message
 * source the application uses; every other text reads exactly as it did with Spring's own message source.
 */
class IcuMessageSourceTests {

	private static final Path I18N = Path.of("src/main/resources/i18n");
	private static final String[] BASENAMES = { "i18n/messages", "i18n/interaction", "i18n/calendar", "i18n/admin",
			"i18n/mail", "i18n/summary", "i18n/digest", "i18n/visibility", "i18n/roles", "i18n/cohort", "i18n/replies",
			"i18n/charts", "i18n/digestsettings", "i18n/privacy", "i18n/web", "i18n/demo", "i18n/report", "i18n/hours",
			"i18n/portal" };
	private static final Locale SV = Locale.forLanguageTag("sv");
	private static final IcuMessageSource ICU = IcuMessageSource.of(BASENAMES);
	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)(,\\s*number)?");

	/**
	 * Each pluralised message with every argument set to the count, for 0, 1 and 2, in English then Swedish. A cell
	 * lists what the text must contain, parts separated by " ~ ".
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			digest.summary | Your placements this week: 0 participants | Your placements this week: 1 participant~ | Your placements this week: 2 participants | veckan: 0 deltagare | veckan: 1 deltagare | veckan: 2 deltagare
			digest.context | 0 – 0 · 0 participants | 1 – 1 · 1 participant~ | 2 – 2 · 2 participants | 0 – 0 · 0 deltagare | 1 – 1 · 1 deltagare | 2 – 2 · 2 deltagare
			me.following | You follow 0 placements: | You follow 1 placement: | You follow 2 placements: | Du följer 0 placeringar: | Du följer 1 placering: | Du följer 2 placeringar:
			cohort.summary | 0 placements in 0 programmes, 0 need attention | 1 placement in 1 programme, 1 needs attention | 2 placements in 2 programmes, 2 need attention | 0 placeringar i 0 program, 0 behöver | 1 placering i 1 program, 1 behöver | 2 placeringar i 2 program, 2 behöver
			cohort.context | · 0 placements in 0 programmes · | · 1 placement in 1 programme · | · 2 placements in 2 programmes · | · 0 placeringar i 0 program · | · 1 placering i 1 program · | · 2 placeringar i 2 program ·
			cohort.programme.count | 0 placements, 0 need attention | 1 placement, 1 needs attention | 2 placements, 2 need attention | 0 placeringar, 0 behöver | 1 placering, 1 behöver | 2 placeringar, 2 behöver
			cohort.undelivered.context | 0 messages given up ~ by Slack's reason | 1 message given up ~ by Slack's reason | 2 messages given up | 0 meddelanden gavs upp | 1 meddelande gavs upp | 2 meddelanden gavs upp
			cohort.undelivered.kind.PROMPT | 0 prompts | 1 prompt~ | 2 prompts | 0 frågor | 1 fråga~ | 2 frågor
			cohort.undelivered.kind.PROMPT_AGAIN | 0 snoozed prompts | 1 snoozed prompt~ | 2 snoozed prompts | 0 snoozade frågor | 1 snoozad fråga~ | 2 snoozade frågor
			cohort.undelivered.kind.REMINDER | 0 reminders | 1 reminder~ | 2 reminders | 0 påminnelser | 1 påminnelse~ | 2 påminnelser
			cohort.undelivered.kind.DIGEST | 0 digests | 1 digest~ | 2 digests | 0 sammanfattningar | 1 sammanfattning~ | 2 sammanfattningar
			cohort.undelivered.kind.NOTICE | 0 notices | 1 notice~ | 2 notices | 0 meddelanden | 1 meddelande~ | 2 meddelanden
			roles.streak | no current streak | streak: 1 week~ | streak: 2 weeks | ingen pågående svit | svit: 1 vecka~ | svit: 2 veckor
			roles.engagement.soFar | So far: 0 of 0 prompts answered | So far: 1 of 1 prompt answered | So far: 2 of 2 prompts answered | Hittills: 0 av 0 frågor besvarade | Hittills: 1 av 1 fråga besvarad · | Hittills: 2 av 2 frågor besvarade
			roles.mood.none | in the last 0 weeks | no mood reported in the last week~ | in the last 2 weeks | de senaste 0 veckorna | inget humör rapporterat den senaste veckan | de senaste 2 veckorna
			roles.goals.entries | 0 entries | 1 entry | 2 entries | 0 anteckningar | 1 anteckning~ | 2 anteckningar
			roles.blocker.open | open for less than a day (since 0) | open for 1 day (since 1) | open for 2 days (since 2) | öppet i mindre än en dag (sedan 0) | öppet i 1 dag (sedan 1) | öppet i 2 dagar (sedan 2)
			roles.manager.blocker | blocker open less than a day | blocker open 1 day~ | blocker open 2 days | hinder öppet i mindre än en dag | hinder öppet i 1 dag~ | hinder öppet i 2 dagar
			roles.manager.shared | 0 shared 0 entries with you: | 1 shared an entry with you: | 2 shared 2 entries with you: | 0 har delat 0 anteckningar med dig: | 1 har delat en anteckning med dig: | 2 har delat 2 anteckningar med dig:
			goals.tooMany | That is 0 goals; | That is 1 goal; | That is 2 goals; | Det är 0 mål; | Det är 1 mål; | Det är 2 mål;
			goals.tooLong | longer than 0 characters. | longer than 1 character. | longer than 2 characters. | längre än 0 tecken. | längre än 1 tecken. | längre än 2 tecken.
			home.streak | Streak: none yet | Streak: 1 week~ | Streak: 2 weeks | Svit: ingen än | Svit: 1 vecka~ | Svit: 2 veckor
			mail.digest.subject | this week — 0 participants | this week — 1 participant~ | this week — 2 participants | veckan — 0 deltagare | veckan — 1 deltagare | veckan — 2 deltagare
			replies.link | (link valid for 0 days) | (link valid for 1 day) | (link valid for 2 days) | (länken gäller i 0 dagar) | (länken gäller i 1 dag) | (länken gäller i 2 dagar)
			replies.page.expired | work for 0 days. | work for 1 day. | work for 2 days. | gäller i 0 dagar. | gäller i 1 dag. | gäller i 2 dagar.
			replies.limited | at most 0 replies an hour ~ again in 0 minutes. | at most 1 reply an hour ~ again in 1 minute. | at most 2 replies an hour ~ again in 2 minutes. | högst 0 svar ~ igen om 0 minuter. | högst 1 svar ~ igen om 1 minut. | högst 2 svar ~ igen om 2 minuter.
			replies.tooLong | Keep the reply to 0 characters or fewer | Keep the reply to 1 character or fewer | Keep the reply to 2 characters or fewer | högst 0 tecken | högst 1 tecken | högst 2 tecken
			chart.alt | 0, mood over 0 weeks (weeks 0–0): | 1, mood over 1 week (week 1): | 2, mood over 2 weeks (weeks 2–2): | 0, humör under 0 veckor (vecka 0–0): | 1, humör under 1 vecka (vecka 1): | 2, humör under 2 veckor (vecka 2–2):
			endOfPlacement.text | In 0 months I'll ask | In 1 month I'll ask | In 2 months I'll ask | Om 0 månader ställer | Om 1 månad ställer | Om 2 månader ställer
			digest.attention.NO_RECENT_ENTRY | no entry for 0 days (last: 0) | no entry for 1 day (last: 1) | no entry for 2 days (last: 2) | ingen anteckning på 0 dagar | ingen anteckning på 1 dag~ | ingen anteckning på 2 dagar
			digest.attention.LONG_BLOCKER | a blocker open for 0 days | a blocker open for 1 day~ | a blocker open for 2 days | ett hinder öppet i 0 dagar | ett hinder öppet i 1 dag~ | ett hinder öppet i 2 dagar
			digest.attention.SKIPPED_IN_A_ROW | 0 prompts skipped in a row | 1 prompt skipped in a row | 2 prompts skipped in a row | 0 frågor hoppades över | 1 fråga hoppades över | 2 frågor hoppades över
			survey.message.count | 0 questions, about a minute | 1 question~ | 2 questions, about a minute | 0 frågor, ungefär | 1 fråga~ | 2 frågor, ungefär
			survey.tooLong | at most 0 characters | at most 1 character~ | at most 2 characters | högst 0 tecken | högst 1 tecken | högst 2 tecken
			survey.command.done | Survey 0 sent to 0 participants of 0. | sent to 1 participant of 1; 1 had it today already; 1 placement is closed today. | sent to 2 participants of 2; 2 had it today already; 2 placements are closed today. | Enkäten 0 skickad till 0 deltagare i 0. | till 1 deltagare i 1; 1 hade fått den i dag redan; 1 placering är stängd i dag. | till 2 deltagare i 2; 2 hade fått den i dag redan; 2 placeringar är stängda i dag.
			report.evaluation.surveys.sent | Survey 0: 0 participants answered | Survey 1: 1 participant answered | Survey 2: 2 participants answered | Enkät 0: 0 deltagare svarade | Enkät 1: 1 deltagare svarade | Enkät 2: 2 deltagare svarade
			report.evaluation.surveys.mean | 0 answers, mean 0 | 1 answer, mean 1 | 2 answers, mean 2 | 0 svar, medelvärde 0 | 1 svar, medelvärde 1 | 2 svar, medelvärde 2
			digestsettings.pending | (it works for 0 hours) | (it works for 1 hour) | (it works for 2 hours) | (den gäller i 0 timmar) | (den gäller i 1 timme) | (den gäller i 2 timmar)
			digestsettings.confirm.mail.link | (link valid for 0 hours) | (link valid for 1 hour) | (link valid for 2 hours) | (länken gäller i 0 timmar) | (länken gäller i 1 timme) | (länken gäller i 2 timmar)
			digestsettings.confirm.page.expired | work for 0 hours. | work for 1 hour. | work for 2 hours. | gäller i 0 timmar. | gäller i 1 timme. | gäller i 2 timmar.
			quiet.line | (0 days ago) | (1 day ago) | (2 days ago) | (för 0 dagar sedan) | (för 1 dag sedan) | (för 2 dagar sedan)
			enroll.error.tooLong | (at most 0 characters) | (at most 1 character) | (at most 2 characters) | (högst 0 tecken) | (högst 1 tecken) | (högst 2 tecken)
			programs.line | 0 active · 0 paused · 0 ended | 1 active · 1 paused · 1 ended | 2 active · 2 paused · 2 ended | 0 aktiva · 0 pausade · 0 avslutade | 1 aktiv · 1 pausad · 1 avslutad | 2 aktiva · 2 pausade · 2 avslutade
			report.portfolio.dm | with 0 items, as you | with 1 item, as you | with 2 items, as you | med 0 delar, som | med 1 del, som | med 2 delar, som
			report.evaluation.intro | 0 placement-weeks, counted | 1 placement-week, counted | 2 placement-weeks, counted | 0 placeringsveckor, räknade | 1 placeringsvecka, räknade | 2 placeringsveckor, räknade
			report.portfolio.coming | 0 items, lessons learnt first (none), from 0 to 0; nothing left out. | 1 item, lessons learnt first (1 entry), from 1 to 1; 1 item left out. | 2 items, lessons learnt first (2 entries), from 2 to 2; 2 items left out. | 0 delar, lärdomarna först (inga), från 0 till 0; inget utelämnat. | 1 del, lärdomarna först (1 anteckning), från 1 till 1; 1 del utelämnad. | 2 delar, lärdomarna först (2 anteckningar), från 2 till 2; 2 delar utelämnade.
			""")
	void countsReadRightForZeroOneAndTwo(String key, String en0, String en1, String en2, String sv0, String sv1,
			String sv2) {
		assertReads(key, Locale.ENGLISH, 0, en0);
		assertReads(key, Locale.ENGLISH, 1, en1);
		assertReads(key, Locale.ENGLISH, 2, en2);
		assertReads(key, SV, 0, sv0);
		assertReads(key, SV, 1, sv1);
		assertReads(key, SV, 2, sv2);
	}

	/**
	 * A part ending in "~" must be followed by something other than a letter: "1 participant" must not be the start
	 * of "1 participants".
	 */
	private static void assertReads(String key, Locale locale, int count, String expected) {
		Object[] args = new Object[arguments(ICU.getMessage(key, null, locale))];
		Arrays.fill(args, count);
		String text = ICU.getMessage(key, args, locale);
		for (String part : expected.split(" ~ ")) {
			if (part.endsWith("~")) {
				String word = part.substring(0, part.length() - 1);
				assertThat(text).as("%s in %s for %d", key, locale, count).containsPattern(
						Pattern.quote(word) + "(?!\\p{L})");
			}
			else {
				assertThat(text).as("%s in %s for %d", key, locale, count).contains(part);
			}
		}
	}

	/** No "(s)", "(ar)" or "fråga/frågor" is left in any bundle, and no choice format: counts are plural forms. */
	@Test
	void noBundleSaysTheCountTwoWays() throws IOException {
		Pattern twoWays = Pattern.compile("\\p{L}\\((s|es|er|ar|or|n|e|r|en|na)\\)|\\p{L}+/\\p{L}+or\\b|,\\s*choice\\s*,");
		for (Path file : bundles()) {
			for (String key : load(file).stringPropertyNames()) {
				String value = load(file).getProperty(key);
				assertThat(twoWays.matcher(value).find()).as("%s in %s: %s", key, file.getFileName(), value).isFalse();
			}
		}
	}

	/**
	 * Every message that has no plural reads as it did with Spring's {@link ResourceBundleMessageSource} and the
	 * JDK's message format: with arguments (numbers formatted by the language, apostrophes, quotes) and without.
	 */
	@Test
	void everyOtherMessageReadsAsBefore() throws IOException {
		ResourceBundleMessageSource jdk = new ResourceBundleMessageSource();
		jdk.setBasenames(BASENAMES);
		jdk.setDefaultEncoding("UTF-8");
		jdk.setFallbackToSystemLocale(false);
		int compared = 0;
		for (Path file : bundles()) {
			Properties bundle = load(file);
			Locale locale = file.getFileName().toString().contains("_sv") ? SV : Locale.ENGLISH;
			for (String key : bundle.stringPropertyNames()) {
				String pattern = bundle.getProperty(key);
				if (pattern.contains("plural")) {
					continue;
				}
				assertThat(ICU.getMessage(key, null, locale)).as(key).isEqualTo(jdk.getMessage(key, null, locale));
				Object[] args = sampleArguments(pattern);
				if (args.length > 0) {
					assertThat(ICU.getMessage(key, args, locale)).as("%s in %s", key, locale)
						.isEqualTo(jdk.getMessage(key, args, locale));
					compared++;
				}
			}
		}
		assertThat(compared).as("messages with arguments compared").isGreaterThan(200);
	}

	@Test
	void anUnknownLanguageGetsEnglishAndAnUnknownKeyFailsAsBefore() {
		assertThat(ICU.getMessage("me.following", new Object[] { 1 }, Locale.GERMAN)).isEqualTo("You follow 1 placement:");
		assertThat(ICU.getMessage("no.such.key", new Object[] { 1 }, "default {0, plural, one {# day} other {# days}}",
				Locale.ENGLISH)).isEqualTo("default 1 day");
	}

	@Test
	void aPatternOutsideTheBundles() {
		assertThat(IcuMessageSource.format("{0, plural, one {# recipient} other {# recipients}}", Locale.ENGLISH, 1))
			.isEqualTo("1 recipient");
		assertThat(IcuMessageSource.format("{0, plural, one {# recipient} other {# recipients}}", Locale.ENGLISH, 1200))
			.isEqualTo("1,200 recipients");
	}

	/** Numbers where the message formats a number (with a thousands separator to show), text elsewhere. */
	private static Object[] sampleArguments(String pattern) {
		int count = arguments(pattern);
		Object[] args = new Object[count];
		for (int i = 0; i < count; i++) {
			args[i] = pattern.matches("(?s).*\\{" + i + "\\s*,\\s*number.*") ? (Object) 12345 : "‹arg " + i + "›";
		}
		return args;
	}

	private static int arguments(String pattern) {
		int count = 0;
		Matcher matcher = ARGUMENT.matcher(pattern);
		while (matcher.find()) {
			count = Math.max(count, Integer.parseInt(matcher.group(1)) + 1);
		}
		return count;
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> files = Files.list(I18N)) {
			List<Path> all = new ArrayList<>(files.filter(f -> f.toString().endsWith(".properties")).sorted().toList());
			assertThat(all).hasSizeGreaterThan(20);
			return all;
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
