package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.SlackStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The participant's portfolio: their own logbook, lessons learnt first, as they choose it, as Markdown and PDF; sent
 * only to them, and nobody can ask for another's.
 */
class PortfolioTests extends ReportFixture {

	@Autowired
	Portfolios portfolios;

	@Autowired
	PortfolioMarkdown markdown;

	@Autowired
	PortfolioPdf pdf;

	@BeforeEach
	void placement() {
		createPlacement();
	}

	@Test
	void theWholePortfolioMatchesItsGoldenMarkdownAndXhtml() throws Exception {
		Portfolio portfolio = portfolios.of(Accounts.slack("UADA"), PortfolioChoice.all(), Locale.ENGLISH).orElseThrow();

		String md = markdown.render(portfolio);
		String xhtml = pdf.xhtml(portfolio);
		compareGolden("portfolio.md", md);
		compareGolden("portfolio.xhtml", xhtml);

		// the lessons learnt come first; then everything else in the order it was written
		assertThat(portfolio.lessons()).extracting(Portfolio.Item::id).containsExactly("e6");
		assertThat(portfolio.items()).extracting(Portfolio.Item::id)
			.containsExactly("s1", "e1", "s2", "e2", "s3", "e3", "s4", "e4", "s5", "e5");
		// theirs, so private and confidential words are in it; a deleted entry is not
		assertThat(md).contains(PRIVATE_WORDS, CONFIDENTIAL_WORDS, PLACEMENT_WORDS)
			.doesNotContain(DELETED_WORDS);
		// people's words are data: no heading, emphasis, link or HTML comes from them
		assertThat(md).contains("\\# Not a heading\\, \\*not bold\\*", "\\<b\\>not html\\<\\/b\\>",
				"\\[rig\\]\\(https\\:\\/\\/evil\\.example\\)").doesNotContain("\n# Not", "<b>");
		assertThat(xhtml).contains("&lt;b&gt;not html&lt;/b&gt;", "&lt;the buyers&gt; &amp; the plant")
			.doesNotContain("<b>not html");
		assertThat(md.indexOf("Lessons learnt")).isLessThan(md.indexOf("## Logbook"));

		byte[] document = pdf.render(portfolio);
		assertThat(new String(document, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(document);
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains("Portfolio: Ada Lindqvist", "Learning goals", "Run a design review on my own");
		reader.close();
	}

	@Test
	void theParticipantChoosesDatesKindsAndSingleItems() {
		// 30 Nov to 3 Dec, entries and status updates but not answers, without item 5 (s3)
		Portfolio portfolio = portfolios.of(Accounts.slack("UADA"), new PortfolioChoice(LocalDate.parse("2026-11-30"),
				LocalDate.parse("2026-12-03"), EnumSet.of(PortfolioPart.ENTRIES, PortfolioPart.STATUS), Set.of(5)),
				Locale.ENGLISH).orElseThrow();

		assertThat(portfolio.lessons()).isEmpty();
		assertThat(portfolio.items()).extracting(Portfolio.Item::id).containsExactly("e3", "s4", "e4");
		assertThat(portfolio.items()).extracting(Portfolio.Item::number).containsExactly(6, 7, 8);
		assertThat(portfolio.leftOut()).isEqualTo(8);
		assertThat(portfolio.from()).isEqualTo("2026-11-30");
		assertThat(portfolio.to()).isEqualTo("2026-12-03");
		String md = markdown.render(portfolio);
		assertThat(md).doesNotContain(PRIVATE_WORDS, COACHES_WORDS, "Load cases agreed").contains(PLACEMENT_WORDS);

		Portfolio answersOnly = portfolios.of(Accounts.slack("UADA"),
				new PortfolioChoice(null, null, EnumSet.of(PortfolioPart.ANSWERS), null), Locale.ENGLISH).orElseThrow();
		assertThat(answersOnly.lessons()).extracting(Portfolio.Item::id).containsExactly("e6");
		assertThat(answersOnly.items()).extracting(Portfolio.Item::id).containsExactly("e2");
	}

	@Test
	void theCommandAnswersWithASummaryAndSendsBothFilesToTheAskersDmOnly() {
		String answer = commandAnswer("UADA", "portfolio from:2026-11-27 without:5");

		assertThat(answer).contains("Your portfolio: 7 items, lessons learnt first (1 entry), from 27 Nov 2026 to "
				+ "7 Dec 2026; 4 items left out.", "fieldnotes-portfolio.md", "fieldnotes-portfolio.pdf");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SlackStub.calls("files.completeUploadExternal").size() >= 2);
		List<byte[]> uploads = SlackStub.uploads();
		String md = new String(uploads.get(0), StandardCharsets.UTF_8);
		assertThat(md).startsWith("# Portfolio\\: Ada Lindqvist").contains(PRIVATE_WORDS, PLAN)
			.doesNotContain("Load cases agreed", COACHES_WORDS);
		assertThat(new String(uploads.get(1), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		List<Map<String, String>> urls = SlackStub.calls("files.getUploadURLExternal");
		assertThat(urls).extracting(call -> call.get("filename"))
			.containsExactly("fieldnotes-portfolio.md", "fieldnotes-portfolio.pdf");
		// the files are shared in the DM the summary went to: Ada's, nobody else's
		assertThat(SlackStub.messagesTo("UADA")).isNotEmpty();
		for (String other : new String[] { "UMAJA", "UANDERS", "UBEATA" }) {
			assertThat(SlackStub.messagesTo(other)).noneMatch(m -> String.valueOf(m).contains("portfolio"));
		}
	}

	@Test
	void nobodyElseCanAskForAParticipantsPortfolio() {
		// a coach has no placement of their own: no portfolio, and no way to name Ada's
		assertThat(commandAnswer("UMAJA", "portfolio")).contains("You have no placement of your own");
		assertThat(commandAnswer("UMAJA", "portfolio <@UADA|ada>")).contains("I did not understand");
		// in their own language
		assertThat(commandAnswer("UANDERS", "portfolio")).contains("Du har ingen egen placering");
		assertThat(commandAnswer("UADMIN1", "portfolio")).contains("You have no placement of your own");
		assertThat(SlackStub.calls("files.getUploadURLExternal")).isEmpty();
	}

	@Test
	void badChoicesAreAnsweredWithWhatToDo() {
		assertThat(commandAnswer("UADA", "portfolio from:27-11-2026")).contains("I did not understand \"from:27-11-2026\"",
				"/fieldnotes portfolio [from:YYYY-MM-DD]");
		assertThat(commandAnswer("UADA", "portfolio only:photos")).contains("I did not understand \"only:photos\"");
		assertThat(commandAnswer("UADA", "portfolio from:2026-12-01 to:2026-11-01")).contains("swap them");
		assertThat(SlackStub.calls("files.getUploadURLExternal")).isEmpty();
	}
}
