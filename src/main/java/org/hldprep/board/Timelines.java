package org.hldprep.board;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.hldprep.board.CycleReader.History;
import org.hldprep.board.CycleReader.Item;
import org.hldprep.board.CycleReader.OpenTask;
import org.hldprep.board.ProgressViews.Document;
import org.hldprep.board.ProgressViews.Timeline;
import org.hldprep.board.ProgressViews.TimelineEntry;
import org.hldprep.board.ProgressViews.TimelineItem;

/**
 * Who did what when in a few instances of a cycle: every activity from its start to its end, who
 * completed (or holds) each task, and the documents each step linked.
 */
final class Timelines {

  private static final Set<String> NOT_IN_TIMELINE = Set.of("multiInstanceBody", "exclusiveGateway",
      "parallelGateway", "inclusiveGateway", "eventBasedGateway");

  private final CycleReader reader;

  Timelines(CycleReader reader) {
    this.reader = reader;
  }

  /** Who did a task: who completed it, who claimed it while it is open. */
  private record Doers(Map<String, String> completedBy, Map<String, String> claimedBy,
      Map<String, String> taskOfOperation) {

    static Doers of(List<UserOperationLogEntry> operations) {
      Doers doers = new Doers(new HashMap<>(), new HashMap<>(), new HashMap<>());
      for (UserOperationLogEntry entry : operations) {
        if (entry.getTaskId() == null) {
          continue;
        }
        doers.taskOfOperation.putIfAbsent(entry.getOperationId(), entry.getTaskId());
        if (entry.getUserId() == null) {
          continue;
        }
        if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())) {
          doers.completedBy.put(entry.getTaskId(), entry.getUserId());
        } else if (UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(entry.getOperationType())) {
          doers.claimedBy.put(entry.getTaskId(), entry.getUserId());
        }
      }
      return doers;
    }

    String by(HistoricActivityInstance activity, OpenTask open) {
      String taskId = activity.getTaskId();
      if (taskId == null) {
        return null;
      }
      String by = completedBy.get(taskId);
      if (by != null) {
        return by;
      }
      if (activity.getEndTime() != null) {
        return activity.getAssignee();
      }
      return open != null && open.assignee() != null ? open.assignee() : claimedBy.get(taskId);
    }
  }

  Timeline timeline(String cycle, String subject, List<Item> items, ZoneId zone) {
    History history = reader.history(items);
    Map<String, Item> itemsById = CycleReader.index(items, Item::processInstanceId);
    Doers doers = Doers.of(history.operations());
    Map<String, HistoricActivityInstance> activityOfTask = new HashMap<>();
    Map<String, HistoricActivityInstance> activityById = new HashMap<>();
    for (HistoricActivityInstance activity : history.activities()) {
      activityById.put(activity.getId(), activity);
      if (activity.getTaskId() != null) {
        activityOfTask.put(activity.getTaskId(), activity);
      }
    }
    // Documents to the step that linked them: the task whose completion set them, else their activity.
    Map<String, Set<Document>> documents = new HashMap<>();
    List<TimelineEntry> entries = new ArrayList<>();
    for (HistoricDetail detail : history.documents()) {
      if (!(detail instanceof HistoricVariableUpdate update) || update.getValue() == null
          || update.getValue().toString().isBlank()) {
        continue;
      }
      Document document = new Document(update.getVariableName(), update.getValue().toString());
      String taskId = detail.getTaskId() != null
          ? detail.getTaskId()
          : doers.taskOfOperation().get(detail.getUserOperationId());
      HistoricActivityInstance activity = taskId != null
          ? activityOfTask.get(taskId)
          : activityById.get(detail.getActivityInstanceId());
      if (activity != null) {
        documents.computeIfAbsent(activity.getId(), k -> new LinkedHashSet<>()).add(document);
      } else {
        Item item = itemsById.get(detail.getProcessInstanceId());
        OffsetDateTime at = Zoned.time(detail.getTime(), zone);
        entries.add(new TimelineEntry(at, at, item == null ? null : item.definitionKey(),
            item == null ? null : item.code(cycle), null, "Document linked", "variableUpdate", null, null,
            List.of(document)));
      }
    }
    for (HistoricActivityInstance activity : history.activities()) {
      if (NOT_IN_TIMELINE.contains(activity.getActivityType())) {
        continue;
      }
      Item item = itemsById.get(activity.getProcessInstanceId());
      OpenTask open = activity.getTaskId() == null ? null : history.openTasks().get(activity.getTaskId());
      entries.add(new TimelineEntry(Zoned.time(activity.getStartTime(), zone), Zoned.time(activity.getEndTime(), zone),
          item.definitionKey(), item.code(cycle), activity.getActivityId(),
          activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName(),
          activity.getActivityType(), doers.by(activity, open), open == null ? null : open.heldBy(),
          List.copyOf(documents.getOrDefault(activity.getId(), Set.of()))));
    }
    entries.sort(Comparator.comparing(TimelineEntry::started)
        .thenComparing(e -> e.ended() == null ? OffsetDateTime.MAX : e.ended()));
    List<TimelineItem> timelineItems = items.stream().map(i -> new TimelineItem(i.definitionKey(), i.definitionName(),
        i.code(cycle), i.processInstanceId(), i.state(), i.running() ? null : i.outcome(),
        Zoned.time(i.start(), zone), Zoned.time(i.end(), zone))).toList();
    return new Timeline(cycle, subject, timelineItems, entries);
  }
}
