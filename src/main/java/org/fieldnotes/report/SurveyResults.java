package org.fieldnotes.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.ProgramSettings;
import org.fieldnotes.survey.Survey;
import org.fieldnotes.survey.SurveyAnswers;
import org.fieldnotes.survey.SurveyLibrary;
import org.fieldnotes.survey.SurveyResponse;
import org.springframework.stereotype.Component;

/**
 * The "Survey results" section of the evaluation PDF (fragment {@code templates/report/survey-results.html}): per
 * survey and question, how many answered it and the distribution — the count of each of 1–5 and the mean for a
 * Likert question, the count of each option for a choice; a free-text question only its count, never its words.
 * Counts only, as every evaluation report. Answers to a survey whose file is gone are left out.
 */
@Component
class SurveyResults {

	private final PlacementManagement placements;
	private final SurveyAnswers answers;
	private final SurveyLibrary surveys;
	private final ReportTexts texts;

	SurveyResults(PlacementManagement placements, SurveyAnswers answers, SurveyLibrary surveys, ReportTexts texts) {
		this.placements = placements;
		this.answers = answers;
		this.surveys = surveys;
		this.texts = texts;
	}

	/** One question's results: its columns (1–5, or the options' labels) and the count under each. */
	record QuestionResult(String text, String summary, List<String> columns, List<String> counts) {
	}

	/** One survey's results. */
	record SurveyResult(String title, String intro, List<QuestionResult> questions) {
	}

	/** The section's variables: {@code surveyHeading}, and {@code surveys} (empty when nobody answered a survey). */
	Map<String, Object> variables(String program, Locale locale) {
		String key = ProgramSettings.keyOf(program);
		List<String> ids = placements.all().stream()
			.filter(p -> p.getProgram() != null && ProgramSettings.keyOf(p.getProgram()).equals(key))
			.map(Placement::getId)
			.toList();
		Map<String, List<SurveyResponse>> bySurvey = answers.ofPlacements(ids).stream()
			.collect(Collectors.groupingBy(SurveyResponse::surveyId, LinkedHashMap::new, Collectors.toList()));
		List<SurveyResult> results = new ArrayList<>();
		bySurvey.keySet().stream().sorted(Comparator.naturalOrder()).forEach(surveyId -> {
			Optional<Survey> survey = surveys.find(surveyId);
			if (survey.isPresent()) {
				results.add(result(survey.get(), bySurvey.get(surveyId), locale));
			}
		});
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("surveyHeading", texts.t("report.evaluation.surveys", locale));
		variables.put("surveys", results);
		return variables;
	}

	private SurveyResult result(Survey survey, List<SurveyResponse> responses, Locale locale) {
		List<QuestionResult> questions = new ArrayList<>();
		for (Survey.Question question : survey.questions()) {
			List<SurveyResponse.Answer> given = responses.stream()
				.flatMap(r -> r.answers().stream())
				.filter(a -> a.questionId().equals(question.id()))
				.toList();
			int n = given.size();
			List<String> columns = new ArrayList<>();
			List<String> counts = new ArrayList<>();
			String summary = texts.t("report.evaluation.surveys.n", locale, n);
			switch (question.type()) {
				case LIKERT -> {
					for (int value = 1; value <= 5; value++) {
						int wanted = value;
						columns.add(value == 1 ? "1 · " + question.low(locale)
								: value == 5 ? "5 · " + question.high(locale) : String.valueOf(value));
						counts.add(String.valueOf(given.stream()
							.filter(a -> a.number() != null && a.number() == wanted).count()));
					}
					double mean = given.stream().filter(a -> a.number() != null).mapToInt(SurveyResponse.Answer::number)
						.average().orElse(Double.NaN);
					if (n > 0) {
						summary = texts.t("report.evaluation.surveys.mean", locale, n,
								String.format(locale, "%.1f", mean));
					}
				}
				case SINGLE, MULTIPLE -> {
					for (Survey.Choice option : question.options()) {
						columns.add(option.label(locale));
						counts.add(String.valueOf(given.stream().filter(a -> a.options().contains(option.id())).count()));
					}
				}
				case TEXT -> {
				}
			}
			questions.add(new QuestionResult(question.text(locale), summary, columns, counts));
		}
		return new SurveyResult(survey.title(locale), texts.t("report.evaluation.surveys.sent", locale, survey.id(),
				responses.size()), questions);
	}
}
