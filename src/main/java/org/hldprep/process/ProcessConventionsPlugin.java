package org.hldprep.process;

import java.lang.reflect.Method;
import org.hldprep.calendar.Deadlines;
import org.hldprep.engine.ModelHooksPlugin;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.TaskRouter;

/**
 * Applies the conventions every HLD Prep model relies on, at parse time, so that no model can forget
 * them:
 * <ul>
 *   <li>every user task is routed by {@link TaskRouter} when it is created, and its title names the
 *       country, RCP or Regional Office it is about ({@link TaskTitleListener});</li>
 *   <li>every end event of a process (not of a sub-process) that declares the extension property
 *       {@code outcome} records it through {@link RecordOutcomeListener};</li>
 *   <li>timers and due dates read calendar dates through the expression functions {@code endOfDay} and
 *       {@code startOfDay} ({@link Deadlines}), in the cycle's time zone.</li>
 * </ul>
 */
public class ProcessConventionsPlugin extends ModelHooksPlugin {

  public ProcessConventionsPlugin() {
    this(ReferenceData.get());
  }

  public ProcessConventionsPlugin(ReferenceData referenceData) {
    onUserTaskCreate(new TaskRouter(referenceData));
    onUserTaskCreate(new TaskTitleListener(referenceData));
    onEndEventProperty(RecordOutcomeListener.OUTCOME, RecordOutcomeListener::new);
    expressionFunction("endOfDay", deadlines("endOfDay"));
    expressionFunction("startOfDay", deadlines("startOfDay"));
  }

  private static Method deadlines(String function) {
    try {
      return Deadlines.class.getMethod(function, Object.class, Object.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }
}
