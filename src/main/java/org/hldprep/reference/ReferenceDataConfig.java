package org.hldprep.reference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ReferenceDataConfig {

  @Bean
  ReferenceData referenceData() {
    return ReferenceData.get();
  }
}
