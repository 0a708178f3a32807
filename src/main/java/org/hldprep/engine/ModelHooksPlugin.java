package org.hldprep.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Hooks on every model the engine parses, and functions for its expression language, given as plain
 * listeners and methods: listeners every user task gets when it is created, a listener for every end event
 * that declares an extension property ({@code camunda:properties}), functions such as {@code endOfDay}.
 * A subclass says which hooks; this class knows how they get into the engine (a BPMN parse listener that
 * runs before Camunda's own, and the expression manager).
 */
public abstract class ModelHooksPlugin extends AbstractProcessEnginePlugin {

  private static final Namespace CAMUNDA = new Namespace("http://camunda.org/schema/1.0/bpmn");

  private final List<TaskListener> onUserTaskCreate = new ArrayList<>();
  private final Map<String, Function<String, ExecutionListener>> onEndEventProperty = new LinkedHashMap<>();
  private final Map<String, Method> functions = new LinkedHashMap<>();

  /** Every user task of every model calls this listener when it is created, in the order added. */
  protected void onUserTaskCreate(TaskListener listener) {
    onUserTaskCreate.add(listener);
  }

  /** Every end event that declares the extension property gets the listener made from its value, on start. */
  protected void onEndEventProperty(String property, Function<String, ExecutionListener> listenerForValue) {
    onEndEventProperty.put(property, listenerForValue);
  }

  /** A function for the engine's expressions ({@code ${name(...)}}): a public static method. */
  protected void expressionFunction(String name, Method method) {
    functions.put(name, method);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new HooksParseListener());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    functions.forEach((name, method) -> configuration.getExpressionManager().addFunction(name, method));
  }

  /** The value of an extension property of an element, or null. */
  static String extensionProperty(Element element, String name) {
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return null;
    }
    Element properties = extensions.elementNS(CAMUNDA, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(CAMUNDA, "property")) {
      if (name.equals(property.attribute("name"))) {
        return property.attribute("value");
      }
    }
    return null;
  }

  private class HooksParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
      onUserTaskCreate.forEach(
          listener -> behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener));
    }

    @Override
    public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
      onEndEventProperty.forEach((property, listenerForValue) -> {
        String value = extensionProperty(endEventElement, property);
        if (value != null) {
          activity.addListener(ExecutionListener.EVENTNAME_START, listenerForValue.apply(value));
        }
      });
    }
  }
}
