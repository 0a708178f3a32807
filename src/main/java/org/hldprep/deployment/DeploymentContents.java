package org.hldprep.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.hldprep.platform.input.PlainJson;
import org.hldprep.routing.TaskRouter;

/** A deployment's resources, parsed where {@link DeploymentValidator} needs them. */
final class DeploymentContents {

  private static final ObjectMapper JSON = PlainJson.MAPPER;

  final Set<String> resourceNames;
  final Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
  /** Key to the version tags (null entries for none) of the definitions of that key in the deployment. */
  final Map<String, List<String>> processes = new LinkedHashMap<>();
  final Map<String, List<String>> decisions = new LinkedHashMap<>();
  final Map<String, List<String>> forms = new LinkedHashMap<>();
  byte[] routingDecision;

  DeploymentContents(Map<String, byte[]> resources) {
    resourceNames = new LinkedHashSet<>(resources.keySet());
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        readBpmn(name, bytes);
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        readDmn(bytes);
      } else if (name.endsWith(".form")) {
        readForm(bytes);
      }
    });
  }

  private void readBpmn(String name, byte[] bytes) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      return;
    }
    models.put(name, model);
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        processes.computeIfAbsent(process.getId(), k -> new ArrayList<>()).add(process.getCamundaVersionTag());
      }
    }
  }

  private void readDmn(byte[] bytes) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      decisions.computeIfAbsent(decision.getId(), k -> new ArrayList<>()).add(decision.getVersionTag());
      if (TaskRouter.DECISION_KEY.equals(decision.getId())) {
        routingDecision = bytes;
      }
    }
  }

  private void readForm(byte[] bytes) {
    try {
      JsonNode id = JSON.readTree(bytes).get("id");
      if (id != null && id.isTextual()) {
        forms.computeIfAbsent(id.asText(), k -> new ArrayList<>()).add(null);
      }
    } catch (IOException e) {
      // Camunda's form deployer refuses it with its own message
    }
  }

  /** The elements of a type inside executable processes (at any depth). */
  static <T extends ModelElementInstance> List<T> executable(BpmnModelInstance model, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (T element : model.getModelElementsByType(type)) {
      ModelElementInstance parent = element.getParentElement();
      while (parent != null && !(parent instanceof Process)) {
        parent = parent.getParentElement();
      }
      if (parent != null && ((Process) parent).isExecutable()) {
        found.add(element);
      }
    }
    return found;
  }
}
