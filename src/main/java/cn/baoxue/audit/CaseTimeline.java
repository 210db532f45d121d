package cn.baoxue.audit;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.documents.CaseDocument;
import cn.baoxue.documents.CaseDocuments;
import cn.baoxue.escalation.Escalation;
import cn.baoxue.escalation.EscalationRepository;
import cn.baoxue.evidence.EvidencePage;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.process.TaskContracts;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.org.Roles;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.referral.ReferralType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * Reconstructs a case from the engine's history (activities, tasks, claims and assignments, the
 * user operation log, variable changes, incidents) and Baoxue's own records (escalations,
 * documents), in time order. Community Edition's Cockpit shows none of this.
 *
 * <p>In human terms, for the people who read it: who did what, by name and unit
 * (「赵文斌（尖山乡）」 办结「指定包保责任人」), units by name, form fields by their labels, times in
 * Beijing time; the engine's and Baoxue's own steps are credited to 「系统」. No login id, group id or
 * variable name reaches the text; the JSON keeps the login id in {@code actor} for scripts.
 */
@Service
public class CaseTimeline {

  private static final Map<String, String> OPERATIONS = Map.ofEntries(
      Map.entry("Claim", "认领任务"), Map.entry("Assign", "指派任务"), Map.entry("Complete", "办理完成"),
      Map.entry("SetOwner", "变更任务负责人"), Map.entry("Delegate", "委托任务"), Map.entry("Resolve", "委托办结"),
      Map.entry("SetPriority", "调整优先级"), Map.entry("Update", "修改任务"), Map.entry("SetVariable", "修改表单内容"),
      Map.entry("ModifyVariable", "修改表单内容"), Map.entry("RemoveVariable", "删除表单内容"), Map.entry("Delete", "删除"),
      Map.entry("Create", "创建"), Map.entry("SuspendJob", "暂停定时作业"), Map.entry("ActivateJob", "恢复定时作业"),
      Map.entry("SetJobRetries", "重试定时作业"), Map.entry("Suspend", "挂起流程"), Map.entry("Activate", "恢复流程"));

  /** Task properties an operation may change, by their names in Tasklist. */
  private static final Map<String, String> PROPERTIES = Map.of(
      "assignee", "办理人", "owner", "负责人", "dueDate", "期限", "followUpDate", "跟进日期", "priority", "优先级",
      "name", "任务名称", "description", "说明");

