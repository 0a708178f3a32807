package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keyed fields of a Camunda Form, read from its JSON schema. */
final class FormFields {

  private FormFields() {
  }

  /** A field of the form, with whether it sits in a conditionally shown container. */
  record Field(JsonNode component, boolean conditional) {
    boolean readonly() {
      return component.path("readonly").asBoolean(false);
    }

    boolean required() {
      return component.path("validate").path("required").asBoolean(false);
    }

    String type() {
      return component.path("type").asText();
    }
  }

  /** Every keyed field of the form, nested containers (groups, any component with components) included. */
  static Map<String, Field> of(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), false, "", fields);
    return fields;
  }

  private static void collect(JsonNode components, boolean conditional, String prefix, Map<String, Field> fields) {
    for (JsonNode component : components) {
      boolean hidden = conditional || component.has("conditional");
      if (component.hasNonNull("key")) {
        fields.put(prefix + component.get("key").asText(), new Field(component, hidden));
      }
      if (component.path("components").isArray()) {
        // A container with a path nests its fields' data under that path: such names are never a plain
        // variable here, so they are refused as unknown (fail closed).
        String path = component.path("path").asText("");
        collect(component.get("components"), hidden, path.isEmpty() ? prefix : prefix + path + ".", fields);
      }
    }
  }

  /** The keys of the read-only fields: shown, never written. */
  static List<String> readOnly(JsonNode form) {
    return of(form).entrySet().stream().filter(e -> e.getValue().readonly()).map(Map.Entry::getKey).toList();
  }
}
