package cn.baoxue.audit;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.documents.CaseDocument;
import cn.baoxue.documents.CaseDocuments;
import cn.baoxue.escalation.Escalation;
import cn.baoxue.escalation.EscalationRepository;
import cn.baoxue.org.Roles;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * Reconstructs a case from the engine's history (activities, tasks, claims and assignments, the
 * user operation log, variable changes, incidents) and Baoxue's own records (escalations,
 * documents), in time order. Community Edition's Cockpit shows none of this.
 */
@Service
public class CaseTimeline {

  private static final Map<String, String> OPERATIONS = Map.ofEntries(
      Map.entry("Claim", "认领任务"), Map.entry("Assign", "指派任务"), Map.entry("Complete", "办理完成"),
      Map.entry("SetOwner", "变更任务负责人"), Map.entry("Delegate", "委托任务"), Map.entry("Resolve", "委托办结"),
      Map.entry("SetPriority", "调整优先级"), Map.entry("Update", "修改任务"), Map.entry("SetVariable", "修改变量"),
      Map.entry("ModifyVariable", "修改变量"), Map.entry("RemoveVariable", "删除变量"), Map.entry("Delete", "删除"),
      Map.entry("Create", "创建"), Map.entry("SuspendJob", "暂停作业"), Map.entry("ActivateJob", "恢复作业"),
      Map.entry("SetJobRetries", "重试作业"), Map.entry("Suspend", "挂起"), Map.entry("Activate", "激活"));

  private final HistoryService historyService;
  private final EscalationRepository escalations;
  private final CaseDocuments documents;
  private final Roles roles;
  private final WithoutEngineAuthorization withoutEngineAuthorization;

  CaseTimeline(HistoryService historyService, EscalationRepository escalations, CaseDocuments documents, Roles roles,
      WithoutEngineAuthorization withoutEngineAuthorization) {
    this.historyService = historyService;
    this.escalations = escalations;
    this.documents = documents;
    this.roles = roles;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
  }

  /** The caller has checked that the case lies in the reader's jurisdiction. */
  public List<TimelineEntry> of(DropoutCase dropoutCase) {
    String pi = dropoutCase.getProcessInstanceId();
    List<TimelineEntry> entries = new ArrayList<>();
    Map<String, String> actorNames = new HashMap<>();
    withoutEngineAuthorization.run(() -> {
      activities(pi, entries, actorNames);
      Map<String, String> completedBy = new HashMap<>();
      Map<String, String> operationActors = operations(pi, entries, actorNames, completedBy);
      tasks(pi, entries, actorNames, completedBy);
      identityLinks(pi, entries, actorNames);
      variableChanges(pi, entries, operationActors, actorNames);
      incidents(pi, entries);
    });
    for (Escalation e : escalations.findByCaseIdOrderByEscalatedAtAscIdAsc(dropoutCase.getId())) {
      entries.add(new TimelineEntry(e.getEscalatedAt(), "ESCALATION", null, "系统", e.getTaskName(),
          "逾期" + e.getDaysLate() + "天，第" + e.getLevel() + "次督办，提交" + (e.getToGroup() == null ? "（已至县级）" : e.getToGroup())
              + "；原办理人/单位：" + e.getResponsible(), false));
    }
    for (CaseDocument d : documents.of(dropoutCase.getId())) {
      entries.add(new TimelineEntry(d.getRecordedAt(), "DOCUMENT", d.getRecordedBy(), name(d.getRecordedBy(), actorNames),
          null, "签发" + d.getTitle() + "（SHA-256 " + d.getSha256().substring(0, 16) + "…）", null));
    }
    entries.sort(Comparator.comparing(TimelineEntry::time)
        .thenComparing(entry -> order(entry.type()))
        .thenComparing(TimelineEntry::description));
    return entries;
  }

