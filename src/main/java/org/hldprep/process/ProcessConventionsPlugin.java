package org.hldprep.process;

import java.util.ArrayList;
import java.util.List;
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
import org.hldprep.calendar.Deadlines;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.TaskRouter;

/**
 * Applies the two conventions every HLD Prep model relies on, at parse time, so that no model can
 * forget them:
 * <ul>
 *   <li>every user task is routed by {@link TaskRouter} when it is created, and its title names the
 *       country, RCP or Regional Office it is about ({@link TaskTitleListener});</li>
 *   <li>every end event of a process (not of a sub-process) that declares the extension property
 *       {@code outcome} records it through {@link RecordOutcomeListener};</li>
 *   <li>timers and due dates read calendar dates through the expression functions {@code endOfDay} and
 *       {@code startOfDay} ({@link Deadlines}), in the cycle's time zone.</li>
 * </ul>
 */
public class ProcessConventionsPlugin extends AbstractProcessEnginePlugin {

  private static final Namespace CAMUNDA = new Namespace("http://camunda.org/schema/1.0/bpmn");

  private final TaskRouter router;
  private final TaskTitleListener title;

  public ProcessConventionsPlugin() {
    this(ReferenceData.get());
  }

  public ProcessConventionsPlugin(ReferenceData referenceData) {
    this.router = new TaskRouter(referenceData);
    this.title = new TaskTitleListener(referenceData);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new ConventionsParseListener());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      configuration.getExpressionManager().addFunction("endOfDay",
          Deadlines.class.getMethod("endOfDay", Object.class, Object.class));
      configuration.getExpressionManager().addFunction("startOfDay",
          Deadlines.class.getMethod("startOfDay", Object.class, Object.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of the extension property {@code outcome} of an element, or null. */
  static String outcomeProperty(Element element) {
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return null;
    }
    Element properties = extensions.elementNS(CAMUNDA, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(CAMUNDA, "property")) {
      if (RecordOutcomeListener.OUTCOME.equals(property.attribute("name"))) {
        return property.attribute("value");
      }
    }
    return null;
  }

  private class ConventionsParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
      behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, router);
      behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, title);
    }

    @Override
    public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
      String outcome = outcomeProperty(endEventElement);
      if (outcome != null) {
        activity.addListener(ExecutionListener.EVENTNAME_START, new RecordOutcomeListener(outcome));
      }
    }
  }
}
