package org.hldprep.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.hldprep.platform.input.InputLimits;
import org.hldprep.reference.UnknownReferenceCodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error under {@code /api} is RFC 9457 {@code application/problem+json} (Spring's
 * {@link ProblemDetail}): a 4xx that says what is wrong, naming the field and the bad value where there
 * is one, never a 500 with a stack trace. Spring MVC's own exceptions (unknown path, wrong method or
 * media type, missing parameter) come from {@link ResponseEntityExceptionHandler} in the same shape.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler({UnknownReferenceCodeException.class, InvalidRequestException.class, BadUserRequestException.class})
  ProblemDetail invalid(RuntimeException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail invalidParameter(ConstraintViolationException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail wrongParameterType(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' has the wrong type: "
        + shorten(String.valueOf(e.getValue())));
    problem.setProperty("field", e.getName());
    return problem;
  }

  @ExceptionHandler({AuthorizationException.class, ForbiddenException.class})
  ProblemDetail forbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage());
  }

  /** Two writers on one instance at once: the loser may simply send again. */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentUpdate(OptimisticLockingException e) {
    return problem(HttpStatus.CONFLICT, "The workflow changed at the same moment: please send again.");
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /**
   * The last resort keeps the shape; the cause goes to the log, not to the client. A database that
   * cannot be reached, or two transactions that met, are no error of ours: 503 with Retry-After and 409,
   * as {@link DatabaseFailureFilter} answers them outside Spring MVC (this handler sees them first).
   */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    if (DatabaseUnavailable.isCause(e)) {
      LOG.warn("Database unavailable: answered 503 ({})", e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE));
    }
    if (ConcurrentUpdate.isCause(e)) {
      LOG.info("Concurrent update: answered 409 ({})", e.toString());
      return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, ConcurrentUpdate.MESSAGE));
    }
    LOG.error("Unexpected error under /api", e);
    return ResponseEntity.internalServerError()
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; the error is logged."));
  }

  /** A field that breaks a constraint of the request: names the field and the bad value. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      org.springframework.web.bind.MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getBindingResult().getFieldErrors().stream()
        .map(f -> "'" + f.getField() + "' " + f.getDefaultMessage() + " (was "
            + shorten(String.valueOf(f.getRejectedValue())) + ")")
        .collect(Collectors.joining("; ")));
    e.getBindingResult().getFieldErrors().stream().findFirst().ifPresent(f -> {
      problem.setProperty("field", f.getField());
      problem.setProperty("value", shorten(String.valueOf(f.getRejectedValue())));
    });
    return ResponseEntity.badRequest().body(problem);
  }

  /** Malformed JSON or a value of the wrong type: names the field and the bad value. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      problem.setProperty("field", field);
      if (cause instanceof UnrecognizedPropertyException unknown) {
        // named by the request's type: an event's record is named as the event (RcpInputReceived)
        problem.setDetail("'" + field + "' is not a field of " + (unknown.getReferringClass() == null
            ? "this request."
            : unknown.getReferringClass().getSimpleName() + ": expected " + unknown.getKnownPropertyIds().stream()
                .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + "."));
      } else if (cause instanceof InvalidFormatException invalid) {
        problem.setProperty("value", shorten(String.valueOf(invalid.getValue())));
        problem.setDetail("'" + field + "' has a bad value: " + shorten(String.valueOf(invalid.getValue()))
            + " (expected " + invalid.getTargetType().getSimpleName() + ").");
      } else if (cause instanceof MismatchedInputException mismatched) {
        problem.setDetail("'" + field + "' has the wrong type (expected "
            + (mismatched.getTargetType() == null ? "another type" : readable(mismatched.getTargetType())) + ").");
      } else {
        problem.setDetail("'" + field + "' cannot be read.");
      }
    } else if (cause instanceof StreamConstraintsException) {
      problem.setDetail("The request body is nested deeper than " + InputLimits.MAX_JSON_NESTING
          + " levels of arrays and objects.");
    } else if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
      problem.setDetail("The request body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
          + json.getLocation().getColumnNr() + ").");
    } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      problem.setDetail("The request body is missing.");
    }
    return ResponseEntity.badRequest().body(problem);
  }

  private static String readable(Class<?> type) {
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return type == String.class ? "text" : type.getSimpleName();
  }

  static ProblemDetail problem(HttpStatus status, String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail == null ? status.getReasonPhrase() : detail);
  }

  static String shorten(String text) {
    return text.length() > 100 ? text.substring(0, 100) + "..." : text;
  }
}
