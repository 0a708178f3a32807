package org.hldprep.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.hldprep.process.hldpreparation.CycleNameTakenException;

/**
 * The engine REST API wraps every engine exception of a process start into a 500. When the cause is
 * bad input (a start listener refused the start with a BadUserRequestException, e.g. an unknown
 * country code), the client gets a 400 with that message instead; everything else keeps Camunda's
 * own mapping. A cycle name that a running master holds is a 409; a concurrent update (also a claim
 * or completion that lost the race for the same task, which the engine throws unwrapped, or a
 * transaction PostgreSQL ended as a deadlock: {@link ConcurrentUpdate}) a 409; an unreachable
 * database a 503 ({@link EngineExceptions}, {@link OtherExceptions}).
 */
@Priority(1)
public class EngineRestBadRequestMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    Optional<Response> mapped = mapped(exception);
    if (mapped.isPresent()) {
      return mapped.get();
    }
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException badInput) {
        return json(Response.Status.BAD_REQUEST, "InvalidRequestException", badInput.getMessage());
      }
    }
    return camundaDefault.toResponse(exception);
  }

  /** 503 for an unreachable database, 409 for a taken cycle name or a concurrent update, wherever in the causes. */
  static Optional<Response> mapped(Throwable exception) {
    if (DatabaseUnavailable.isCause(exception)) {
      return Optional.of(Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", DatabaseUnavailable.TYPE, "message", DatabaseUnavailable.MESSAGE)).build());
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof CycleNameTakenException taken) {
        return Optional.of(json(Response.Status.CONFLICT, "Conflict", taken.getMessage()));
      }
    }
    if (ConcurrentUpdate.isCause(exception)) {
      return Optional.of(json(Response.Status.CONFLICT, "OptimisticLockingException", ConcurrentUpdate.MESSAGE));
    }
    return Optional.empty();
  }

  private static Response json(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }

  /** Engine exceptions the REST API does not wrap (e.g. from a task claim); otherwise Camunda's mapping. */
  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return mapped(exception).orElseGet(() -> camundaDefault.toResponse(exception));
    }
  }

  /** Everything else (e.g. no connection for the transaction at all); otherwise Camunda's mapping. */
  @Priority(1)
  public static class OtherExceptions implements ExceptionMapper<Throwable> {

    private final ExceptionHandler camundaDefault = new ExceptionHandler();

    @Override
    public Response toResponse(Throwable exception) {
      return mapped(exception).orElseGet(() -> camundaDefault.toResponse(exception));
    }
  }
}
