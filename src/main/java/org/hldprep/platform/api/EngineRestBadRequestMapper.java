package org.hldprep.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Client-caused failures on the engine REST API answer 4xx with a message, in Camunda's own error
 * shape ({@code {type, message}}, which Camunda's clients parse), where Camunda would answer 500:
 * <ul>
 *   <li>an unreachable database: 503 with Retry-After ({@link DatabaseUnavailable});</li>
 *   <li>a cycle name a running master holds: 409; the same data changed at the same moment (optimistic
 *       locking, or a PostgreSQL deadlock between two completions: {@link ConcurrentUpdate}): 409;</li>
 *   <li>a task claimed by someone else: 409;</li>
 *   <li>a task (or other object) that is gone or already completed: 404 ("Cannot find task ...");</li>
 *   <li>bad input refused by the engine or a start listener (BadUserRequestException): 400, typed
 *       {@code InvalidRequestException}, or by the name of HLD Prep's own exception where it has one
 *       ({@code IncompleteDeploymentException}).</li>
 * </ul>
 * Everything else keeps Camunda's mapping. Registered for {@code RestException} (Camunda wraps engine
 * exceptions of completions and starts in it), for {@code ProcessEngineException} (thrown as is by
 * claim, resolve and most other calls) and for any other exception (no connection at all).
 */
public final class EngineRestBadRequestMapper {

  private EngineRestBadRequestMapper() {
  }

  /** The 4xx/503 for a client-caused or transient failure, or null to keep Camunda's answer. */
  static Response clientError(Throwable exception) {
    if (DatabaseUnavailable.isCause(exception)) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(body(DatabaseUnavailable.TYPE, DatabaseUnavailable.MESSAGE)).build();
    }
    if (ConcurrentUpdate.isCause(exception)) {
      return error(409, "OptimisticLockingException", ConcurrentUpdate.MESSAGE);
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof AnsweredAsConflict taken) {
        return error(409, "Conflict", taken.getMessage());
      }
      if (cause instanceof TaskAlreadyClaimedException claimed) {
        return error(409, "TaskAlreadyClaimedException", claimed.getMessage());
      }
      if (cause instanceof NullValueException missing) {
        String message = missing.getMessage() == null ? "" : missing.getMessage();
        boolean gone = message.startsWith("Cannot find") || message.contains("does not exist")
            || message.contains("not found");
        return error(gone ? 404 : 400, gone ? "NotFoundException" : "InvalidRequestException",
            gone ? readable(message) : message);
      }
      if (cause instanceof ProcessEngineException engine && engine.getMessage() != null
          && engine.getMessage().contains("Cannot deserialize object in variable")) {
        // A typed value the client sent (only administrators may) that cannot or may not be built.
        return error(400, "InvalidRequestException", engine.getMessage());
      }
      if (cause instanceof BadUserRequestException badInput) {
        boolean gone = badInput instanceof org.camunda.bpm.engine.exception.NotFoundException;
        return error(gone ? 404 : 400, gone ? "NotFoundException" : badInputType(badInput), badInput.getMessage());
      }
    }
    return null;
  }

  /**
   * The type a client reads: an exception of HLD Prep's own that says more than "bad input" keeps its
   * name, as Camunda's own mapping would give it (Modeler and scripts tell a refused deployment,
   * {@code IncompleteDeploymentException}, from other bad input); any other is Camunda's
   * {@code InvalidRequestException}.
   */
  private static String badInputType(BadUserRequestException badInput) {
    return badInput.getClass().getPackageName().startsWith("org.hldprep.")
        ? badInput.getClass().getSimpleName()
        : "InvalidRequestException";
  }

  /** "Cannot find task with id x: task is null" reads as "Cannot find task with id x: it is gone ...". */
  private static String readable(String message) {
    int colon = message.indexOf(':');
    String head = colon < 0 ? message : message.substring(0, colon);
    return head + ": it was completed, removed (e.g. by a deadline) or never existed.";
  }

  private static Map<String, Object> body(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }

  private static Response error(int status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(type, message)).build();
  }

  /** For RestException: Camunda wraps engine exceptions of completions, form submissions and starts. */
  @Priority(1)
  public static class ForRestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      Response response = clientError(exception);
      return response != null ? response : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** For engine exceptions thrown as they are (claim, resolve, bpmnError, ...). */
  @Priority(1)
  public static class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response response = clientError(exception);
      return response != null ? response : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** Everything else (e.g. no connection for the transaction at all); otherwise Camunda's mapping. */
  @Priority(1)
  public static class ForOtherExceptions implements ExceptionMapper<Throwable> {
    private final ExceptionHandler camundaDefault = new ExceptionHandler();

    @Override
    public Response toResponse(Throwable exception) {
      Response response = clientError(exception);
      return response != null ? response : camundaDefault.toResponse(exception);
    }
  }
}
