package org.hldprep.process.hldpreparation;

import org.camunda.bpm.engine.BadUserRequestException;
import org.hldprep.platform.api.AnsweredAsConflict;

/**
 * A start of a cycle whose name a running master holds: 409 on {@code /api} and {@code /engine-rest}
 * (a bad request, 400, where no mapping of ours applies, e.g. the Tasklist's start form). The start
 * is rolled back whole.
 */
public class CycleNameTakenException extends BadUserRequestException implements AnsweredAsConflict {

  public CycleNameTakenException(String name) {
    super("A cycle " + name + " is already running");
  }
}
