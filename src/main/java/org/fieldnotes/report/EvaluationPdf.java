package org.fieldnotes.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The programme evaluation as a PDF, made from the export's rows only (so it holds counts, never words): response
 * rates per week and per placement, the distribution of status colours and moods a coordinator may read, and the
 * flags raised, and the follow-up in numbers; laid out by {@code templates/report/evaluation.html}, with the charts of
 * {@link EvaluationCharts} ({@code templates/report/evaluation-charts.html}).
 */
@Component
public class EvaluationPdf {

	private static final List<String> COLOURS = List.of("green", "amber", "red");
	private static final List<String> FLAGS = List.of("no_recent_entry", "red_status", "mood_drop", "long_blocker",
			"skipped_in_a_row", "delivery_failed");

	private final ReportTexts texts;
	private final ReportPdf pdf;
	private final SurveyResults surveyResults;
	private final EvaluationCharts charts;

	EvaluationPdf(ReportTexts texts, ReportPdf pdf, SurveyResults surveyResults, EvaluationCharts charts) {
		this.texts = texts;
		this.pdf = pdf;
		this.surveyResults = surveyResults;
		this.charts = charts;
	}

	/** What the PDF shows, as XHTML. */
	public String xhtml(String program, List<EvaluationRow> rows, Locale locale) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("language", locale.getLanguage());
		variables.put("title", texts.t("report.evaluation.title", locale, program));
		variables.put("intro", texts.t("report.evaluation.intro", locale, rows.size()));
		variables.put("byWeekHeading", texts.t("report.evaluation.byWeek", locale));
		variables.put("byPlacementHeading", texts.t("report.evaluation.byPlacement", locale));
		variables.put("statusHeading", texts.t("report.evaluation.status", locale));
		variables.put("moodHeading", texts.t("report.evaluation.mood", locale));
		variables.put("flagsHeading", texts.t("report.evaluation.flags", locale));
		variables.put("weekColumns", List.of(texts.t("report.evaluation.column.week", locale),
				texts.t("report.evaluation.column.placements", locale), texts.t("report.evaluation.column.sent", locale),
				texts.t("report.evaluation.column.answered", locale), texts.t("report.evaluation.column.rate", locale)));
		// where hours were counted, each placement's total is its last column
		boolean hours = rows.stream().anyMatch(r -> r.hours() != null);
		List<String> placementColumns = new ArrayList<>(List.of(texts.t("report.evaluation.column.participant", locale),
				texts.t("report.evaluation.column.host", locale), texts.t("report.evaluation.column.weeks", locale),
				texts.t("report.evaluation.column.sent", locale), texts.t("report.evaluation.column.answered", locale),
				texts.t("report.evaluation.column.rate", locale)));
		if (hours) {
			placementColumns.add(texts.t("report.evaluation.column.hours", locale));
		}
		variables.put("placementColumns", placementColumns);
		variables.put("countColumns", List.of(texts.t("report.evaluation.column.value", locale),
				texts.t("report.evaluation.column.weeks", locale)));

