package org.hldprep.process.counciljointstatement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.calendar.Deadlines;
import org.hldprep.platform.input.InputParser;
import org.hldprep.platform.input.PlainJson;
import org.hldprep.process.InputVariables;

/** Reading and writing the variables of this process that are not plain strings: ISO dates and JSON lists. */
final class ProcessVariables {

  private static final ObjectMapper JSON = PlainJson.MAPPER;

  private ProcessVariables() {
  }

  /** A new, empty JSON list variable value. */
  static TypedValue emptyList() {
    return SpinValues.jsonValue("[]").create();
  }

  /** Appends an entry to the JSON list variable {@code name} of the process instance. */
  static void append(DelegateExecution execution, String name, ObjectNode entry) {
    ArrayNode list = list(execution, name);
    list.add(entry);
    write(execution, name, list);
  }

  /** Replaces the JSON list variable {@code name} of the process instance. */
  static void write(DelegateExecution execution, String name, ArrayNode list) {
    try {
      execution.getProcessInstance().setVariable(name, SpinValues.jsonValue(JSON.writeValueAsString(list)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the list " + name, e);
    }
  }

  static ObjectNode entry() {
    return JSON.createObjectNode();
  }

  /** The JSON list variable {@code name} (empty if unset). */
  static ArrayNode list(DelegateExecution execution, String name) {
    TypedValue value = execution.getVariableTyped(name, false);
    String text = null;
    if (value instanceof SerializableValue serializable) {
      text = serializable.getValueSerialized();
    } else if (value != null && value.getValue() != null) {
      text = value.getValue().toString();
    }
    if (text == null || text.isBlank()) {
      return JSON.createArrayNode();
    }
    try {
      return (ArrayNode) JSON.readTree(text);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("The variable " + name + " is not a JSON list: " + text, e);
    }
  }

  /** A date variable (ISO string from a form, or a date from a REST client), or a 400 naming it. */
  static LocalDate requiredDate(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (InputParser.blank(value)) {
      throw new BadUserRequestException("The variable '" + name + "' is required here");
    }
    return InputVariables.checked(() -> InputParser.date(name, value,
        Deadlines.zone(execution.getVariable(CycleCalendar.TIME_ZONE))));
  }

  /**
   * A counter (the engine's expressions make them Long; a form that echoes a read-only field may send it
   * back as another number type or as text), 0 if unset.
   */
  static long count(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return value == null ? 0L : Math.round(Double.parseDouble(value.toString().trim()));
    } catch (NumberFormatException e) {
      throw new IllegalStateException("The counter " + name + " is not a number: '" + value + "'", e);
    }
  }
}
