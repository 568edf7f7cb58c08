package org.fieldnotes.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /fieldnotes} as the command module answers it, whatever the chat platform: each subcommand's text in, a
 * {@link ChatMessage} out, in English and in Swedish, and bad input answered with what was wrong ("⚠ …") and the
 * subcommand's usage line in the person's language. Admin-only subcommands refuse everyone else.
 *
 * <p>Each case starts from one placement: participant Ada (UADA) at Scania in KTP 2026, from 2 November 2026; manager
 * UMAJA; UADMIN1 is an admin. A Swedish case has the person choose Swedish first. The table must name every
 * subcommand in both languages ({@link #everySubcommandIsCoveredInBothLanguages}).
 */
class CommandsTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String ADMIN = "UADMIN1";

	@Autowired
	Commands commands;

	@Autowired
	List<Subcommand> subcommands;

	/** One command typed by someone, and what the answer must say. */
	record Case(String language, String who, String text, boolean usage, List<String> says) {

		@Override
		public String toString() {
			return language + " " + who + ": /fieldnotes " + text;
		}
	}

	static Case en(String who, String text, String... says) {
		return new Case("en", who, text, false, List.of(says));
	}

	static Case sv(String who, String text, String... says) {
		return new Case("sv", who, text, false, List.of(says));
	}

	/** A usage error: "⚠ {problem}", then the usage line. */
	static Case enUsage(String who, String text, String problem, String usage) {
		return new Case("en", who, text, true, List.of("⚠ " + problem, "Usage: " + usage));
	}

	static Case svUsage(String who, String text, String problem, String usage) {
		return new Case("sv", who, text, true, List.of("⚠ " + problem, "Användning: " + usage));
	}

	static Stream<Case> cases() {
		return Stream.of(
				// anyone
				en(ADA, "help", "Fieldnotes — your placement logbook", "/fieldnotes log <text>",
						"You can also just send me a direct message"),
				en(ADA, "", "Fieldnotes — your placement logbook"),
				en(ADA, "dance", "I don't know the command \"dance\". Here is what I can do:", "/fieldnotes me"),
				sv(ADA, "help", "Fieldnotes — loggboken för din placering", "/fieldnotes log <text>"),
				sv(ADA, "dance", "Jag känner inte till kommandot \"dance\". Det här kan jag:"),
				// a participant
				en(ADA, "log Mapped the supplier chain", "✅ Saved to your logbook.", "Who can see this: 👥 Your coaches"),
				enUsage(ADA, "log", "Write something after \"log\".", "/fieldnotes log <text>"),
				sv(ADA, "log Kartlade leverantörskedjan", "✅ Sparat i din loggbok.", "Vem kan se det här: 👥 Dina handledare"),
				svUsage(ADA, "log", "Skriv något efter \"log\".", "/fieldnotes log <text>"),
				en(ADA, "me", "Your placement", "Scania · KTP 2026 · 2 Nov 2026 – 30 Apr 2027 · week 5 of 26"),
				sv(ADA, "me", "Din placering", "Scania · KTP 2026 · 2 nov. 2026 – 30 apr. 2027 · vecka 5 av 26"),
				en(ADA, "status", "Status updates are given in a short form: open it from the Fieldnotes Home tab."),
				sv(ADA, "status", "Lägesrapporter lämnas i ett kort formulär"),
				en(ADA, "report", "Your end-of-placement report opens as a form: type /fieldnotes report where forms can open"),
				sv(ADA, "report", "Din slutrapport öppnas som ett formulär"),
				en(ADA, "away", "You have no absence set."),
				en(ADA, "away 2026-12-07 2026-12-11", "🌴 Away from Mon 7 Dec 2026 to Fri 11 Dec 2026."),
				enUsage(ADA, "away soon", "Give the first and the last day of your absence as YYYY-MM-DD",
						"/fieldnotes away <from> <to>  ·  /fieldnotes away off"),
				enUsage(ADA, "away 2026-12-11 2026-12-07", "The last day comes before the first. Put the first day first.",
						"/fieldnotes away <from> <to>"),
				sv(ADA, "away", "Du har ingen frånvaro inlagd."),
				svUsage(ADA, "away snart", "Ange första och sista dagen av din frånvaro som ÅÅÅÅ-MM-DD",
						"/fieldnotes away <från> <till>  ·  /fieldnotes away off"),
				en(ADA, "reminders", "Reminders are on: one nudge a day after a prompt you have not answered."),
				en(ADA, "reminders off", "🔕 Reminders off: I won't nudge you about unanswered prompts."),
				enUsage(ADA, "reminders maybe", "Say \"on\" or \"off\".", "/fieldnotes reminders"),
				sv(ADA, "reminders", "Påminnelser är på"),
				svUsage(ADA, "reminders kanske", "Skriv \"on\" eller \"off\".", "/fieldnotes reminders"),
				enUsage(ADA, "language", "I write to you in English. Choose en or sv.", "/fieldnotes language"),
				enUsage(ADA, "language fr", "I don't speak \"fr\" yet. Choose en or sv.", "/fieldnotes language"),
				en(ADA, "language sv", "Klart: jag skriver till dig på svenska från och med nu."),
				svUsage(ADA, "language", "Jag skriver till dig på svenska. Välj en eller sv.", "/fieldnotes language"),
				sv(ADA, "language en", "Done: I'll write to you in English from now on."),
				en(ADA, "visibility", "Who can see your new entries and status updates: 👥 Your coaches"),
				en(ADA, "visibility private", "✅ From now on, new entries and status updates are visible to: 🔒 Only you"),
				enUsage(ADA, "visibility everyone", "“everyone” isn't one of the options.", "/fieldnotes visibility"),
				sv(ADA, "visibility privat", "✅ Från och med nu syns nya anteckningar och statusuppdateringar för: 🔒"),
				svUsage(ADA, "visibility alla", "”alla” är inget av valen.", "/fieldnotes visibility"),
				en(ADA, "goals", "You have no learning goals yet."),
				en(ADA, "goals set Run a design review; Present to the board", "Run a design review",
						"Present to the board"),
				enUsage(ADA, "goals set", "Write your goals after \"set\"", "/fieldnotes goals"),
				sv(ADA, "goals", "Du har inga lärandemål än."),
				svUsage(ADA, "goals set", "Skriv dina mål efter \"set\"", "/fieldnotes goals"),
				en(ADA, "hours", "No hours logged yet."),
				en(ADA, "hours 7.5", "✅ 7.5 h logged for", "You've logged 7.5 hours."),
				enUsage(ADA, "hours lots", "“lots” isn't an amount of time.", "/fieldnotes hours"),
				sv(ADA, "hours", "Inga timmar loggade än."),
				sv(ADA, "hours 7,5", "✅ 7,5 tim loggade för", "Du har loggat 7,5 timmar."),
				svUsage(ADA, "hours mycket", "”mycket” är ingen tid.", "/fieldnotes hours"),
				en("UMAJA", "hours 7.5", "You're not enrolled"),
				enUsage(ADA, "digest", "Say what you want to do with the digest: preview, settings, last or week 2026-W47.",
						"/fieldnotes digest"),
				svUsage(ADA, "digest", "Säg vad du vill göra med sammanfattningen", "/fieldnotes digest"),
				en(ADA, "digest settings", "You have no digest"),
				en("UMAJA", "digest settings", "Next digest:"),
				en("UMAJA", "digest preview", "Your placements this week", "Ada Lindqvist"),
				sv("UMAJA", "digest preview", "Dina placeringar den här veckan", "Ada Lindqvist"),
				en(ADA, "my-data", "Everything Fieldnotes stores about you is on its way"),
				sv(ADA, "my-data", "Allt Fieldnotes sparar om dig är på väg"),
				en(ADA, "portfolio", "Your portfolio: 0 items, lessons learnt first (none)", "fieldnotes-portfolio.pdf"),
				sv(ADA, "portfolio", "Din portfolio: 0 delar, lärdomarna först (inga)", "fieldnotes-portfolio.pdf"),
				enUsage(ADA, "portfolio from:yesterday", "I did not understand \"from:yesterday\".",
						"/fieldnotes portfolio"),
				en("UMAJA", "brief @UADA", "Steering-meeting brief: Ada Lindqvist", "for the manager"),
				sv("UMAJA", "brief @UADA", "Underlag till styrgruppsmötet: Ada Lindqvist", "för chef"),
				en(ADA, "brief @UADA", "You follow no placement of that person"),
				enUsage("UMAJA", "brief", "Whose brief? Mention the participant.", "/fieldnotes brief"),
				en(ADMIN, "survey end-satisfaction program:\"KTP 2026\"",
						"Survey end-satisfaction sent to 1 participant of KTP 2026."),
				sv(ADMIN, "survey end-satisfaction program:\"KTP 2026\"",
						"Enkäten end-satisfaction skickad till 1 deltagare i KTP 2026."),
				enUsage(ADMIN, "survey", "Which survey, for which programme? Surveys: end-satisfaction,",
						"/fieldnotes survey <survey id> program:"),
				en("UBEATA", "meeting @UADA", "No steering meeting is scheduled for Ada Lindqvist."),
				sv("UBEATA", "meeting @UADA", "Inget styrgruppsmöte är bokat för Ada Lindqvist."),
				en(ADA, "meeting @UADA", "You coach or coordinate no current placement of that person"),
				enUsage("UBEATA", "meeting", "Whose meeting? Mention the participant.", "/fieldnotes meeting"),
				// admin-only, refused to others
				en(ADA, "pause @UADA", "Sorry, only programme coordinators (admins) can do that."),
				sv(ADA, "list", "Tyvärr, det kan bara programsamordnare (administratörer) göra."),
				// an admin
				en(ADMIN, "help", "/fieldnotes list [programme]", "/fieldnotes enroll @person"),
				en(ADMIN, "list", "Ada Lindqvist", "Scania"),
				en(ADMIN, "list \"Nope\"", "No placements in \"Nope\". See /fieldnotes programs."),
				sv(ADMIN, "list \"Nope\"", "Inga placeringar i \"Nope\"."),
				en(ADMIN, "programs", "KTP 2026"),
				en(ADMIN, "programs KTP 2026 visibility private", "✅ KTP 2026: new entries and status updates are now "
						+ "visible to private unless a participant chose otherwise."),
				en(ADMIN, "programs Nope visibility private", "There is no programme called “Nope”."),
				sv(ADMIN, "programs", "KTP 2026"),
				en(ADMIN, "who-is-quiet", "Ada Lindqvist", "Scania · KTP 2026 · no entry yet (started 2 Nov 2026)"),
				sv(ADMIN, "who-is-quiet", "Ada Lindqvist", "inget inlägg än (började 2 nov. 2026)"),
				enUsage(ADMIN, "audit 0", "\"0\" is not a number from 1 to 100.", "/fieldnotes audit"),
				svUsage(ADMIN, "audit lots", "\"lots\" är inget tal mellan 1 och 100.", "/fieldnotes audit"),
				enUsage(ADMIN, "pause", "Mention the person, e.g. @ada.", "/fieldnotes pause @person"),
				en(ADMIN, "pause @UNOBODY", "That person has no current placement."),
				en(ADMIN, "pause @UADA", "Paused the placement of Ada Lindqvist at Scania."),
				svUsage(ADMIN, "pause", "Nämn personen, till exempel @ada.", "/fieldnotes pause @person"),
				sv(ADMIN, "pause @UADA", "Placeringen för Ada Lindqvist på Scania är pausad."),
				en(ADMIN, "resume @UADA", "Resumed the placement of Ada Lindqvist at Scania."),
				sv(ADMIN, "resume @UADA", "Placeringen för Ada Lindqvist på Scania är återupptagen."),
				en(ADMIN, "end @UADA", "Ended the placement of Ada Lindqvist at Scania."),
				sv(ADMIN, "end @UADA", "Placeringen för Ada Lindqvist hos Scania är avslutad."),
				en(ADMIN, "skip @UADA", "Skipped the next prompt of Ada Lindqvist (due Friday 4 Dec)."),
				sv(ADMIN, "skip @UADA", "Hoppade över nästa fråga till Ada Lindqvist"),
				en(ADMIN, "send-now @UADA", "Sent Ada Lindqvist their next prompt (the one due Friday 4 Dec)."),
				sv(ADMIN, "send-now @UADA", "Skickade nästa fråga till Ada Lindqvist"),
				enUsage(ADMIN, "send-now", "Mention the person, e.g. @ada.", "/fieldnotes send-now @person"),
				enUsage(ADMIN, "admin", "Say add or remove, and mention the person.", "/fieldnotes admin"),
				en(ADMIN, "admin add @UNEW", "Some One is now an admin."),
				svUsage(ADMIN, "admin", "Skriv add eller remove och nämn personen.", "/fieldnotes admin"),
				sv(ADMIN, "admin add @UNEW", "Some One är nu admin."),
				enUsage(ADMIN, "erase", "Say whom to erase", "/fieldnotes erase @person|email:<address>"),
				en(ADMIN, "erase @UADA", "Erasing", "Erase for good"),
				svUsage(ADMIN, "erase", "Säg vem som ska raderas", "/fieldnotes erase"),
				sv(ADMIN, "erase @UADA", "Att radera", "Radera för gott"),
				enUsage(ADMIN, "demo", "Say what to do with the demo data", "/fieldnotes demo remove"),
				en(ADMIN, "demo remove", "There is no demo data to remove."),
				svUsage(ADMIN, "demo", "Säg vad som ska göras med demodata", "/fieldnotes demo remove"),
				sv(ADMIN, "demo remove", "Det finns inga demodata att ta bort."),
				enUsage(ADMIN, "enroll", "Tell me who to enrol and where", "/fieldnotes enroll @person program:"),
				en(ADMIN, "enroll @UNEW program:KTP host:Scania start:2027-06-30 end:2027-01-01",
						"The end date (1 Jan 2027) is before the start date (30 Jun 2027).", "Usage: /fieldnotes enroll"),
				svUsage(ADMIN, "enroll", "Berätta vem du vill skriva in och var", "/fieldnotes enroll @person"),
				en(ADMIN, "digest preview @UMAJA", "Preview of Maja Berg's digest as it would look now"),
				sv(ADMIN, "digest preview @UMAJA", "Förhandsvisning av sammanfattningen till Maja Berg"),
				en(ADMIN, "audit", "@UADMIN1"),
				sv(ADMIN, "audit", "@UADMIN1"),
				enUsage(ADMIN, "change @UADA", "Say what to change, e.g. end:2027-08-31 or business-coach:@person.",
						"/fieldnotes change @person"),
				en(ADMIN, "change @UADA host:Volvo",
						"Changed the placement of Ada Lindqvist at Volvo: host. Everyone affected is told."),
				svUsage(ADMIN, "change @UADA", "Ange vad som ska ändras", "/fieldnotes change @person"),
				sv(ADMIN, "change @UADA host:Volvo", "Placeringen för Ada Lindqvist hos Volvo är ändrad: värdorganisation."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void eachSubcommandAnswersInThePersonsLanguage(Case command) {
		enrol(ADA, "2026-11-02", "2027-04-30");
		if (command.language().equals("sv")) {
			commands.run(slack(command.who()), "language sv");
		}
		if (command.text().equals("audit")) {
			commands.run(slack(ADMIN), "pause @UADA"); // something to list
		}

		ChatMessage answer = commands.run(slack(command.who()), command.text());

		String words = words(answer);
		for (String said : command.says()) {
			assertThat(words).as(command.toString()).contains(said);
		}
		if (command.usage()) {
			assertThat(answer.blocks()).as("a usage error: the problem, then the usage line").hasSize(2);
			assertThat(answer.blocks().get(1)).isInstanceOf(ChatMessage.Block.Context.class);
		}
		assertThat(answer.summary()).as("a summary for notifications").isNotBlank();
	}

	@Test
	void everySubcommandIsCoveredInBothLanguages() {
		Set<String> names = subcommands.stream().map(Subcommand::name).collect(Collectors.toSet());
		for (String language : List.of("en", "sv")) {
			Set<String> covered = cases().filter(c -> c.language().equals(language))
				.map(c -> CommandLine.parse(c.text()).name())
				.collect(Collectors.toSet());
			assertThat(covered).as("subcommands with a %s case", language).containsAll(names);
		}
	}

	/**
	 * A text asked for without arguments is shown as written, so a doubled apostrophe there ({@code won''t}) would
	 * reach people as two; only texts with arguments go through MessageFormat, where {@code ''} is one.
	 */
	@Test
	void noTextWithoutArgumentsDoublesAnApostrophe() throws java.io.IOException {
		for (java.nio.file.Path bundle : java.nio.file.Files
			.newDirectoryStream(java.nio.file.Path.of("src/main/resources/i18n"), "*.properties")) {
			java.util.Properties texts = new java.util.Properties();
			try (var reader = java.nio.file.Files.newBufferedReader(bundle)) {
				texts.load(reader);
			}
			texts.forEach((key, text) -> assertThat(text.toString().contains("''") && !text.toString().contains("{"))
				.as("%s in %s", key, bundle.getFileName()).isFalse());
		}
	}

	@Test
	void whatACommandChangesIsChanged() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");

		commands.run(slack(ADA), "log Mapped the supplier chain");
		commands.run(slack(ADA), "reminders off");
		commands.run(slack(ADMIN), "pause @UADA");

		assertThat(mongo.getCollection("logbook_entries").countDocuments()).isEqualTo(1);
		assertThat(words(commands.run(slack(ADA), "reminders"))).contains("Reminders are off.");
		assertThat(words(commands.run(slack(ADA), "me"))).contains("Your prompts are paused.");
		assertThat(json(get("/api/v1/placements/" + placementId).body()).get("status").asString()).isEqualTo("PAUSED");
	}

	@Test
	void theAnswerToHelpListsOnlyWhatThePersonMayRun() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(words(commands.run(slack(ADA), "help"))).doesNotContain("/fieldnotes enroll").doesNotContain("/fieldnotes erase");
		assertThat(words(commands.run(slack(ADMIN), "help"))).contains("/fieldnotes erase");
	}

	@Test
	void sendNowAnswersAfterTheAckOnlyForThoseWhoMayRunIt() {
		assertThat(commands.answersAfterAck(slack(ADMIN), "send-now @UADA")).isTrue();
		assertThat(commands.answersAfterAck(slack(ADA), "send-now @UADA")).isFalse();
		assertThat(commands.answersAfterAck(slack(ADMIN), "list")).isFalse();
	}
}
