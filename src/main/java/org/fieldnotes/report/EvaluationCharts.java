package org.fieldnotes.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.springframework.stereotype.Component;

/**
 * The evaluation PDF's charts, drawn with XChart from the export's rows only (so they show what the CSV holds and
 * no more): the response rate per placement week (a bar per week: answered ÷ sent, in per cent) and the status
 * colours per placement week (stacked bars: green, amber, red, none shared). Each is a PNG, embedded in the XHTML as
 * a {@code data:} URI (Flying Saucer lays it out in the PDF); colours are Okabe–Ito, safe for colour-blind readers,
 * as in the digest's chart.
 */
@Component
public class EvaluationCharts {

	static {
		// Spring Boot sets this for the application; tests that draw without Spring get it here.
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	static final int WIDTH = 800;
	static final int HEIGHT = 360;
	/** The status colours as the CSV writes them, then weeks without a readable status. */
	static final List<String> STATUSES = List.of("green", "amber", "red", "none");
	private static final Map<String, Color> COLOURS = Map.of("green", new Color(0x00, 0x9E, 0x73), "amber",
			new Color(0xE6, 0x9F, 0x00), "red", new Color(0xD5, 0x5E, 0x00), "none", new Color(0xBB, 0xBB, 0xBB));
	private static final Color BAR = new Color(0x00, 0x72, 0xB2); // Okabe–Ito blue

	private final ReportTexts texts;

	EvaluationCharts(ReportTexts texts) {
		this.texts = texts;
	}

	/** One chart, ready for the template: its heading, its text alternative and its PNG as a {@code data:} URI. */
	public record Chart(String title, String alt, String src) {
	}

	/**
	 * What the charts show, per placement week (in order): the response rate in per cent ({@literal null} for a week
	 * in which no prompt was sent) and, per status of {@link #STATUSES}, how many placement-weeks had it.
	 */
	public record Figures(List<Integer> weeks, List<Double> rates, Map<String, List<Integer>> statuses) {
	}

	/** The figures of these rows. */
	public static Figures figures(List<EvaluationRow> rows) {
		Map<Integer, List<EvaluationRow>> byWeek = new TreeMap<>();
		rows.forEach(row -> byWeek.computeIfAbsent(row.week(), w -> new ArrayList<>()).add(row));
		List<Integer> weeks = new ArrayList<>(byWeek.keySet());
		List<Double> rates = new ArrayList<>();
		Map<String, List<Integer>> statuses = new LinkedHashMap<>();
		STATUSES.forEach(status -> statuses.put(status, new ArrayList<>()));
		for (List<EvaluationRow> week : byWeek.values()) {
			int sent = week.stream().mapToInt(EvaluationRow::promptsSent).sum();
			int answered = week.stream().mapToInt(EvaluationRow::promptsAnswered).sum();
			rates.add(sent == 0 ? null : 100.0 * answered / sent);
			for (String status : STATUSES) {
				statuses.get(status).add((int) week.stream()
					.filter(r -> status.equals(r.status() == null ? "none" : r.status()))
					.count());
			}
		}
		return new Figures(weeks, rates, statuses);
	}

	/** The charts of these rows, with the words in the reader's language; none when there is no row. */
	public List<Chart> of(List<EvaluationRow> rows, Locale locale) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Figures figures = figures(rows);
		return List.of(responseRate(figures, locale), statuses(figures, locale));
	}

	private Chart responseRate(Figures figures, Locale locale) {
		String title = texts.t("report.evaluation.chart.rate", locale);
		CategoryChart chart = chart(title, locale, texts.t("report.evaluation.chart.rateAxis", locale));
		chart.getStyler().setYAxisMin(0.0);
		chart.getStyler().setYAxisMax(100.0);
		chart.getStyler().setLegendVisible(false);
		List<Double> rates = figures.rates().stream().map(rate -> rate == null ? 0.0 : rate).toList();
		CategorySeries series = chart.addSeries(title, figures.weeks(), rates);
		series.setFillColor(BAR);
		return new Chart(title, texts.t("report.evaluation.chart.rateAlt", locale, figures.weeks().size()),
				dataUri(chart));
	}

	private Chart statuses(Figures figures, Locale locale) {
		String title = texts.t("report.evaluation.chart.status", locale);
		CategoryChart chart = chart(title, locale, texts.t("report.evaluation.chart.statusAxis", locale));
		chart.getStyler().setStacked(true);
		chart.getStyler().setYAxisMin(0.0);
		for (String status : STATUSES) {
			String name = "none".equals(status) ? texts.t("report.evaluation.status.none", locale)
					: texts.t("roles.rag." + status.toUpperCase(Locale.ROOT), locale);
			CategorySeries series = chart.addSeries(name, figures.weeks(), figures.statuses().get(status));
			series.setFillColor(COLOURS.get(status));
		}
		return new Chart(title, texts.t("report.evaluation.chart.statusAlt", locale, figures.weeks().size()),
				dataUri(chart));
	}

	private CategoryChart chart(String title, Locale locale, String yAxis) {
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title(title)
			.xAxisTitle(texts.t("report.evaluation.column.week", locale))
			.yAxisTitle(yAxis)
			.build();
		var styler = chart.getStyler();
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
		styler.setAntiAlias(true);
		styler.setChartBackgroundColor(Color.WHITE);
		styler.setPlotBackgroundColor(Color.WHITE);
		styler.setPlotBorderVisible(false);
		styler.setChartTitleFont(font.deriveFont(Font.BOLD, 18f));
		styler.setChartTitleBoxVisible(false);
		styler.setAxisTitleFont(font);
		styler.setAxisTickLabelsFont(font.deriveFont(14f));
		styler.setLegendFont(font.deriveFont(14f));
		styler.setLegendPosition(LegendPosition.OutsideS);
		styler.setLegendLayout(LegendLayout.Horizontal);
		styler.setLegendBorderColor(Color.WHITE);
		styler.setYAxisDecimalPattern("0");
		styler.setChartPadding(12);
		return chart;
	}

	private static String dataUri(CategoryChart chart) {
		try {
			return "data:image/png;base64,"
					+ Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
