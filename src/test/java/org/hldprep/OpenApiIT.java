package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document of {@code /api} (served at {@code /v3/api-docs}) describes every operation Spring
 * MVC maps under {@code /api}: a typed answer (a record's schema, a list of them, or a file), the errors as
 * problem+json (400, 401, 403 and 503 everywhere, 404 where the path names something, 409 for a write,
 * 413 where a body is sent), 201 with a Location for a start, and a checked body for every event.
 */
class OpenApiIT extends PostgresIntegrationTest {

  /**
   * Properties whose values are of any type by nature: the process variables a migration sets, by name.
   * Everything else an answer holds is typed.
   */
  private static final Set<String> FREE_VALUES = Set.of("InstanceReport.variables", "BatchStarted.variables");
  private static final List<String> EVENTS = List.of("ObjectionRaised", "RcpInputReceived", "OutcomeDraftCirculated",
      "OutcomeAdopted", "CalendarChanged", "HlcpOutcomeReceived", "CebDecisionReceived", "HldConcluded");

  @LocalServerPort
  int port;
  @Autowired
  ApplicationContext context;

  private JsonNode document() {
    Http.Response docs = Http.as(port, "phl-officer").get("/v3/api-docs");
    assertThat(docs.status()).as(docs.body()).isEqualTo(200);
    return docs.json();
  }

  @Test
  void everyOperationOfTheApiHasATypedAnswerAndItsErrorsAsProblemJson() {
    JsonNode document = document();
    JsonNode paths = document.get("paths");
    Set<String> mapped = mappedOperations();
    Set<String> documented = new LinkedHashSet<>();
    paths.properties().forEach(path -> path.getValue().properties()
        .forEach(op -> documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
    assertThat(documented).as("operations in the document").containsExactlyInAnyOrderElementsOf(mapped);

    List<String> wrong = new ArrayList<>();
    paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
      String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
      JsonNode operation = op.getValue();
      JsonNode responses = operation.get("responses");
      List<String> success = new ArrayList<>();
      responses.fieldNames().forEachRemaining(code -> {
        if (code.startsWith("2")) {
          success.add(code);
        }
      });
      if (success.size() != 1) {
        wrong.add(name + ": one success response expected, found " + success);
      } else {
        JsonNode content = responses.get(success.get(0)).path("content");
        if (content.isEmpty()) {
          wrong.add(name + ": its answer has no content");
        }
        content.properties().forEach(media -> {
          String problem = untyped(document, media.getValue().path("schema"), media.getKey());
          if (problem != null) {
            wrong.add(name + " answers " + media.getKey() + " " + problem);
          }
        });
      }
      Set<String> errors = new LinkedHashSet<>(List.of("400", "401", "403", "503"));
      if (path.getKey().contains("{")) {
        errors.add("404");
      }
      if (!op.getKey().equals("get")) {
        errors.add("409");
      }
      if (operation.has("requestBody")) {
        errors.add("413");
      }
      for (String status : errors) {
        JsonNode error = responses.path(status).path("content").path("application/problem+json").path("schema");
        if (!"#/components/schemas/Problem".equals(error.path("$ref").asText())) {
          wrong.add(name + ": no " + status + " as problem+json");
        }
      }
    }));
    assertThat(wrong).as("operations described incompletely").isEmpty();

    // Every schema an answer or a body refers to is a record with named fields, all of them typed.
    List<String> free = new ArrayList<>();
    document.get("components").get("schemas").properties().forEach(schema -> schema.getValue().path("properties")
        .properties().forEach(property -> {
          String name = schema.getKey() + "." + property.getKey();
          if (!FREE_VALUES.contains(name) && isFree(property.getValue())) {
            free.add(name);
          }
        }));
    assertThat(free).as("fields of any type").isEmpty();
  }

  @Test
  void aStartAnswers201WithTheCyclesAddress() {
    JsonNode start = document().get("paths").get("/api/cycles").get("post").get("responses");
    assertThat(start.has("200")).as("a start is no 200").isFalse();
    assertThat(start.get("201").get("headers").has("Location")).isTrue();
    assertThat(start.get("201").get("content").get("*/*").get("schema").get("$ref").asText())
        .isEqualTo("#/components/schemas/StartedCycle");

    QuickCycle cycle = QuickCycle.unique("HLDOPENAPI", "PHL");
    Http coordinator = Http.as(port, "hld-coordinator");
    Http.Response started = coordinator.post("/api/cycles", Map.of("cycle", cycle.name(), "memberStates",
        List.of("PHL"), "rcps", List.of(QuickCycle.RCP), "calendar", QuickCycle.futureCalendar()));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String location = started.headers().get("location").get(0);
    assertThat(location).endsWith("/api/cycles/" + cycle.name());
    Http.Response read = coordinator.get(location.substring(location.indexOf("/api/")));
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().get("cycle").asText()).isEqualTo(cycle.name());
    assertThat(read.json().get("state").asText()).isEqualTo("running");
  }

  @Test
  void everyEventHasItsOwnCheckedBody() {
    JsonNode document = document();
    JsonNode schemas = document.get("components").get("schemas");
    for (String event : EVENTS) {
      JsonNode post = document.get("paths").get("/api/cycles/{cycle}/messages/" + event).get("post");
      assertThat(post.get("requestBody").get("required").asBoolean()).as(event).isTrue();
      assertThat(post.get("requestBody").get("content").get("application/json").get("schema").get("$ref").asText())
          .as(event).isEqualTo("#/components/schemas/" + event);
      assertThat(schemas.get(event).get("properties").size()).as(event).isPositive();
    }
    assertThat(schemas.get("HldConcluded").get("required").toString()).contains("hldOutcomeSymbol");
    assertThat(schemas.get("HldConcluded").get("properties").get("hldOutcomeSymbol").get("pattern").asText())
        .contains("A-Z");
    assertThat(schemas.get("HlcpOutcomeReceived").get("properties").get("hlcpOutcome").get("pattern").asText())
        .contains("welcomed").contains("changes-requested");
    assertThat(schemas.get("RcpInputReceived").get("properties").get("rcpInputSummary").get("maxLength").asInt())
        .isEqualTo(4000);

    // and the check is made before anything is sent: a 400 naming the field
    Http.Response bad = Http.as(port, "partnerships-officer").post(
        "/api/cycles/HLDOPENAPINONE/messages/HlcpOutcomeReceived",
        Map.of("hlcpOutcome", "applauded"));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("hlcpOutcome");
    assertThat(bad.json().get("detail").asText()).contains("changes-requested, welcomed");
  }

  /** Why a success answer's schema is not typed, or null if it is. */
  private static String untyped(JsonNode document, JsonNode schema, String mediaType) {
    if (schema.has("$ref")) {
      JsonNode target = component(document, schema.get("$ref").asText());
      return target.path("properties").isEmpty() ? "a schema without fields: " + schema : null;
    }
    if ("array".equals(schema.path("type").asText())) {
      return untyped(document, schema.get("items"), mediaType);
    }
    if ("string".equals(schema.path("type").asText()) && !mediaType.contains("json")) {
      return null; // a download: CSV, a workbook, a calendar
    }
    return "an untyped schema: " + schema;
  }

  private static JsonNode component(JsonNode document, String ref) {
    return document.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** An object of any shape, or a map whose values may be anything. */
  private static boolean isFree(JsonNode property) {
    if (property.has("$ref")) {
      return false;
    }
    if ("array".equals(property.path("type").asText())) {
      return isFree(property.get("items"));
    }
    if ("object".equals(property.path("type").asText())) {
      JsonNode values = property.path("additionalProperties");
      return !property.has("properties") && (values.isMissingNode() || values.isBoolean() || isFree(values)
          || values.isEmpty());
    }
    return !property.has("type") && !property.has("$ref");
  }

  /** The operations Spring MVC maps under /api, as "METHOD /path", but for those hidden from the document. */
  private Set<String> mappedOperations() {
    Set<String> operations = new LinkedHashSet<>();
    for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
        if (entry.getValue().hasMethodAnnotation(Hidden.class)) {
          continue;
        }
        RequestMappingInfo info = entry.getKey();
        Set<String> patterns = info.getPathPatternsCondition() != null
            ? info.getPathPatternsCondition().getPatternValues()
            : info.getPatternValues();
        for (String pattern : patterns) {
          if (pattern.startsWith("/api/")) {
            info.getMethodsCondition().getMethods().forEach(m -> operations.add(m.name() + " " + pattern));
          }
        }
      }
    }
    return operations;
  }
}
