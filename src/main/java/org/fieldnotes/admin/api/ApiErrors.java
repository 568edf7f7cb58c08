package org.fieldnotes.admin.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.PlacementNotFound;
import org.fieldnotes.placement.Violation;
import org.fieldnotes.prompting.PromptNotSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tools.jackson.core.JacksonException;

/**
 * Turns failures into RFC 9457 problem details; a 400 names every field that is wrong in {@code errors}.
 */
@RestControllerAdvice(assignableTypes = { PlacementsController.class, DigestsController.class })
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler
	ProblemDetail invalid(InvalidPlacement e) {
		return badRequest("The placement was not created: " + e.getMessage(), e.violations());
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		String field = field(e);
		String detail = field == null ? "The body is not valid JSON."
				: "The value of " + field + " has the wrong type (expected text).";
		return badRequest(detail, List.of(new Violation(field == null ? "body" : field,
				field == null ? "is not valid JSON" : "has the wrong type")));
	}

	@ExceptionHandler
	ProblemDetail notFound(PlacementNotFound e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notSent(PromptNotSent e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Prompt not sent");
		return problem;
	}

	private static ProblemDetail badRequest(String detail, List<Violation> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", violations.stream()
			.map(v -> Map.of("field", v.field(), "message", v.message()))
			.toList());
		return problem;
	}

	/** The JSON path of the value Jackson could not read, e.g. {@code participant.name}. */
	private static String field(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String path = jackson.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."));
			log.debug("Unreadable admin API body at {}", path);
			return path.replace(".[", "[");
		}
		return null;
	}
}
