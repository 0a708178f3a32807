package org.hldprep.platform.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of /api (springdoc builds it from the controllers): title and the way in. */
@Configuration
public class OpenApiConfig {

  @Bean
  OpenAPI hldPrepOpenApi() {
    return new OpenAPI()
        .info(new Info().title("HLD Prep API").version("1")
            .description("Cycles of HLD preparation, their external events, the progress board and the reference"
                + " data. HTTP Basic as an HLD Prep user; the Camunda engine's own REST API is at /engine-rest."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