  /** The kinds of entry, for the export. */
  static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("REPORTED", "上报"), Map.entry("TASK_CREATED", "生成任务"), Map.entry("IDENTITY_LINK", "分派"),
      Map.entry("OPERATION", "操作"), Map.entry("VARIABLE", "修改"), Map.entry("TASK_COMPLETED", "办结"),
      Map.entry("ESCALATION", "逾期督办"), Map.entry("DOCUMENT", "文书"), Map.entry("TIMER", "计时"),
      Map.entry("INCIDENT", "故障"), Map.entry("ENDED", "结束"), Map.entry("EVIDENCE", "佐证材料"),
      Map.entry("REFERRAL", "联控联保"),
      Map.entry("TRANSFER", "跨县移交"),
      Map.entry("PREVENTION", "预防帮扶计划"));

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final HistoryService historyService;
  private final EscalationRepository escalations;
  private final CaseDocuments documents;
  private final EvidencePage evidence;
  private final Roles roles;
  private final StaffDirectory staff;
  private final WithoutEngineAuthorization withoutEngineAuthorization;
  private final JdbcClient jdbc;
  private final AuditEntryRepository auditEntries;
  private final Map<String, String> fieldLabels = new HashMap<>();

  CaseTimeline(HistoryService historyService, EscalationRepository escalations, CaseDocuments documents, EvidencePage evidence,
      Roles roles, StaffDirectory staff, WithoutEngineAuthorization withoutEngineAuthorization, JdbcClient jdbc,
      AuditEntryRepository auditEntries) {
    this.jdbc = jdbc;
    this.auditEntries = auditEntries;
    this.historyService = historyService;
    this.escalations = escalations;
    this.documents = documents;
    this.evidence = evidence;
    this.roles = roles;
    this.staff = staff;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
    TaskContracts contracts = TaskContracts.get();
    contracts.start().fields().values().forEach(field -> fieldLabels.putIfAbsent(field.key(), field.label()));
    contracts.tasks().forEach(task -> task.fields().values().forEach(field -> fieldLabels.putIfAbsent(field.key(), field.label())));
  }

  /** The caller has checked that the case lies in the reader's jurisdiction. */
  public List<TimelineEntry> of(DropoutCase dropoutCase) {
    String pi = dropoutCase.getProcessInstanceId();
    List<TimelineEntry> entries = new ArrayList<>();
    Map<String, String> actorNames = new HashMap<>();
    withoutEngineAuthorization.run(() -> {
      Map<String, String> activityNames = activities(pi, entries, actorNames);
      Map<String, String> completedBy = new HashMap<>();
      Map<String, String> operationActors = operations(pi, entries, actorNames, completedBy);
      tasks(pi, entries, actorNames, completedBy);
      identityLinks(pi, entries, actorNames);
      variableChanges(pi, entries, operationActors, actorNames);
      incidents(pi, entries, activityNames);
    });
    for (Escalation e : escalations.findByCaseIdOrderByEscalatedAtAscIdAsc(dropoutCase.getId())) {
      entries.add(new TimelineEntry(e.getEscalatedAt(), "ESCALATION", null, Roles.SYSTEM, e.getTaskName(),
          "逾期" + e.getDaysLate() + "天，第" + e.getLevel() + "次督办，提交"
              + (e.getToGroup() == null ? "（已至县级）" : roles.group(e.getToGroup()))
              + "；原办理人/单位：" + roles.responsible(e.getResponsible()), false));
    }
    for (CaseDocument d : documents.of(dropoutCase.getId())) {
      entries.add(new TimelineEntry(d.getRecordedAt(), "DOCUMENT", d.getRecordedBy(), name(d.getRecordedBy(), actorNames),
          null, "签发" + d.getTitle() + "（文书指纹 " + d.getSha256().substring(0, 16) + "…）", null));
    }
    for (EvidencePage.Line e : evidence.lines(dropoutCase)) {
      entries.add(new TimelineEntry(e.uploadedAt(), "EVIDENCE", e.uploaderId(), e.uploadedBy(), e.step(),
          "上传佐证材料：" + e.kind() + (e.capturedAt() == null ? "" : "，拍摄于 " + MINUTES.format(e.capturedAt()))
              + (e.place() == null ? "" : "，" + e.place()) + "（指纹 " + e.sha256().substring(0, 16) + "…，已记入审计链）", null));
    }
    referrals(dropoutCase.getId(), entries, actorNames);
    for (AuditEntry a : auditEntries.findByCaseIdAndKindInOrderByIdAsc(dropoutCase.getId(), AuditEntry.CASE_TIMELINE_KINDS)) {
      com.fasterxml.jackson.databind.JsonNode payload = TRANSFER_PAYLOAD.apply(a.getPayload());
      entries.add(new TimelineEntry(a.getRecordedAt(), a.getKind() == AuditEntry.Kind.PREVENTION_PLAN ? "PREVENTION" : "TRANSFER", a.getActor(), name(a.getActor(), actorNames),
          payload.path("step").asText(null), payload.path("description").asText(""), null));
    }
    entries.sort(Comparator.comparing(TimelineEntry::time)
        .thenComparing(entry -> order(entry.type()))
        .thenComparing(TimelineEntry::description));
    return entries;
  }

  /**
   * 联控联保: each referral sent from the case, and the department's answer and closing, so that the
   * case's helpers read what the department did (the referral feature keeps them in its own tables).
   */
  private void referrals(Long caseId, List<TimelineEntry> entries, Map<String, String> actorNames) {
    jdbc.sql("select r.referral_type, r.department_unit, r.request_text, r.due_on, r.sent_by, r.sent_at, r.status,"
            + " r.answered_by, r.answered_at, r.reject_reason, r.action_taken, r.closed_by, r.closed_at, u.name"
            + " from referral r join org_unit u on u.code = r.department_unit where r.case_id = ? order by r.sent_at, r.id")
        .param(caseId)
        .query(rs -> {
          String type = Coded.find(ReferralType.class, rs.getString(1)).map(ReferralType::label).orElse(rs.getString(1));
          String department = rs.getString(14);
          String sentBy = rs.getString(5);
          entries.add(new TimelineEntry(rs.getTimestamp(6).toLocalDateTime(), "REFERRAL", sentBy, name(sentBy, actorNames),
              "联控联保转介", "向" + department + "发出转介：" + type + "，请于" + rs.getDate(4).toLocalDate() + "前办结。请求：" + rs.getString(3),
              null));
          String answeredBy = rs.getString(8);
          if (answeredBy != null) {
            boolean rejected = "REJECTED".equals(rs.getString(7));
            entries.add(new TimelineEntry(rs.getTimestamp(9).toLocalDateTime(), "REFERRAL", answeredBy, name(answeredBy, actorNames),
                "联控联保转介", department + (rejected ? "拒收转介（" + type + "），理由：" + rs.getString(10) : "受理转介（" + type + "）"),
                null));
          }
          String closedBy = rs.getString(12);
          if (closedBy != null && "CLOSED".equals(rs.getString(7))) {
            entries.add(new TimelineEntry(rs.getTimestamp(13).toLocalDateTime(), "REFERRAL", closedBy, name(closedBy, actorNames),
                "联控联保转介", department + "办结转介（" + type + "）：" + rs.getString(11), null));
          }
        });
  }

  /** @return the name of each activity, by its id */
  private Map<String, String> activities(String pi, List<TimelineEntry> entries, Map<String, String> actorNames) {
    Map<String, String> names = new HashMap<>();
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
    String reporter = instance == null ? null : instance.getStartUserId();
    for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery().processInstanceId(pi).list()) {
      if (a.getActivityName() != null) {
        names.put(a.getActivityId(), a.getActivityName());
      }
      switch (a.getActivityType()) {
        case "startEvent" -> entries.add(new TimelineEntry(time(a.getStartTime()), "REPORTED", reporter,
            name(reporter, actorNames), a.getActivityName(), "上报，登记立案", null));
        case "intermediateTimer" -> {
          if (a.getEndTime() != null) {
            entries.add(new TimelineEntry(time(a.getEndTime()), "TIMER", null, Roles.SYSTEM, a.getActivityName(), "计时届满", null));
          }
        }
        case "noneEndEvent" -> entries.add(new TimelineEntry(time(a.getStartTime()), "ENDED", null, Roles.SYSTEM,
            a.getActivityName(), "流程结束", null));
        default -> { }
      }
    }
    return names;
  }

  /** @param completedBy who completed each task, from the operation log (a task need not be claimed first) */
  private void tasks(String pi, List<TimelineEntry> entries, Map<String, String> names, Map<String, String> completedBy) {
    for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().processInstanceId(pi).list()) {
      entries.add(new TimelineEntry(time(t.getStartTime()), "TASK_CREATED", null, Roles.SYSTEM, t.getName(),
          "生成任务" + (t.getDueDate() == null ? "" : "，期限 " + time(t.getDueDate()).format(MINUTES)), null));
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
      String who = link.getUserId() != null ? name(link.getUserId(), names) : roles.group(link.getGroupId());
      String what = switch (link.getType()) {
        case "assignee" -> added ? "由 " + who + " 办理" : "不再由 " + who + " 办理";
        case "candidate" -> added ? "分给 " + who : "不再分给 " + who;
        case "owner" -> added ? "负责人为 " + who : "取消负责人 " + who;
        default -> (added ? "关联 " : "取消关联 ") + who;
      };
      entries.add(new TimelineEntry(time(link.getTime()), "IDENTITY_LINK", link.getAssignerId(),
          name(link.getAssignerId(), names), taskName(link.getTaskId()), what, null));
    }
  }

  /**
   * Claims, assignments and the like. Completions are the task's own entry; the operation log only
   * says who completed it.
   *
   * @return who did each operation, by operation id
   */
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
      if ("Complete".equals(first.getOperationType())) {
        if (first.getTaskId() != null) {
          completedBy.put(first.getTaskId(), first.getUserId());
        }
        continue;
      }
      if ("Create".equals(first.getOperationType()) && first.getTaskId() == null) {
        continue; // the report that started the case: its own entry
      }
      boolean claim = "Claim".equals(first.getOperationType());
      boolean unclaim = claim && operation.stream()
          .anyMatch(log -> "assignee".equals(log.getProperty()) && log.getNewValue() == null);
      List<String> changes = claim ? List.of() : operation.stream()
          .filter(log -> log.getProperty() != null && PROPERTIES.containsKey(log.getProperty()))
          .map(log -> PROPERTIES.get(log.getProperty()) + "：" + propertyValue(log.getProperty(), log.getOrgValue(), names)
              + " → " + propertyValue(log.getProperty(), log.getNewValue(), names))
          .toList();
      entries.add(new TimelineEntry(time(first.getTimestamp()), "OPERATION", first.getUserId(), name(first.getUserId(), names),
          taskName(first.getTaskId()), (unclaim ? "取消认领" : OPERATIONS.getOrDefault(first.getOperationType(), "其他操作"))
              + (changes.isEmpty() ? "" : "（" + String.join("；", changes) + "）"), null));
    }
    return actors;
  }

  private String propertyValue(String property, String value, Map<String, String> names) {
    if (value == null || value.isEmpty()) {
      return "空";
    }
    return switch (property) {
      case "assignee", "owner" -> name(value, names);
      case "dueDate", "followUpDate" -> value.chars().allMatch(Character::isDigit)
          ? LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(value)), BeijingTime.zone()).format(MINUTES)
          : value;
      default -> value;
    };
  }

  /**
   * Changes of a form's field after it was first set, by the field's label: old value → new value.
   * The engine's own variables (routing, counters) are the system's business and not listed.
   */
  private void variableChanges(
      String pi, List<TimelineEntry> entries, Map<String, String> operationActors, Map<String, String> names) {
    Map<String, Object> lastValue = new HashMap<>();
    List<HistoricDetail> details = historyService.createHistoricDetailQuery().processInstanceId(pi).variableUpdates()
        .orderPartiallyByOccurrence().asc().list();
    for (HistoricDetail detail : details) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      String key = update.getVariableInstanceId();
      String label = fieldLabels.get(update.getVariableName());
      // A value rewritten to its own kind of nothing (the form's empty list [] kept as none) changed nothing a person reads.
      if (label != null && lastValue.containsKey(key) && !Objects.equals(lastValue.get(key), update.getValue())
          && !(isNothing(lastValue.get(key)) && isNothing(update.getValue()))) {
        String actor = update.getUserOperationId() == null ? null : operationActors.get(update.getUserOperationId());
        Object before = lastValue.get(key);
        Object after = update.getValue();
        entries.add(new TimelineEntry(time(update.getTime()), "VARIABLE", actor, name(actor, names),
            taskName(update.getTaskId()), "修改「" + label + "」" + valueChange(before, after, names), null));
      }
      lastValue.put(key, update.getValue());
    }
  }

  /** "：旧 → 新" where both read as words people use; nothing where a value is a code or an internal id. */
  private String valueChange(Object before, Object after, Map<String, String> names) {
    String from = readable(before, names);
    String to = readable(after, names);
    return from == null || to == null ? "" : "：" + from + " → " + to;
  }

  private static boolean isNothing(Object value) {
    return value == null || value.toString().isBlank() || value.toString().equals("[]");
  }

  private String readable(Object value, Map<String, String> names) {
    if (value == null) {
      return "空";
    }
    if (value instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (value instanceof Date date) {
      return time(date).format(MINUTES);
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = value.toString();
    if (isNothing(text)) {
      return "空";
    }
    if (GroupIds.kindOf(text) != GroupIds.Kind.OTHER) {
      return roles.group(text);
    }
    if (text.matches("[A-Za-z0-9_.@-]+")) {
      // A login id reads as the person; any other Latin word is a code without its label here.
      return staff.user(text) != null ? name(text, names) : null;
    }
    return text;
  }

  private void incidents(String pi, List<TimelineEntry> entries, Map<String, String> activityNames) {
    for (HistoricIncident incident : historyService.createHistoricIncidentQuery().processInstanceId(pi).list()) {
      entries.add(new TimelineEntry(time(incident.getCreateTime()), "INCIDENT", null, Roles.SYSTEM,
          activityNames.get(incident.getActivityId()),
          "系统办理此环节时出错，已记入运维日志，待系统管理员处理", null));
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
    return userId == null ? Roles.SYSTEM : names.computeIfAbsent(userId, roles::person);
  }

  private static int order(String type) {
    return List.of("REPORTED", "TASK_CREATED", "IDENTITY_LINK", "OPERATION", "VARIABLE", "TASK_COMPLETED", "ESCALATION",
        "DOCUMENT", "EVIDENCE", "PREVENTION", "TRANSFER", "TIMER", "INCIDENT", "ENDED").indexOf(type);
  }

  private static final java.util.function.Function<String, com.fasterxml.jackson.databind.JsonNode> TRANSFER_PAYLOAD = text -> {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException notJson) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  };

  private static LocalDateTime time(Date date) {
    return BeijingTime.of(date);
  }
}
