package org.fieldnotes.endreport;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.report.ReportPdf;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An end-of-placement report as a PDF ({@code templates/report/end-report.html}): the participant, programme, host and
 * dates, whether and by whom it was approved ("Approved by … on …", in the participant's time zone), and the five
 * sections. Every string is a variable, escaped by the template.
 */
@Component
public class EndReportPdf {

	private final ReportPdf pdf;
	private final People people;
	private final MessageSource messages;

	EndReportPdf(ReportPdf pdf, People people, MessageSource messages) {
		this.pdf = pdf;
		this.people = people;
		this.messages = messages;
	}

	/** What the PDF shows, as XHTML. */
	public String xhtml(EndReport report, Placement placement, Locale locale) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("language", locale.getLanguage());
		variables.put("title", t("endReport.pdf.title", locale, placement.getParticipant().name()));
		DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
		variables.put("placement", t("endReport.pdf.placement", locale, placement.getProgram(),
				placement.getHostOrganisation(), day.format(placement.getStartDate()), day.format(placement.getEndDate())));
		variables.put("approval", approval(report, placement.getParticipant().zone(), day, locale));
		List<Map<String, String>> sections = new ArrayList<>();
		report.sections().byId().forEach((id, words) -> sections.add(Map.of("heading",
				t("endReport.section." + id, locale), "words", words.isBlank() ? "—" : words)));
		variables.put("sections", sections);
		return pdf.xhtml("report/end-report", variables, locale);
	}

	public byte[] render(EndReport report, Placement placement, Locale locale) {
		return pdf.pdf(xhtml(report, placement, locale));
	}

	private String approval(EndReport report, ZoneId zone, DateTimeFormatter day, Locale locale) {
		if (report.state() != EndReportState.APPROVED || report.approvedAt() == null) {
			return t("endReport.pdf.state." + report.state().name(), locale);
		}
		String by = report.approvedBy() == null ? "—" : people.find(new PersonId(report.approvedBy()))
			.map(Person::name).orElse("—");
		return t("endReport.pdf.approved", locale, by, day.format(report.approvedAt().atZone(zone)));
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
