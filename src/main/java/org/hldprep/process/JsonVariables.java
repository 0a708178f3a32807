package org.hldprep.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.hldprep.platform.input.InputParser;

/**
 * Lists and maps kept as JSON object variables (never Java serialization, which is disabled): the one
 * writer ({@link #json}) and the one reader ({@link #map}, {@link #list}, {@link #strings}) of such
 * variables, whatever shape they arrive in (a deserialized JSON object, Spin JSON from a REST client, or
 * text from a form).
 */
public final class JsonVariables {

  private JsonVariables() {
  }

  /**
   * A list or map as a JSON object variable. Stored as an ArrayList or LinkedHashMap (nested ones too),
   * whatever the caller built: the variable's type name is the value's class, and reading it back builds
   * that class, so an immutable {@code List.of}/{@code Stream.toList()} list could be written but never
   * read again (Jackson cannot build it, and only these classes are allowed to be read back).
   */
  public static Object json(Object value) {
    return Variables.objectValue(plain(value)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  private static Object plain(Object value) {
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      collection.forEach(element -> list.add(plain(element)));
      return list;
    }
    if (value instanceof Map<?, ?> given) {
      Map<Object, Object> map = new LinkedHashMap<>();
      given.forEach((key, element) -> map.put(key, plain(element)));
      return map;
    }
    return value;
  }

  /** A map variable as read back (a deserialized JSON object, or Spin JSON from a REST client); empty if unset. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> given) {
      map.putAll((Map<String, Object>) given);
    } else if (value instanceof SpinJsonNode node && node.isObject()) {
      node.fieldNames().forEach(name -> map.put(name, node.prop(name).isString()
          ? node.prop(name).stringValue()
          : node.prop(name).toString()));
    }
    return map;
  }

  /**
   * A list variable of codes or names as strings: a list, a JSON array (Spin), or codes in text ("a, b",
   * {@code ["a","b"]}, see {@link InputParser#codes}); empty if unset.
   */
  public static List<String> strings(Object value) {
    if (value instanceof Collection<?> || value instanceof SpinJsonNode node && node.isArray()) {
      return list(value).stream().map(String::valueOf).toList();
    }
    return InputParser.codes(value);
  }

  /** A list variable as read back; empty if unset. */
  public static List<Object> list(Object value) {
    List<Object> list = new ArrayList<>();
    if (value instanceof Collection<?> given) {
      list.addAll(given);
    } else if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(e -> list.add(e.isString() ? e.stringValue() : e.toString()));
    }
    return list;
  }
}
