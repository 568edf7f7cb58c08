package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Actor;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.RecordingMessenger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every report, rendered for every reader it has, in every form (Markdown, XHTML behind the PDF, chat text, JSON,
 * CSV): a private item's words are only in the participant's own portfolio, a confidential item's only there and
 * in the academic coach's brief, an entry shared with the coaches never in the manager's, a deleted one nowhere.
 */
class ReportsPrivacyTests extends ReportFixture {

	@Autowired
	Portfolios portfolios;

	@Autowired
	PortfolioMarkdown markdown;

	@Autowired
	PortfolioPdf portfolioPdf;

	@Autowired
	SteeringBriefs briefs;

	@Autowired
	BriefMessage messages;

	@Autowired
	BriefPdf briefPdf;

	@Autowired
	AccessPolicy access;

	@Autowired
	PlacementManagement placements;

	@Test
	void eachReadersReportsHoldExactlyTheWordsTheyMayRead() {
		createPlacement();
		Placement placement = placements.get(placementId);
		Map<String, String> reports = new LinkedHashMap<>();
		Portfolio portfolio = portfolios.of(Accounts.slack("UADA"), PortfolioChoice.all(), Locale.ENGLISH)
			.orElseThrow();
		reports.put("participant", markdown.render(portfolio) + portfolioPdf.xhtml(portfolio));
		for (String member : new String[] { "UANDERS", "UBEATA", "UMAJA" }) {
			Actor reader = access.member(Accounts.slack(member));
			String role = briefs.readerRole(reader, placement).orElseThrow();
			reports.put(role, brief(reader, role, placement));
		}
		reports.put("admin", brief(access.apiCaller("test"), SteeringBriefs.ADMIN, placement)
				+ get("/api/v1/placements/" + placementId + "/brief?since=2026-11-01").body());
		reports.put("evaluators", get("/api/v1/programs/KTP%202026/evaluation.csv").body());

		expect(reports, PRIVATE_WORDS, Set.of("participant"));
		expect(reports, CONFIDENTIAL_WORDS, Set.of("participant", "academic_coach"));
		expect(reports, CONFIDENTIAL_BLOCKER, Set.of("participant", "academic_coach"));
		expect(reports, COACHES_WORDS, Set.of("participant", "academic_coach", "business_coach", "admin"));
		expect(reports, PLAN, Set.of("participant", "academic_coach", "business_coach", "admin"));
		expect(reports, PLACEMENT_WORDS, Set.of("participant", "academic_coach", "business_coach", "manager", "admin"));
		expect(reports, DELETED_WORDS, Set.of());
	}

	private String brief(Actor reader, String role, Placement placement) {
		SteeringBrief brief = briefs.generate(reader, role, placement, LocalDate.parse("2026-11-01"), Locale.ENGLISH);
		return RecordingMessenger.words(messages.of(brief, Locale.ENGLISH)) + briefPdf.xhtml(brief, Locale.ENGLISH);
	}

	private static void expect(Map<String, String> reports, String words, Set<String> allowed) {
		List<String> found = reports.entrySet().stream().filter(e -> e.getValue().contains(words))
			.map(Map.Entry::getKey).toList();
		assertThat(found).as("the reports holding \"%s\"", words).containsExactlyInAnyOrderElementsOf(allowed);
	}
}
