package org.hldprep.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.junit.jupiter.api.Test;

/**
 * A list or map stored as a JSON variable can be read back: the engine names the variable's type after
 * the value's class and builds that class when it reads it (as {@code runtimeService.getVariables} does
 * in a later transaction), so immutable lists and maps must not reach the database as such.
 */
class JsonVariablesTest {

  private final JacksonJsonDataFormat json = new JacksonJsonDataFormat("application/json");

  private Object roundTrip(Object value) {
    String typeName = json.getCanonicalTypeName(value);
    Object stored = json.getMapper().mapJavaToInternal(value);
    return json.getMapper().mapInternalToJava(stored, typeName);
  }

  @Test
  void anImmutableListIsStoredAsAnArrayListAndReadsBack() {
    ObjectValue value = (ObjectValue) JsonVariables.json(Stream.of("colombo-process", "puebla-process", "bali-process")
        .toList());
    assertThat(value.getValue()).isExactlyInstanceOf(ArrayList.class);
    assertThat(roundTrip(value.getValue())).isEqualTo(List.of("colombo-process", "puebla-process", "bali-process"));
  }

  @Test
  void nestedImmutableMapsAreStoredAsLinkedHashMapsInOrder() {
    ObjectValue value = (ObjectValue) JsonVariables.json(List.of(Map.of("work", "PHL"), Map.of("work", "THA")));
    List<?> list = (List<?>) value.getValue();
    assertThat(list.get(0)).isExactlyInstanceOf(LinkedHashMap.class);
    assertThat(roundTrip(list)).isEqualTo(List.of(Map.of("work", "PHL"), Map.of("work", "THA")));
  }

  @Test
  void aListOfCodesReadsTheSameFromAJavaListASpinArrayOrText() {
    List<String> codes = List.of("ro-bangkok", "ro-dakar");
    assertThat(JsonVariables.strings(new ArrayList<>(codes))).isEqualTo(codes);
    assertThat(JsonVariables.strings(org.camunda.spin.Spin.JSON("[\"ro-bangkok\", \"ro-dakar\"]"))).isEqualTo(codes);
    assertThat(JsonVariables.strings("ro-bangkok, ro-dakar")).isEqualTo(codes);
    assertThat(JsonVariables.strings("[\"ro-bangkok\",\"ro-dakar\"]")).isEqualTo(codes);
    assertThat(JsonVariables.strings(null)).isEmpty();
  }
}
