package org.hldprep.platform.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.hldprep.platform.input.InputLimits;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /api reads JSON nested at most {@link InputLimits#MAX_JSON_NESTING} levels deep, as the engine API's
 * guard does (Jackson's own default is 1000); deeper is a 400 (ApiExceptionHandler says why).
 */
@Configuration
class JsonLimitsConfig {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonNestingLimit() {
    return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(InputLimits.MAX_JSON_NESTING).build()));
  }
}
