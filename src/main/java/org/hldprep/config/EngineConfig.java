package org.hldprep.config;

import org.hldprep.web.EngineRestBadRequestMapper;
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

  /** Bad input refused by a start listener is a 400 on the engine REST API too, not a 500. */
  @Bean
  ResourceConfigCustomizer engineRestBadRequestMapping() {
    return config -> config.register(EngineRestBadRequestMapper.class)
        .register(EngineRestBadRequestMapper.EngineExceptions.class)
        .register(EngineRestBadRequestMapper.OtherExceptions.class);
  }
}
