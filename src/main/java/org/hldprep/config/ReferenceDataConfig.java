package org.hldprep.config;

import org.hldprep.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ReferenceDataConfig {

  @Bean
  ReferenceData referenceData() {
    return ReferenceData.get();
  }
}
