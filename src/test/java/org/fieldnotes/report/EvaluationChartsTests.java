package org.fieldnotes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fieldnotes.access.AccessPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PRStream;

/**
 * The evaluation PDF's charts: the response rate and the status colours per placement week, drawn from the export's
 * rows, are PNGs in the XHTML and images in the PDF, and their figures are the CSV's.
 */
class EvaluationChartsTests extends ReportFixture {

	private static final Pattern IMG = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" alt=\"([^\"]*)\"");

	@Autowired
	EvaluationExport export;

	@Autowired
	EvaluationPdf pdf;

	@Autowired
	AccessPolicy access;

	@BeforeEach
	void placement() {
		createPlacement();
	}

	@Test
	void theXhtmlHoldsTwoPngChartsWithTextAlternatives() throws Exception {
		String xhtml = pdf.xhtml("KTP 2026", export.rows(access.apiCaller("test"), "KTP 2026"), Locale.ENGLISH);

		Matcher images = IMG.matcher(xhtml);
		List<String> alts = new ArrayList<>();
		while (images.find()) {
			byte[] png = Base64.getDecoder().decode(images.group(1));
			assertThat(png).startsWith(0x89, 'P', 'N', 'G');
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			assertThat(image.getWidth()).isEqualTo(EvaluationCharts.WIDTH);
			assertThat(image.getHeight()).isEqualTo(EvaluationCharts.HEIGHT);
			alts.add(images.group(2));
		}
		assertThat(alts).containsExactly(
				"A bar chart of the response rate in each of 6 placement weeks, as in the table above.",
				"A stacked bar chart of the status colours in each of 6 placement weeks.");
		assertThat(xhtml).contains("<h2>Response rate by placement week</h2>", "<h2>Status colours by placement week</h2>");
	}

	@Test
	void theChartsFiguresAreTheCsvs() throws Exception {
		HttpResponse<String> response = get("/api/v1/programs/KTP%202026/evaluation.csv");
		List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(response.body())).getRecords();
		Map<Integer, int[]> sentAnswered = new TreeMap<>();
		Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
		EvaluationCharts.STATUSES.forEach(s -> statuses.put(s, new TreeMap<>()));
		for (CSVRecord row : csv) {
			int week = Integer.parseInt(row.get("week"));
			int[] counts = sentAnswered.computeIfAbsent(week, w -> new int[2]);
			counts[0] += Integer.parseInt(row.get("prompts_sent"));
			counts[1] += Integer.parseInt(row.get("prompts_answered"));
			String status = row.get("status").isEmpty() ? "none" : row.get("status");
			EvaluationCharts.STATUSES.forEach(s -> statuses.get(s).merge(week, s.equals(status) ? 1 : 0, Integer::sum));
		}

		EvaluationCharts.Figures figures = EvaluationCharts
			.figures(export.rows(access.apiCaller("test"), "KTP 2026"));

		assertThat(figures.weeks()).containsExactlyElementsOf(sentAnswered.keySet());
		List<Double> rates = sentAnswered.values().stream()
			.map(c -> c[0] == 0 ? null : 100.0 * c[1] / c[0])
			.toList();
		assertThat(figures.rates()).containsExactlyElementsOf(rates);
		// weeks 2 to 5: 0 %, then 100 % three times; weeks 1 and 6 sent nothing
		assertThat(figures.rates()).containsExactly(null, 0.0, 100.0, 100.0, 100.0, null);
		for (String status : EvaluationCharts.STATUSES) {
			assertThat(figures.statuses().get(status)).as(status)
				.containsExactlyElementsOf(statuses.get(status).values());
		}
		assertThat(figures.statuses().get("amber")).containsExactly(0, 0, 0, 1, 1, 0);
	}

	@Test
	void thePdfHasTheChartsAsImages() throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(uri("/api/v1/programs/KTP%202026/evaluation.pdf"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);

		PdfReader reader = new PdfReader(response.body());
		int images = 0;
		for (int i = 1; i < reader.getXrefSize(); i++) {
			PdfObject object = reader.getPdfObject(i);
			if (object instanceof PRStream stream && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) {
				images++;
				assertThat(stream.get(PdfName.WIDTH).toString()).isEqualTo(String.valueOf(EvaluationCharts.WIDTH));
			}
		}
		reader.close();
		assertThat(images).isEqualTo(2);
	}
}
