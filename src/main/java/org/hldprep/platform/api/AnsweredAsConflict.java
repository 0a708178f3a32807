package org.hldprep.platform.api;

/**
 * Marks a failure that the request's own state causes (a name already taken, a task already claimed by
 * someone else): both REST layers answer it with 409 and its message, whichever feature throws it.
 */
public interface AnsweredAsConflict {

  String getMessage();
}