		Map<Integer, List<EvaluationRow>> byWeek = new TreeMap<>();
		Map<String, List<EvaluationRow>> byPlacement = new LinkedHashMap<>();
		for (EvaluationRow row : rows) {
			byWeek.computeIfAbsent(row.week(), w -> new ArrayList<>()).add(row);
			byPlacement.computeIfAbsent(row.placementId(), p -> new ArrayList<>()).add(row);
		}
		variables.put("weeks", byWeek.entrySet().stream().map(e -> {
			int sent = sum(e.getValue(), true);
			int answered = sum(e.getValue(), false);
			return List.of(String.valueOf(e.getKey()), String.valueOf(e.getValue().size()), String.valueOf(sent),
					String.valueOf(answered), rate(answered, sent, locale));
		}).toList());
		variables.put("placements", byPlacement.values().stream().map(weeks -> {
			int sent = sum(weeks, true);
			int answered = sum(weeks, false);
			List<String> cells = new ArrayList<>(List.of(weeks.get(0).participant(), weeks.get(0).host(),
					String.valueOf(weeks.size()), String.valueOf(sent), String.valueOf(answered),
					rate(answered, sent, locale)));
			if (hours) {
				cells.add(hoursOf(weeks, locale));
			}
			return cells;
		}).toList());
		List<List<String>> status = new ArrayList<>();
		for (String colour : COLOURS) {
			status.add(List.of(texts.t("roles.rag." + colour.toUpperCase(Locale.ROOT), locale),
					String.valueOf(rows.stream().filter(r -> colour.equals(r.status())).count())));
		}
		status.add(List.of(texts.t("report.evaluation.status.none", locale),
				String.valueOf(rows.stream().filter(r -> r.status() == null).count())));
		variables.put("statuses", status);
		List<List<String>> moods = new ArrayList<>();
		for (int mood = 1; mood <= 5; mood++) {
			int wanted = mood;
			moods.add(List.of(String.valueOf(mood),
					String.valueOf(rows.stream().filter(r -> r.mood() != null && r.mood() == wanted).count())));
		}
		variables.put("moods", moods);
		variables.put("flags", FLAGS.stream()
			.map(flag -> List.of(texts.t("report.evaluation.flag." + flag, locale),
					String.valueOf(rows.stream().filter(r -> r.flags().contains(flag)).count())))
			.toList());
		effects(variables, rows, locale);
		variables.put("charts", charts.of(rows, locale));
		// the last section, its own class and template fragment
		variables.putAll(surveyResults.variables(program, locale));
		return pdf.xhtml("report/evaluation", variables, locale);
	}

	/** The follow-up ("effects") in numbers, from the rows' follow-up figures (each placement's last row). */
	private void effects(Map<String, Object> variables, List<EvaluationRow> rows, Locale locale) {
		List<EvaluationRow.FollowUp> followUps = rows.stream()
			.map(EvaluationRow::followUp)
			.filter(Objects::nonNull)
			.toList();
		int sent = followUps.stream().mapToInt(EvaluationRow.FollowUp::sent).sum();
		int answered = followUps.stream().mapToInt(EvaluationRow.FollowUp::answered).sum();
		int shared = followUps.stream().mapToInt(EvaluationRow.FollowUp::shared).sum();
		variables.put("effectsHeading", texts.t("report.evaluation.effects", locale));
		variables.put("effectsNote", texts.t("report.evaluation.effects.note", locale));
		variables.put("effects", List.of(
				List.of(texts.t("report.evaluation.effects.placements", locale), String.valueOf(sent)),
				List.of(texts.t("report.evaluation.effects.answered", locale), String.valueOf(answered)),
				List.of(texts.t("report.evaluation.effects.rate", locale), rate(answered, sent, locale)),
				List.of(texts.t("report.evaluation.effects.shared", locale), String.valueOf(shared))));
	}

	public byte[] render(String program, List<EvaluationRow> rows, Locale locale) {
		return pdf.pdf(xhtml(program, rows, locale));
	}

	/** A placement's hours over its weeks, in the reader's numbers; "–" where it counted none. */
	private static String hoursOf(List<EvaluationRow> weeks, Locale locale) {
		if (weeks.stream().allMatch(r -> r.hours() == null)) {
			return "–";
		}
		BigDecimal total = weeks.stream().map(EvaluationRow::hours).filter(Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(2);
		return format.format(total);
	}

	private static int sum(List<EvaluationRow> rows, boolean sent) {
		return rows.stream().mapToInt(r -> sent ? r.promptsSent() : r.promptsAnswered()).sum();
	}

	/** "75 %" (of prompts sent); "–" when none was sent. */
	private String rate(int answered, int sent, Locale locale) {
		return sent == 0 ? "–" : texts.t("report.evaluation.rate", locale, Math.round(100.0 * answered / sent));
	}
}
