package org.hldprep.config;

import org.hldprep.engine.TaskQueryAuthorizationPlugin;
import org.hldprep.web.EngineRestBadRequestMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.hldprep.process.ProcessConventionsPlugin;
import org.hldprep.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine plugins: the starter registers every ProcessEnginePlugin bean with the engine. */
@Configuration
public class EngineConfig {

  @Bean
  ProcessConventionsPlugin processConventionsPlugin(ReferenceData referenceData) {
    return new ProcessConventionsPlugin(referenceData);
  }

  /**
   * Task lists under authorizations as a semi-join (see the plugin); on by default, switchable for a
   * side-by-side measurement ({@code hldprep.engine.task-query-semi-join=false}).
   */
  @Bean
  @ConditionalOnProperty(name = "hldprep.engine.task-query-semi-join", havingValue = "true", matchIfMissing = true)
  TaskQueryAuthorizationPlugin taskQueryAuthorizationPlugin() {
    return new TaskQueryAuthorizationPlugin();
  }

  /** Bad input refused by a start listener is a 400 on the engine REST API too, not a 500. */
  @Bean
  ResourceConfigCustomizer engineRestBadRequestMapping() {
    return config -> config.register(EngineRestBadRequestMapper.class);
  }
}
