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

  /** Client-caused failures are 4xx on the engine REST API too (gone task 404, conflicts 409, bad input 400). */
  @Bean
  ResourceConfigCustomizer engineRestBadRequestMapping() {
    return config -> config.register(EngineRestBadRequestMapper.ForRestExceptions.class)
        .register(EngineRestBadRequestMapper.ForEngineExceptions.class)
        .register(EngineRestBadRequestMapper.ForOtherExceptions.class);
  }
}
