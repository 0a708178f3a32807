package org.hldprep.deployment;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.hldprep.engine.DeployedDefinitions;
import org.hldprep.engine.DeployedDefinitions.Kind;

/**
 * The references of a deployment's models resolve as the engine will resolve them at run time: forms
 * ({@code camunda:formRef} by binding, or a {@code formKey} of the deployment), called processes and
 * decisions, each by its binding (default {@code latest}; {@code version}, {@code versionTag},
 * {@code deployment}). References given as expressions are resolved only at run time and not checked.
 */
final class ReferenceCheck {

  static final String BINDING_DEPLOYMENT = "deployment";
  static final String BINDING_LATEST = "latest";
  static final String BINDING_VERSION = "version";
  static final String BINDING_VERSION_TAG = "versionTag";

  private ReferenceCheck() {
  }

  static void checkReferences(String resource, BpmnModelInstance model, DeploymentContents contents,
      DeployedDefinitions deployed, List<String> problems) {
    for (UserTask task : DeploymentContents.executable(model, UserTask.class)) {
      checkForm(resource, task, contents, deployed, problems);
    }
    for (StartEvent start : DeploymentContents.executable(model, StartEvent.class)) {
      checkForm(resource, start, contents, deployed, problems);
    }
    for (CallActivity call : DeploymentContents.executable(model, CallActivity.class)) {
      if (call.getCamundaCaseRef() == null && call.getCalledElement() != null) {
        checkReference(where(resource, call), Kind.PROCESS, call.getCalledElement(),
            call.getCamundaCalledElementBinding(), call.getCamundaCalledElementVersion(),
            call.getCamundaCalledElementVersionTag(), contents.processes, deployed, problems);
      }
    }
    for (BusinessRuleTask task : DeploymentContents.executable(model, BusinessRuleTask.class)) {
      if (task.getCamundaDecisionRef() != null) {
        checkReference(where(resource, task), Kind.DECISION, task.getCamundaDecisionRef(),
            task.getCamundaDecisionRefBinding(), task.getCamundaDecisionRefVersion(),
            task.getCamundaDecisionRefVersionTag(), contents.decisions, deployed, problems);
      }
    }
  }

  private static void checkForm(String resource, BaseElement element, DeploymentContents contents,
      DeployedDefinitions deployed,
      List<String> problems) {
    String formRef = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
    if (formRef != null) {
      String binding = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRefBinding");
      if (binding == null) {
        return; // a parse error of Camunda's own ("Unsupported binding type")
      }
      checkReference(where(resource, element), Kind.FORM, formRef, binding,
          element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRefVersion"), null,
          contents.forms, deployed, problems);
      return;
    }
    String formKey = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formKey");
    for (String prefix : List.of("camunda-forms:deployment:", "embedded:deployment:")) {
      if (formKey != null && formKey.startsWith(prefix) && !isExpression(formKey)) {
        String file = formKey.substring(prefix.length());
        if (!contents.resourceNames.contains(file)) {
          problems.add(where(resource, element) + " uses the form file '" + file
              + "' of its own deployment, but this deployment does not contain it");
        }
      }
    }
  }

  /**
   * One reference by key and binding, resolved against the deployment (key to the version tags of
   * its definitions of that key) and what is deployed.
   */
  static void checkReference(String where, Kind kind, String key, String binding, String version,
      String versionTag, Map<String, List<String>> inDeployment, DeployedDefinitions deployed, List<String> problems) {
    if (isExpression(key)) {
      return;
    }
    String effective = binding == null ? BINDING_LATEST : binding;
    String what = kind.noun() + " '" + key + "'";
    switch (effective) {
      case BINDING_DEPLOYMENT -> {
        if (!inDeployment.containsKey(key)) {
          problems.add(where + " uses the " + what + " with binding 'deployment', but this deployment does not"
              + " contain it: add it to the deployment, or bind it to the latest version");
        }
      }
      case BINDING_LATEST -> {
        if (!inDeployment.containsKey(key) && deployed.latestVersion(kind, key) == null) {
          problems.add(where + " uses the " + what + ", which is neither in this deployment nor deployed");
        }
      }
      case BINDING_VERSION -> {
        if (version == null || isExpression(version)) {
          return;
        }
        int wanted;
        try {
          wanted = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
          return; // Camunda refuses it at parse time or at run time with its own message
        }
        Integer latest = deployed.latestVersion(kind, key);
        boolean createdNow = inDeployment.containsKey(key) && wanted == (latest == null ? 0 : latest) + 1;
        if (!createdNow && !deployed.hasVersion(kind, key, wanted)) {
          problems.add(where + " uses version " + wanted + " of the " + what + ", which is not deployed");
        }
      }
      case BINDING_VERSION_TAG -> {
        if (versionTag == null || isExpression(versionTag)) {
          return;
        }
        boolean inThisDeployment = inDeployment.getOrDefault(key, List.of()).contains(versionTag);
        if (!inThisDeployment && !deployed.hasVersionTag(kind, key, versionTag)) {
          problems.add(where + " uses the " + what + " with version tag '" + versionTag
              + "', which is neither in this deployment nor deployed");
        }
      }
      default -> {
        // an unknown binding is a parse error of Camunda's own
      }
    }
  }

  static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  static String where(String resource, BaseElement element) {
    return element.getId() + " (" + resource + ")";
  }
}
