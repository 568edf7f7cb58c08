package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.fieldnotes.endreport.EndReport;
import org.fieldnotes.endreport.EndReportPdf;
import org.fieldnotes.endreport.EndReportSections;
import org.fieldnotes.endreport.EndReportState;
import org.fieldnotes.endreport.EndReports;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The end-of-placement report drafted from the fixture's logbook (entries and status updates of every visibility,
 * a lessons-learnt answer among them), and its PDF, whose XHTML matches its golden file: "Approved by … on …", the
 * participant's words escaped.
 */
class EndReportDraftAndPdfTests extends ReportFixture {

	@Autowired
	EndReports reports;

	@Autowired
	EndReportPdf pdf;

	@Autowired
	PlacementManagement placements;

	@BeforeEach
	void createIt() {
		createPlacement();
	}

	@Test
	void theDraftHasTheLessonsLearntFirstAndNothingPrivateOrConfidential() {
		EndReportSections draft = reports.currentOrDraft(placement(), Locale.ENGLISH).sections();

		assertThat(draft.learnt()).startsWith("Lessons\n# Not a heading").contains(COACHES_WORDS)
			.contains(PLACEMENT_WORDS).doesNotContain(DELETED_WORDS);
		assertThat(draft.did()).contains("Week 3: Induction done.").contains("Load cases agreed.")
			.doesNotContain("Rig booked at last.");
		assertThat(draft.goals()).isEqualTo("• Run a design review on my own — moved in Nov 2026 — note (Nov 2026): "
				+ GOAL_NOTE + ": \n\n• Understand the composite supplier chain — moved in Dec 2026:");
		assertThat(draft.value()).isEmpty();
		for (String words : draft.byId().values()) {
			assertThat(words).doesNotContain(PRIVATE_WORDS).doesNotContain(CONFIDENTIAL_WORDS)
				.doesNotContain(CONFIDENTIAL_BLOCKER);
		}
	}

	@Test
	void theApprovedReportsPdfMatchesItsGoldenFile() throws Exception {
		EndReport approved = new EndReport(placementId, ada, personOf("UMAJA"), "KTP 2026", EndReportState.APPROVED,
				new EndReportSections("Built the <rig> & ran ${7*7} load cases.", "Measure twice.",
						"• Run a design review on my own: done in week 5", "A working test rig.", ""),
				2, List.of(), null, MONDAY, personOf("UMAJA"), "slack", MONDAY, MONDAY);

		String xhtml = pdf.xhtml(approved, placement(), Locale.ENGLISH);

		compareGolden("end-report.xhtml", xhtml);
		assertThat(xhtml).contains("Approved by Maja Berg on 7 December 2026.")
			.contains("Built the &lt;rig&gt; &amp; ran ${7*7} load cases.");
		byte[] document = pdf.render(approved, placement(), Locale.ENGLISH);
		assertThat(new String(document, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		// not approved yet: the PDF says so, in the reader's language
		EndReport submitted = new EndReport(placementId, ada, personOf("UMAJA"), "KTP 2026", EndReportState.SUBMITTED,
				approved.sections(), 2, List.of(), null, null, null, null, MONDAY, MONDAY);
		assertThat(pdf.xhtml(submitted, placement(), Locale.forLanguageTag("sv")))
			.contains("Inte godkänd ännu: väntar på chefen.").doesNotContain("Godkänd av");
	}

	private Placement placement() {
		return placements.get(placementId);
	}
}
