package org.fieldnotes.admin.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fieldnotes.placement.InvalidPlacement;
import org.fieldnotes.placement.PlacementConflict;
import org.fieldnotes.placement.PlacementNotFound;
import org.fieldnotes.placement.Violation;
import org.fieldnotes.prompting.PromptNotSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns failures into RFC 9457 problem details; a 400 names every field that is wrong in {@code errors}.
 * Ordered first: Boot's own problem-details handler ({@code spring.mvc.problemdetails.enabled}, order 0) also
 * handles unreadable bodies and would otherwise answer them without {@code errors}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { PlacementsController.class, DigestsController.class, ImportController.class,
		ProgramsController.class, TokensController.class, DeliveriesController.class,
		DemoController.class, ClosuresController.class, BlockersController.class, ReportsController.class,
		EndReportsController.class, SurveysController.class, MeetingsController.class,
		SignOffsController.class, HoursController.class })
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler
	ProblemDetail invalid(InvalidPlacement e) {
		return badRequest("The placement was not created: " + e.getMessage(), e.violations());
	}

	@ExceptionHandler
	ProblemDetail invalidChange(PlacementsController.InvalidChange e) {
		return badRequest(e.detail(), e.violations());
	}

	/** The placement changed meanwhile, or is not at the caller's {@code If-Match}: nothing was changed. */
	@ExceptionHandler
	ProblemDetail conflict(PlacementConflict e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Placement changed meanwhile");
		problem.setProperty("currentVersion", e.current());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		String field = field(e);
		String detail = field == null ? "The body is not valid JSON."
				: "The value of " + field + " has the wrong type (expected " + expected(e) + ").";
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
	ProblemDetail unknownRun(DigestsController.UnknownRun e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidProgram(ProgramsController.InvalidProgram e) {
		return badRequest(e.getMessage(), e.violations());
	}

	@ExceptionHandler
	ProblemDetail unknownProgram(ProgramsController.UnknownProgram e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail importRefused(ImportController.ImportRefused e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
		problem.setTitle(e.status() == HttpStatus.CONTENT_TOO_LARGE ? "Import too large" : "Invalid import");
		return problem;
	}

	/** A query parameter of the wrong type, e.g. {@code ?limit=many} or {@code ?includeDeleted=maybe}. */
	@ExceptionHandler
	ProblemDetail wrongParameterType(MethodArgumentTypeMismatchException e) {
		String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
		return badRequest("The " + e.getName() + " parameter has the wrong type (expected " + expected + ").",
				List.of(new Violation(e.getName(), "has the wrong type")));
	}

	@ExceptionHandler
	ProblemDetail invalidQuery(DeliveriesController.InvalidQuery e) {
		return badRequest("The " + e.field() + " parameter " + e.getMessage() + ".",
				List.of(new Violation(e.field(), e.getMessage())));
	}

	/** A token limited to a programme asked to enrol a placement of another programme: 403 naming the field. */
	@ExceptionHandler
	ProblemDetail programNotAllowed(ProgramNotAllowed e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("Forbidden");
		problem.setProperty("errors", List.of(Map.of("field", "program", "message", e.rule())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notSent(PromptNotSent e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Prompt not sent");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidMeeting(MeetingsController.InvalidMeeting e) {
		return badRequest("The meeting was not scheduled: " + e.field() + " " + e.getMessage() + ".",
				List.of(new Violation(e.field(), e.getMessage())));
	}

	private static ProblemDetail badRequest(String detail, List<Violation> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", violations.stream()
			.map(v -> Map.of("field", v.field(), "message", v.message()))
			.toList());
		return problem;
	}

	/**
	 * The JSON path of the value Jackson could not bind, e.g. {@code participant.name}; {@literal null} when the body
	 * itself is unreadable. A parse error (malformed or truncated JSON) carries the path where parsing stopped too,
	 * but it is the body that is wrong, not that field's type.
	 */
	private static String field(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		if (cause instanceof DatabindException jackson && !jackson.getPath().isEmpty()) {
			String path = jackson.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."));
			log.debug("Unreadable admin API body at {}", path);
			return path.replace(".[", "[");
		}
		return null;
	}

	/** What the request wanted where the wrong type came: text for a value, an object for a person or schedule. */
	private static String expected(HttpMessageNotReadableException e) {
		return e.getCause() instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
				&& !CharSequence.class.isAssignableFrom(mismatch.getTargetType()) ? "an object" : "text";
	}
}
