package org.hldprep.platform.config;

import java.util.Objects;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.hldprep.platform.settings.HldPrepProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code hldprep.history.time-to-live-days}, when set, replaces the models' own history time to live on
 * every version of every process and decision definition at start-up. The engine computes an
 * instance's removal time when it ends, so the setting holds for everything that ends from now on;
 * history cleanup removes it once that time has passed. Several nodes starting at once may set the
 * same value: the one that loses the race leaves it to the other.
 */
@Component
public class HistoryTimeToLive {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryTimeToLive.class);

  private final RepositoryService repositoryService;
  private final Integer days;

  public HistoryTimeToLive(RepositoryService repositoryService,
      HldPrepProperties properties) {
    this.repositoryService = repositoryService;
    this.days = properties.history().timeToLiveDays();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void apply() {
    if (days == null) {
      return;
    }
    int changed = 0;
    try {
      for (var definition : repositoryService.createProcessDefinitionQuery().list()) {
        if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
          repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
          changed++;
        }
      }
      for (var definition : repositoryService.createDecisionDefinitionQuery().list()) {
        if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
          repositoryService.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
          changed++;
        }
      }
    } catch (OptimisticLockingException e) {
      LOG.info("Another node is setting the history time to live at the same moment; leaving it to that node");
      return;
    }
    LOG.info("History time to live {} days set on {} definitions", days, changed);
  }
}
