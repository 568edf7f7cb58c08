package org.fieldnotes.digest.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.logbook.OverallStatus;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link MoodChart} as an 800×400 PNG with XChart (fits a phone held sideways and an e-mail column): mood
 * 1–5 as a line over the placement weeks, each status update as a marker whose colour and shape both tell its
 * status (Okabe–Ito colours, safe for colour-blind readers; a circle, a diamond and a square, so it also reads in
 * greyscale). The same chart and labels always give the same bytes. Draws off-screen: no display is needed.
 */
final class ChartDrawing {

	static {
		// Spring Boot sets this for the application; tests and tools that draw without Spring get it here.
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	static final int WIDTH = 800;
	static final int HEIGHT = 400;

	private static final Color INK = new Color(0x1F, 0x29, 0x33);
	private static final Color MOOD_LINE = new Color(0x4D, 0x4D, 0x4D);
	private static final Color GRID = new Color(0xE5, 0xE7, 0xEB);
	private static final Map<OverallStatus, Color> COLOURS = new EnumMap<>(Map.of(
			OverallStatus.GREEN, new Color(0x00, 0x9E, 0x73), // Okabe–Ito bluish green
			OverallStatus.AMBER, new Color(0xE6, 0x9F, 0x00), // Okabe–Ito orange
			OverallStatus.RED, new Color(0xD5, 0x5E, 0x00))); // Okabe–Ito vermillion
	private static final Map<OverallStatus, Marker> SHAPES = new EnumMap<>(Map.of(OverallStatus.GREEN,
			SeriesMarkers.CIRCLE, OverallStatus.AMBER, SeriesMarkers.DIAMOND, OverallStatus.RED, SeriesMarkers.SQUARE));

	private ChartDrawing() {
	}

	/**
	 * The words on a chart, in the reader's language.
	 * @param statuses the legend name of each overall status
	 */
	record Labels(String title, String weekAxis, String moodAxis, String moodSeries, Map<OverallStatus, String> statuses) {
	}

	static byte[] png(MoodChart data, Labels labels) {
		XYChart chart = new XYChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title(labels.title())
			.xAxisTitle(labels.weekAxis())
			.yAxisTitle(labels.moodAxis())
			.build();
		style(chart, data);
		List<Double> positions = data.points().stream().map(MoodChart.Point::position).toList();
		XYSeries mood = chart.addSeries(labels.moodSeries(), positions, data.moods());
		mood.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
		mood.setMarker(SeriesMarkers.NONE);
		mood.setLineColor(MOOD_LINE);
		mood.setLineStyle(new BasicStroke(2.5f));
		for (OverallStatus status : OverallStatus.values()) {
			List<MoodChart.Point> points = data.points().stream().filter(p -> p.status() == status).toList();
			if (points.isEmpty()) {
				continue; // only the statuses that occur are in the legend
			}
			XYSeries series = chart.addSeries(labels.statuses().get(status),
					points.stream().map(MoodChart.Point::position).toList(),
					points.stream().map(MoodChart.Point::mood).toList());
			series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
			series.setMarker(SHAPES.get(status));
			series.setMarkerColor(COLOURS.get(status));
		}
		try {
			return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void style(XYChart chart, MoodChart data) {
		var styler = chart.getStyler();
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
		styler.setAntiAlias(true);
		styler.setChartBackgroundColor(Color.WHITE);
		styler.setPlotBackgroundColor(Color.WHITE);
		styler.setPlotBorderVisible(false);
		styler.setChartFontColor(INK);
		styler.setChartTitleFont(font.deriveFont(Font.BOLD, 18f));
		styler.setChartTitleBoxVisible(false);
		styler.setAxisTitleFont(font);
		styler.setAxisTickLabelsFont(font.deriveFont(14f));
		styler.setAxisTickLabelsColor(INK);
		styler.setLegendFont(font.deriveFont(14f));
		styler.setLegendPosition(LegendPosition.OutsideS);
		styler.setLegendLayout(LegendLayout.Horizontal);
		styler.setLegendBorderColor(Color.WHITE);
		styler.setPlotGridLinesColor(GRID);
		styler.setPlotGridLinesStroke(new BasicStroke(1f));
		styler.setPlotGridVerticalLinesVisible(false);
		styler.setMarkerSize(14);
		styler.setChartPadding(12);
		// mood 1–5 (the plot keeps a margin for the markers); week numbers only at whole weeks, each in the middle
		// of its week
		styler.setPlotContentSize(0.88);
		styler.setYAxisMin(1.0);
		styler.setYAxisMax(5.0);
		styler.setXAxisMin(data.firstWeek() - 0.5);
		styler.setXAxisMax(data.lastWeek() + 0.5);
		// whole numbers only: XChart then widens the tick step until no two labels are the same (1, 2, 3 …)
		styler.setXAxisDecimalPattern("0");
		styler.setYAxisDecimalPattern("0");
	}
}
