package org.hldprep.deployment;

import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the deployment check with the engine (the starter picks up every ProcessEnginePlugin bean). */
@Configuration
public class DeploymentConfig {

  @Bean
  DeploymentCompletenessPlugin deploymentCompletenessPlugin(ReferenceData referenceData) {
    return new DeploymentCompletenessPlugin(
        new DeploymentValidator(GroupIds.contractGroups(referenceData).keySet()));
  }
}
