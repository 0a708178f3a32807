package org.hldprep.web;

import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.hldprep.reference.UnknownReferenceCodeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input on {@code /api} gets a 4xx that says what is wrong, never a 500 with a stack trace. */
@RestControllerAdvice(basePackages = "org.hldprep")
public class ApiExceptionHandler {

  @ExceptionHandler(UnknownReferenceCodeException.class)
  ResponseEntity<ApiError> unknownCode(UnknownReferenceCodeException e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequest", e.getMessage());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ApiError> invalid(InvalidRequestException e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequest", e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
    String message = e.getBindingResult().getFieldErrors().stream()
        .map(f -> f.getField() + ": " + f.getDefaultMessage()).collect(Collectors.joining("; "));
    return error(HttpStatus.BAD_REQUEST, "InvalidRequest", message);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> invalidParameter(ConstraintViolationException e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequest", e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequest", e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequest", "The request body is not valid JSON of the expected shape.");
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return error(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ApiError> conflict(ConflictException e) {
    return error(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ApiError> notAllowed(ForbiddenException e) {
    return error(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(org.camunda.bpm.engine.BadUserRequestException.class)
  ResponseEntity<ApiError> refusedByEngine(org.camunda.bpm.engine.BadUserRequestException e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequest", e.getMessage());
  }

  /** Two writers on one instance at once: the loser may simply send again. */
  @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
  ResponseEntity<ApiError> concurrentUpdate(org.camunda.bpm.engine.OptimisticLockingException e) {
    return error(HttpStatus.CONFLICT, "Conflict", "The workflow changed at the same moment: please send again.");
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, "NotFound", e.getMessage());
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).body(new ApiError(type, message));
  }
}
