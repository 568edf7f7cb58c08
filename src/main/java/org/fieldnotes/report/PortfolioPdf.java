package org.fieldnotes.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/** A portfolio as a PDF, through the XHTML of {@code templates/report/portfolio.html}. */
@Component
class PortfolioPdf {

	private final ReportTexts texts;
	private final ReportPdf pdf;

	PortfolioPdf(ReportTexts texts, ReportPdf pdf) {
		this.texts = texts;
		this.pdf = pdf;
	}

	/** What the PDF shows, as XHTML: every string a variable, escaped by the template. */
	String xhtml(Portfolio portfolio) {
		Locale locale = portfolio.locale();
		Map<String, Object> variables = new HashMap<>();
		variables.put("language", locale.getLanguage());
		variables.put("title", texts.t("report.portfolio.title", locale, portfolio.participant()));
		variables.put("placementLine", texts.t("report.portfolio.placement", locale, portfolio.program(),
				portfolio.host(), texts.date(portfolio.start(), locale), texts.date(portfolio.end(), locale)));
		variables.put("rangeLine", texts.t("report.portfolio.range", locale, texts.date(portfolio.from(), locale),
				texts.date(portfolio.to(), locale)));
		variables.put("goalsHeading", texts.t("report.portfolio.goals", locale));
		variables.put("goalsNone", texts.t("report.portfolio.goals.none", locale));
		variables.put("goals", portfolio.goals());
		variables.put("addedValueLabel", texts.t("report.addedValue", locale));
		variables.put("addedValue", portfolio.addedValue());
		variables.put("lessonsHeading", texts.t("report.portfolio.lessons", locale));
		variables.put("lessonsNone", texts.t("report.portfolio.lessons.none", locale));
		variables.put("lessons", items(portfolio.lessons(), locale));
		variables.put("logbookHeading", texts.t("report.portfolio.logbook", locale));
		variables.put("logbookNone", texts.t("report.portfolio.logbook.none", locale));
		variables.put("items", items(portfolio.items(), locale));
		variables.put("blockersLabel", texts.t("report.portfolio.blockers", locale));
		return pdf.xhtml("report/portfolio", variables, locale);
	}

	byte[] render(Portfolio portfolio) {
		return pdf.pdf(xhtml(portfolio));
	}

	private List<Map<String, String>> items(List<Portfolio.Item> items, Locale locale) {
		return items.stream().map(item -> {
			Map<String, String> shown = new HashMap<>();
			shown.put("title", texts.t("report.portfolio.item", locale, item.number(), item.heading(), texts.date(item.date(), locale),
					item.week()));
			shown.put("text", item.text());
			shown.put("detail", item.detail());
			shown.put("blockers", item.blockers());
			return shown;
		}).toList();
	}
}
