package org.hldprep.deployment;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment refers to forms, decisions or processes that would not resolve for it, or breaks a
 * convention HLD Prep relies on at run time. A BadUserRequestException, so that Camunda's REST layers
 * (/engine-rest and the webapps' engine API alike) answer 400 with the message, and the deployment's
 * transaction rolls back: nothing is stored.
 */
public class IncompleteDeploymentException extends BadUserRequestException {

  private final List<String> problems;

  public IncompleteDeploymentException(String deploymentName, List<String> problems) {
    super(message(deploymentName, problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String message(String deploymentName, List<String> problems) {
    StringBuilder message = new StringBuilder("The deployment")
        .append(deploymentName == null || deploymentName.isBlank() ? "" : " '" + deploymentName + "'")
        .append(" was refused, nothing was stored: ");
    for (int i = 0; i < problems.size(); i++) {
      message.append(i == 0 ? "" : "; ").append('(').append(i + 1).append(") ").append(problems.get(i));
    }
    return message.append('.').toString();
  }
}
