package org.hldprep.platform.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of /api (springdoc builds it from the controllers): title, the way in, and the
 * errors every operation may answer, as RFC 9457 problem+json: 400, 401, 403 and 503 for all, 404 where the
 * path names something, 409 for a write, 413 where a body is sent.
 */
@Configuration
public class OpenApiConfig {

  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OpenAPI hldPrepOpenApi() {
    return new OpenAPI()
        .info(new Info().title("HLD Prep API").version("1")
            .description("Cycles of HLD preparation, their external events, the progress board and the reference"
                + " data. HTTP Basic as an HLD Prep user; the Camunda engine's own REST API is at /engine-rest."
                + " Every error is application/problem+json (RFC 9457), its detail naming the field or value at"
                + " fault."))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
            .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  /** The error responses of each operation, added where the operation does not declare them itself. */
  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
          .forEach((method, operation) -> addProblems(path, method, operation)));
    };
  }

  private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put("400", "A parameter or field is wrong: the detail names it");
    errors.put("401", "No or wrong credentials");
    errors.put("403", "The caller's groups do not allow this");
    if (path.contains("{")) {
      errors.put("404", "Nothing of that name (or nothing the caller may see)");
    }
    if (method != PathItem.HttpMethod.GET) {
      errors.put("409", "The workflow is not in a state to take this now, or changed at the same moment: the"
          + " detail says which; send again where it says so");
    }
    if (operation.getRequestBody() != null) {
      errors.put("413", "The body is larger than the limit");
    }
    errors.put("503", "The database cannot be reached: try again after Retry-After seconds");
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    errors.forEach((status, description) -> operation.getResponses().putIfAbsent(status, new ApiResponse()
        .description(description).content(new Content().addMediaType(PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema().description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().description("What is wrong, naming the field or value"))
        .addProperty("instance", new StringSchema().description("The path called"))
        .addProperty("field", new StringSchema().description("The field at fault, where there is one"))
        .addProperty("value", new StringSchema().description("The value refused, shortened"));
  }
}
