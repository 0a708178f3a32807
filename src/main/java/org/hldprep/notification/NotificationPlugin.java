package org.hldprep.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds the notice listener to every user task as a post-parse listener, so that it runs after the
 * create listeners of {@link org.hldprep.process.ProcessConventionsPlugin} (pre-parse): the task has
 * its candidate groups and its full title when the notice is written. The starter registers every
 * ProcessEnginePlugin bean with the engine.
 */
@Component
public class NotificationPlugin extends AbstractProcessEnginePlugin {

  private final TaskListener notifyGroups;

  public NotificationPlugin(TaskNotices notices) {
    this.notifyGroups = new NotifyGroupsListener(notices);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, notifyGroups);
      }
    });
  }

  /** The create listener: writes the notices of a new task to the outbox. */
  static final class NotifyGroupsListener implements TaskListener {
    private final TaskNotices notices;

    NotifyGroupsListener(TaskNotices notices) {
      this.notices = notices;
    }

    @Override
    public void notify(DelegateTask task) {
      notices.taskCreated(task);
    }
  }
}
