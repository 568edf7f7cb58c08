package org.fieldnotes.admin.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The store is unreachable: every admin API call answers {@code 503} problem+json ("try again"), logged at WARN by
 * the exception's class, instead of a 500 with a stack trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@RestControllerAdvice(basePackageClasses = ApiStoreErrors.class)
class ApiStoreErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiStoreErrors.class);

	@ExceptionHandler
	ProblemDetail storeUnavailable(DataAccessException e) {
		log.warn("Admin API call failed, the store is unavailable: {}", e.getClass().getSimpleName());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The store is unavailable. Try again shortly.");
		problem.setTitle("Store unavailable");
		return problem;
	}
}
