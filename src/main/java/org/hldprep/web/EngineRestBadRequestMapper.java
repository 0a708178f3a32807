package org.hldprep.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine REST API wraps every engine exception of a process start into a 500. When the cause is
 * bad input (a start listener refused the start with a BadUserRequestException, e.g. an unknown
 * country code), the client gets a 400 with that message instead; everything else keeps Camunda's
 * own mapping.
 */
@Priority(1)
public class EngineRestBadRequestMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof org.camunda.bpm.engine.OptimisticLockingException) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "OptimisticLockingException",
                "message", "The workflow changed at the same moment: please send again.")).build();
      }
      if (cause instanceof BadUserRequestException badInput) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidRequestException", "message", badInput.getMessage())).build();
      }
    }
    return camundaDefault.toResponse(exception);
  }
}