  private void activities(String pi, List<TimelineEntry> entries, Map<String, String> names) {
    for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery().processInstanceId(pi).list()) {
      switch (a.getActivityType()) {
        case "startEvent" -> entries.add(new TimelineEntry(time(a.getStartTime()), "REPORTED", null, "系统", a.getActivityName(),
            "案件上报", null));
        case "intermediateTimer" -> {
          if (a.getEndTime() != null) {
            entries.add(new TimelineEntry(time(a.getEndTime()), "TIMER", null, "系统", a.getActivityName(), "计时届满", null));
          }
        }
        case "noneEndEvent" -> entries.add(new TimelineEntry(time(a.getStartTime()), "ENDED", null, "系统", a.getActivityName(),
            "流程结束", null));
        default -> { }
      }
    }
  }

  /** @param completedBy who completed each task, from the operation log (a task need not be claimed first) */
  private void tasks(String pi, List<TimelineEntry> entries, Map<String, String> names, Map<String, String> completedBy) {
    for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().processInstanceId(pi).list()) {
      entries.add(new TimelineEntry(time(t.getStartTime()), "TASK_CREATED", null, "系统", t.getName(),
          "生成任务" + (t.getDueDate() == null ? "" : "，期限 " + time(t.getDueDate()).toLocalDate()), null));
      if (t.getEndTime() != null && "completed".equals(t.getDeleteReason())) {
        boolean onTime = t.getDueDate() == null || !t.getEndTime().after(t.getDueDate());
        String completer = completedBy.getOrDefault(t.getId(), t.getAssignee());
        entries.add(new TimelineEntry(time(t.getEndTime()), "TASK_COMPLETED", completer, name(completer, names),
            t.getName(), onTime ? "按期办结" : "逾期办结", onTime));
      }
    }
  }

  private void identityLinks(String pi, List<TimelineEntry> entries, Map<String, String> names) {
    List<HistoricIdentityLinkLog> links = new ArrayList<>();
    for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().processInstanceId(pi).list()) {
      links.addAll(historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list());
    }
    for (HistoricIdentityLinkLog link : links) {
      boolean added = "add".equals(link.getOperationType());
      String who = link.getUserId() != null ? name(link.getUserId(), names) : link.getGroupId();
      String what = switch (link.getType()) {
        case "assignee" -> added ? "办理人为 " + who : "取消办理人 " + who;
        case "candidate" -> added ? "候选：" + who : "移除候选：" + who;
        case "owner" -> added ? "负责人为 " + who : "取消负责人 " + who;
        default -> link.getType() + "：" + who;
      };
      entries.add(new TimelineEntry(time(link.getTime()), "IDENTITY_LINK", link.getAssignerId(),
          name(link.getAssignerId(), names), taskName(link.getTaskId()), what, null));
    }
  }

  /** @return who did each operation, by operation id */
  private Map<String, String> operations(
      String pi, List<TimelineEntry> entries, Map<String, String> names, Map<String, String> completedBy) {
    Map<String, String> actors = new HashMap<>();
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    for (UserOperationLogEntry log : historyService.createUserOperationLogQuery().processInstanceId(pi)
        .orderByTimestamp().asc().list()) {
      byOperation.computeIfAbsent(log.getOperationId(), id -> new ArrayList<>()).add(log);
    }
    for (List<UserOperationLogEntry> operation : byOperation.values()) {
      UserOperationLogEntry first = operation.get(0);
      actors.put(first.getOperationId(), first.getUserId());
      if ("Complete".equals(first.getOperationType()) && first.getTaskId() != null) {
        completedBy.put(first.getTaskId(), first.getUserId());
      }
      boolean unclaim = "Claim".equals(first.getOperationType()) && operation.stream()
          .anyMatch(log -> "assignee".equals(log.getProperty()) && log.getNewValue() == null);
      List<String> changes = operation.stream()
          .filter(log -> log.getProperty() != null && !"delete".equals(log.getProperty()))
          .map(log -> log.getProperty() + "：" + Objects.toString(log.getOrgValue(), "空") + " → " + Objects.toString(log.getNewValue(), "空"))
          .toList();
      entries.add(new TimelineEntry(time(first.getTimestamp()), "OPERATION", first.getUserId(), name(first.getUserId(), names),
          taskName(first.getTaskId()), (unclaim ? "取消认领" : OPERATIONS.getOrDefault(first.getOperationType(), first.getOperationType()))
              + (changes.isEmpty() ? "" : "（" + String.join("；", changes) + "）"), null));
    }
    return actors;
  }

  /** Changes of a variable after it was first set: old value → new value. */
  private void variableChanges(
      String pi, List<TimelineEntry> entries, Map<String, String> operationActors, Map<String, String> names) {
    Map<String, Object> lastValue = new HashMap<>();
    List<HistoricDetail> details = historyService.createHistoricDetailQuery().processInstanceId(pi).variableUpdates()
        .orderPartiallyByOccurrence().asc().list();
    for (HistoricDetail detail : details) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      String key = update.getVariableInstanceId();
      if (lastValue.containsKey(key) && !Objects.equals(lastValue.get(key), update.getValue())) {
        String actor = update.getUserOperationId() == null ? null : operationActors.get(update.getUserOperationId());
        entries.add(new TimelineEntry(time(update.getTime()), "VARIABLE", actor, name(actor, names),
            taskName(update.getTaskId()), "变量 " + update.getVariableName() + "：" + lastValue.get(key) + " → " + update.getValue(), null));
      }
      lastValue.put(key, update.getValue());
    }
  }

  private void incidents(String pi, List<TimelineEntry> entries) {
    for (HistoricIncident incident : historyService.createHistoricIncidentQuery().processInstanceId(pi).list()) {
      entries.add(new TimelineEntry(time(incident.getCreateTime()), "INCIDENT", null, "系统", incident.getActivityId(),
          "故障：" + incident.getIncidentMessage(), null));
    }
  }

  private String taskName(String taskId) {
    if (taskId == null) {
      return null;
    }
    HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    return task == null ? null : task.getName();
  }

  private String name(String userId, Map<String, String> names) {
    return userId == null ? "系统" : names.computeIfAbsent(userId, roles::describe);
  }

  private static int order(String type) {
    return List.of("REPORTED", "TASK_CREATED", "IDENTITY_LINK", "OPERATION", "VARIABLE", "TASK_COMPLETED", "ESCALATION",
        "DOCUMENT", "TIMER", "INCIDENT", "ENDED").indexOf(type);
  }

  private static LocalDateTime time(Date date) {
    return BeijingTime.of(date);
  }
}
