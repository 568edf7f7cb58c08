package org.fieldnotes.report;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** A portfolio as a Markdown file: the participant's words escaped ({@link MarkdownText}), never interpreted. */
@Component
class PortfolioMarkdown {

	private final ReportTexts texts;

	PortfolioMarkdown(ReportTexts texts) {
		this.texts = texts;
	}

	String render(Portfolio portfolio) {
		Locale locale = portfolio.locale();
		StringBuilder md = new StringBuilder();
		md.append("# ").append(MarkdownText.inline(texts.t("report.portfolio.title", locale, portfolio.participant())))
			.append("\n\n");
		md.append(MarkdownText.inline(texts.t("report.portfolio.placement", locale, portfolio.program(),
				portfolio.host(), texts.date(portfolio.start(), locale), texts.date(portfolio.end(), locale))))
			.append("\\\n");
		md.append(MarkdownText.inline(texts.t("report.portfolio.range", locale, texts.date(portfolio.from(), locale),
				texts.date(portfolio.to(), locale)))).append("\n\n");
		md.append("## ").append(MarkdownText.inline(texts.t("report.portfolio.goals", locale))).append("\n\n");
		if (portfolio.goals().isEmpty()) {
			md.append(MarkdownText.inline(texts.t("report.portfolio.goals.none", locale))).append("\n\n");
		}
		else {
			portfolio.goals().forEach(goal -> md.append("- ").append(MarkdownText.inline(goal)).append('\n'));
			md.append('\n');
		}
		if (portfolio.addedValue() != null) {
			md.append(MarkdownText.inline(texts.t("report.addedValue", locale))).append("\\\n")
				.append(MarkdownText.inline(portfolio.addedValue())).append("\n\n");
		}
		md.append("## ").append(MarkdownText.inline(texts.t("report.portfolio.lessons", locale))).append("\n\n");
		if (portfolio.lessons().isEmpty()) {
			md.append(MarkdownText.inline(texts.t("report.portfolio.lessons.none", locale))).append("\n\n");
		}
		items(md, portfolio.lessons(), locale);
		md.append("## ").append(MarkdownText.inline(texts.t("report.portfolio.logbook", locale))).append("\n\n");
		if (portfolio.items().isEmpty()) {
			md.append(MarkdownText.inline(texts.t("report.portfolio.logbook.none", locale))).append("\n\n");
		}
		items(md, portfolio.items(), locale);
		return md.toString();
	}

	private void items(StringBuilder md, List<Portfolio.Item> items, Locale locale) {
		for (Portfolio.Item item : items) {
			md.append("### ").append(MarkdownText.inline(texts.t("report.portfolio.item", locale, item.number(), item.heading(),
					texts.date(item.date(), locale), item.week()))).append("\n\n");
			if (item.detail() != null) {
				md.append('*').append(MarkdownText.inline(item.detail())).append("*\n\n");
			}
			if (!item.text().isBlank()) {
				md.append(MarkdownText.block(item.text())).append('\n');
			}
			if (item.blockers() != null) {
				md.append("**").append(MarkdownText.inline(texts.t("report.portfolio.blockers", locale)))
					.append("** ").append(MarkdownText.inline(item.blockers())).append("\n\n");
			}
		}
	}
}
