package org.hldprep.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** The nightly history cleanup window (HH:mm, server time), set before the engine reads it. */
public class HistoryCleanupWindowPlugin extends AbstractProcessEnginePlugin {

  private final String start;
  private final String end;

  public HistoryCleanupWindowPlugin(String start, String end) {
    this.start = start;
    this.end = end;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupBatchWindowStartTime(start);
    configuration.setHistoryCleanupBatchWindowEndTime(end);
  }
}
