package org.hldprep.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hldprep.engine.DeployedDefinitions;

/**
 * The rules a deployment must pass before anything of it is stored: everything its models refer to
 * resolves for it, as the engine will resolve it at run time, and every user task is routed.
 * <ul>
 *   <li>a {@code camunda:formRef} with binding {@code deployment} needs the form in the deployment; with
 *       {@code latest} in the deployment or deployed; with {@code version} that version deployed (or
 *       the one this deployment creates); a {@code formKey} {@code camunda-forms:deployment:} or
 *       {@code embedded:deployment:} needs the resource in the deployment;</li>
 *   <li>a call activity's {@code calledElement} and a business rule task's {@code decisionRef}, likewise
 *       by their binding (default {@code latest}; {@code versionTag} too);</li>
 *   <li>every user task has at least one rule in the decision {@code task-routing} (the one in the
 *       deployment, else the latest deployed) whose groups are office roles or known groups; a new
 *       {@code task-routing} must still route every step that deployed models can still reach.</li>
 * </ul>
 * References given as expressions are resolved only at run time and are not checked. A resource that
 * does not parse is left to Camunda's own deployers, which refuse it with their own message.
 */
public class DeploymentValidator {

  private final RoutingCheck routing;

  /** @param knownGroups the groups of the contract, valid routing outputs even before they exist in the database */
  public DeploymentValidator(Collection<String> knownGroups) {
    this.routing = new RoutingCheck(Set.copyOf(knownGroups));
  }

  /** What is wrong with a deployment of these resources (name to content); empty if nothing. */
  public List<String> problems(Map<String, byte[]> resources, DeployedDefinitions deployed) {
    DeploymentContents contents = new DeploymentContents(resources);
    List<String> problems = new ArrayList<>();
    contents.models.forEach(
        (resource, model) -> ReferenceCheck.checkReferences(resource, model, contents, deployed, problems));
    routing.check(contents, deployed, problems);
    return problems;
  }
}
