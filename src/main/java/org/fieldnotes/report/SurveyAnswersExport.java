package org.fieldnotes.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.survey.Survey;
import org.fieldnotes.survey.SurveyAnswers;
import org.fieldnotes.survey.SurveyLibrary;
import org.fieldnotes.survey.SurveyResponse;
import org.springframework.stereotype.Service;

/**
 * A programme's survey answers, one row per answered question: numbers and option ids. Free text only from a survey
 * file that says {@code shareText: true}; otherwise the row is there (it was answered) with an empty value.
 */
@Service
public class SurveyAnswersExport {

	private final PlacementManagement placements;
	private final SurveyAnswers answers;
	private final SurveyLibrary surveys;

	SurveyAnswersExport(PlacementManagement placements, SurveyAnswers answers, SurveyLibrary surveys) {
		this.placements = placements;
		this.answers = answers;
		this.surveys = surveys;
	}

	/** The rows of the programme's placements (by start date, then placement id), answers oldest first. */
	public List<SurveyAnswerRow> rows(String program) {
		String key = ProgramSettings.keyOf(program);
		List<Placement> ofProgram = placements.all().stream()
			.filter(p -> p.getProgram() != null && ProgramSettings.keyOf(p.getProgram()).equals(key))
			.sorted(Comparator.comparing(Placement::getStartDate).thenComparing(Placement::getId))
			.toList();
		Map<String, Placement> byId = ofProgram.stream().collect(Collectors.toMap(Placement::getId, Function.identity()));
		Map<String, List<SurveyResponse>> byPlacement = answers.ofPlacements(byId.keySet()).stream()
			.collect(Collectors.groupingBy(SurveyResponse::placementId));
		List<SurveyAnswerRow> rows = new ArrayList<>();
		for (Placement placement : ofProgram) {
			for (SurveyResponse response : byPlacement.getOrDefault(placement.getId(), List.of())) {
				boolean shareText = surveys.find(response.surveyId()).map(Survey::shareText).orElse(false);
				for (SurveyResponse.Answer answer : response.answers()) {
					rows.add(new SurveyAnswerRow(placement.getId(), placement.getParticipant().id().value(),
							placement.getProgram(), response.surveyId(), response.moment(), answer.questionId(),
							answer.type(), value(answer, shareText),
							response.answeredAt().atZone(placement.getParticipant().zone()).toLocalDate()));
				}
			}
		}
		return rows;
	}

	private static String value(SurveyResponse.Answer answer, boolean shareText) {
		if (answer.number() != null) {
			return String.valueOf(answer.number());
		}
		if (!answer.options().isEmpty()) {
			return String.join(";", answer.options());
		}
		return shareText && answer.text() != null ? answer.text() : "";
	}

	/** The rows as CSV (RFC 4180, a header line first). */
	public String csv(List<SurveyAnswerRow> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
			.setHeader(SurveyAnswerRow.COLUMNS.toArray(String[]::new))
			.get())) {
			for (SurveyAnswerRow row : rows) {
				printer.printRecord(row.values());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}
}
