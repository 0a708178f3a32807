package org.hldprep.routing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The golden table of routing (src/test/resources/routing/candidate-groups.csv): for each user task of
 * each model and each subject (the process variables routing reads: a country, an RCP, a UN Regional
 * Commission, a Regional Office), the exact set of candidate groups. Written by hand from the contract
 * (domain.md Part A), not generated: a change of routing must change this file too.
 */
final class GoldenRouting {

  static final Path TABLE = Path.of("src/test/resources/routing/candidate-groups.csv");

  /**
   * One row of the table.
   *
   * @param subject process variables, e.g. {countryCode=PHL}; empty for a cycle-wide step
   */
  record Row(String process, String task, Map<String, String> subject, Set<String> groups, long line) {
    @Override
    public String toString() {
      return process + " " + task + (subject.isEmpty() ? "" : " " + subject);
    }
  }

  /** A user task of a model in processes/. */
  record ModelTask(String process, String task, Path model) {
  }

  private GoldenRouting() {
  }

  static List<Row> rows() {
    try (Reader in = Files.newBufferedReader(TABLE, StandardCharsets.UTF_8)) {
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(in)) {
        rows.add(new Row(record.get("process"), record.get("task"), subject(record.get("subject")),
            new TreeSet<>(Arrays.asList(record.get("candidate groups").trim().split("\\s+"))),
            record.getRecordNumber()));
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + TABLE, e);
    }
  }

  private static Map<String, String> subject(String text) {
    Map<String, String> subject = new LinkedHashMap<>();
    if (!text.isBlank() && !text.equals("-")) {
      for (String pair : text.trim().split("\\s+")) {
        String[] nameAndValue = pair.split("=", 2);
        subject.put(nameAndValue[0], nameAndValue[1]);
      }
    }
    return subject;
  }

  /** Every user task of every model in processes/, with its process key. */
  static List<ModelTask> modelTasks() {
    List<ModelTask> tasks = new ArrayList<>();
    for (Path model : models()) {
      BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
      for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
        tasks.add(new ModelTask(processOf(task).getId(), task.getId(), model));
      }
    }
    return tasks;
  }

  static List<Path> models() {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Process processOf(UserTask task) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance element = task;
    while (!(element instanceof Process)) {
      element = element.getParentElement();
    }
    return (Process) element;
  }

  static String describe(Set<String> groups) {
    return groups.stream().sorted().collect(Collectors.joining(" "));
  }
}
