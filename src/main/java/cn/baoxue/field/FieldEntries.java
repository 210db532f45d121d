package cn.baoxue.field;

import cn.baoxue.cases.CaseOfProcess;
import cn.baoxue.cases.ContactLogService;
import cn.baoxue.cases.ContactLogService.ContactInput;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.evidence.AddEvidence;
import cn.baoxue.evidence.EvidenceItem;
import cn.baoxue.evidence.EvidenceService;
import cn.baoxue.field.FieldEntryConflict.Choice;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.process.TaskContracts.Contract;
import cn.baoxue.kernel.process.TaskContracts.Option;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Problem;
import cn.baoxue.org.Roles;
import cn.baoxue.security.WithoutEngineAuthorization;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 外勤登记: an entry typed on a phone, perhaps hours ago without signal, applied as Tasklist would
 * apply it — the step's task claimed for her and completed with the variables its task contract
 * accepts, so the step's own listener writes the record (home_visit, persuasion_attempt,
 * follow_up) — or a contact recorded through the contact log. One transaction: the entry, its
 * record and the task's completion commit together or not at all.
 *
 * <p>Sent twice (the phone got no answer), it is applied once: the first outcome is kept by the
 * phone's id for it and answered again. When the case has moved on meanwhile — the step done by
 * the other helper, the case closed, the step gone to someone else — nothing is applied and the
 * user is asked ({@link FieldEntryConflict}): keep it as a contact record, discard it, or enter it
 * again on the step now open for her. Nothing typed is overwritten or dropped without her word.
 */
@Service
class FieldEntries {

  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Set<String> BODY_KEYS = Set.of("clientId", "kind", "taskId", "caseNumber", "fields", "resolution", "evidence");
  private static final Set<String> EVIDENCE_KEYS = Set.of("part", "fileName", "kind", "originalSha256", "capturedAt", "latitude", "longitude");
  private static final Set<String> CONTACT_KEYS = Set.of("type", "date", "notes", "amountYuan");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
  /** The contact log's limit on notes, with room for the words that say where they came from. */
  private static final int MAX_NOTES = 1800;

  private final FieldEntryLog log;
  private final FieldForms forms;
  private final FieldWork work;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final WithoutEngineAuthorization withoutEngineAuthorization;
  private final CaseOfProcess caseOfProcess;
  private final DropoutCaseRepository cases;
  private final ContactLogService contacts;
  private final Roles roles;
  private final EvidenceService evidence;
  private final ObjectMapper json;

  FieldEntries(FieldEntryLog log, FieldForms forms, FieldWork work, TaskService taskService, HistoryService historyService,
      IdentityService identityService, WithoutEngineAuthorization withoutEngineAuthorization, CaseOfProcess caseOfProcess,
      DropoutCaseRepository cases, ContactLogService contacts, Roles roles, EvidenceService evidence, ObjectMapper json) {
    this.log = log;
    this.forms = forms;
    this.work = work;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
    this.caseOfProcess = caseOfProcess;
    this.cases = cases;
    this.contacts = contacts;
    this.roles = roles;
    this.evidence = evidence;
    this.json = json;
  }

  /** The answer to an entry: its outcome, and whether it was recorded by this very request. */
  record Answer(boolean first, String body) {}

  /** An entry as the phone sends it, read and checked at the edge. */
  record Entry(String clientId, EntryKind kind, String taskId, String caseNumber, ObjectNode fields, boolean keepAsContact,
      List<JsonNode> evidence) {}

  /** A file sent with an entry (a multipart part): a photo, a scan, a drawn signature. */
  record Upload(String fileName, String contentType, byte[] content) {}

  @Transactional
  public Answer submit(JsonNode body, Staff staff) {
    return submit(body, Map.of(), staff);
  }

  /** An entry with its evidence: each item's file is the part its {@code part} names. */
  @Transactional
  public Answer submit(JsonNode body, Map<String, Upload> files, Staff staff) {
    Entry entry = read(body, files);
    Optional<FieldEntryLog.Recorded> earlier = log.find(entry.clientId());
    if (earlier.isPresent()) {
      if (!earlier.get().userId().equals(staff.userId())) {
        throw new InvalidCaseInputException("clientId", "该登记编号已被使用，请重新填写");
      }
      return new Answer(false, earlier.get().answer());
    }
    return entry.kind().completesTask() ? step(entry, files, staff) : contact(entry, files, staff);
  }

  /** The first answer to an entry id, for a request that lost the race to record it. */
  @Transactional(readOnly = true)
  public Optional<Answer> earlier(String clientId, Staff staff) {
    return log.find(clientId).filter(recorded -> recorded.userId().equals(staff.userId()))
        .map(recorded -> new Answer(false, recorded.answer()));
  }

  private Answer step(Entry entry, Map<String, Upload> files, Staff staff) {
    Task task = withoutEngineAuthorization.call(() -> taskService.createTaskQuery().taskId(entry.taskId()).singleResult());
    String processInstanceId = task != null ? task.getProcessInstanceId() : historicTask(entry.taskId())
        .map(HistoricTaskInstance::getProcessInstanceId).orElse(null);
    DropoutCase dropoutCase = caseOfProcess.find(processInstanceId)
        .filter(c -> staff.jurisdiction().covers(c.getSchoolCode(), c.getVillageCode(), c.getTownshipCode(), c.getCountyCode()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "任务不存在或不在您的管辖范围内"));
    String taskKey = task != null ? task.getTaskDefinitionKey() : historicTask(entry.taskId()).orElseThrow().getTaskDefinitionKey();
    List<Problem> problems = new ArrayList<>();
    if (!entry.kind().taskKeys().contains(taskKey)) {
      problems.add(new Problem("kind", "该任务不是“" + entry.kind().label() + "”，请在今日工作中重新选择"));
    }
    if (entry.caseNumber() != null && !entry.caseNumber().equals(dropoutCase.getCaseNumber())) {
      problems.add(new Problem("caseNumber", "案件编号与任务所属案件不符"));
    }
    Contract contract = forms.contract(entry.kind());
    problems.addAll(contract.check(variables(entry.fields()), name -> null));
    if (!problems.isEmpty()) {
      throw new InvalidCaseInputException(problems);
    }
    if (entry.keepAsContact()) {
      return keepAsContact(entry, dropoutCase, files, staff);
    }
    String moved = movedOn(task, dropoutCase, entry.taskId(), staff);
    if (moved != null) {
      List<Choice> choices = new ArrayList<>();
      if (dropoutCase.isOpen() && contacts.mayRecord(dropoutCase, staff)) {
        choices.add(Choice.keepAsContact());
      }
      choices.add(Choice.discard());
      currentStepFor(dropoutCase, staff, entry.taskId()).ifPresent(choices::add);
      throw new FieldEntryConflict(task == null ? "TASK_DONE" : dropoutCase.isOpen() ? "REASSIGNED" : "CASE_CLOSED",
          moved + "。您填写的内容仍保存在手机上，请选择如何处理。", choices);
    }
    log.claim(entry.clientId(), staff.userId(), entry.kind(), entry.taskId(), dropoutCase.getCaseNumber());
    identityService.setAuthentication(staff.userId(), staff.groupIds());
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), staff.userId());
      }
      taskService.complete(task.getId(), values(entry.fields()));
    } finally {
      identityService.clearAuthentication();
    }
    int items = addEvidence(entry, dropoutCase, task.getId(), files, staff);
    return settle(entry, dropoutCase, "APPLIED", (task.getName().equals(entry.kind().label()) ? task.getName() : entry.kind().label() + "（" + task.getName() + "）")
        + "已登记（" + dropoutCase.getCaseNumber() + "）" + evidenceNote(items));
  }

  private Answer contact(Entry entry, Map<String, Upload> files, Staff staff) {
    if (entry.caseNumber() == null) {
      throw new InvalidCaseInputException("caseNumber", "请选择案件");
    }
    List<Problem> problems = new ArrayList<>();
    entry.fields().fieldNames().forEachRemaining(key -> {
      if (!CONTACT_KEYS.contains(key)) {
        problems.add(new Problem(key, EntryKind.CONTACT.label() + "不接受字段“" + key + "”"));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidCaseInputException(problems);
    }
    DropoutCase dropoutCase = contacts.requireMayRecord(entry.caseNumber(), staff);
    if (!dropoutCase.isOpen()) {
      throw new FieldEntryConflict("CASE_CLOSED", "案件 " + dropoutCase.getCaseNumber() + " 已结案（销号），不能再登记帮扶记录。"
          + "您填写的内容仍保存在手机上，请选择如何处理。", List.of(Choice.discard()));
    }
    log.claim(entry.clientId(), staff.userId(), entry.kind(), null, dropoutCase.getCaseNumber());
    contacts.record(dropoutCase.getCaseNumber(),
        new ContactInput(text(entry.fields(), "type"), text(entry.fields(), "date"), text(entry.fields(), "notes"),
            text(entry.fields(), "amountYuan")),
        staff);
    int items = addEvidence(entry, dropoutCase, EvidenceItem.WHOLE_CASE, files, staff);
    return settle(entry, dropoutCase, "APPLIED", "帮扶记录已登记（" + dropoutCase.getCaseNumber() + "）" + evidenceNote(items));
  }

  /** 保留为联系记录: what was typed for the step, in its labels, as a visit in the contact log. */
  private Answer keepAsContact(Entry entry, DropoutCase dropoutCase, Map<String, Upload> files, Staff staff) {
    log.claim(entry.clientId(), staff.userId(), entry.kind(), entry.taskId(), dropoutCase.getCaseNumber());
    StringBuilder notes = new StringBuilder("外勤登记的" + entry.kind().label() + "（原环节已由他人办理或已变更，保留为联系记录）");
    for (FieldForms.Input input : forms.inputs(entry.kind())) {
      String value = text(entry.fields(), input.key());
      if (value != null && !value.isBlank()) {
        String shown = input.options().stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
        notes.append("；").append(input.label()).append("：").append(shown);
      }
    }
    String day = Optional.ofNullable(text(entry.fields(), "visitDate")).filter(d -> d.length() >= 10)
        .map(d -> d.substring(0, 10)).orElse(BeijingTime.today().toString());
    String kept = notes.length() > MAX_NOTES ? notes.substring(0, MAX_NOTES) + "…" : notes.toString();
    contacts.record(dropoutCase.getCaseNumber(), new ContactInput(entry.kind().contactType().name(), day, kept, null), staff);
    // The step was someone else's: the photos and signature belong to the case.
    int items = addEvidence(entry, dropoutCase, EvidenceItem.WHOLE_CASE, files, staff);
    return settle(entry, dropoutCase, "KEPT_AS_CONTACT", "已保留为联系记录（" + dropoutCase.getCaseNumber() + "）" + evidenceNote(items));
  }

  /**
   * The entry's photos, scans and signature, stored by the evidence service in this transaction
   * (with the record they prove, or not at all); each with an id derived from the entry's, so a
   * resent entry stores none twice.
   */
  private int addEvidence(Entry entry, DropoutCase dropoutCase, String step, Map<String, Upload> files, Staff staff) {
    int index = 0;
    for (JsonNode item : entry.evidence()) {
      Upload file = files.get(item.path("part").asText());
      evidence.add(new AddEvidence(dropoutCase.getCaseNumber(), step, textOrNull(item.get("fileName")) == null ? file.fileName()
          : textOrNull(item.get("fileName")), file.contentType(), file.content(), textOrNull(item.get("originalSha256")),
          instant(item.get("capturedAt")), number(item.get("latitude")), number(item.get("longitude")),
          entry.clientId() + ":" + index++, textOrNull(item.get("kind"))), staff);
    }
    return index;
  }

  private static String evidenceNote(int items) {
    return items == 0 ? "" : "，佐证材料 " + items + " 件";
  }

  private static Instant instant(JsonNode value) {
    String text = textOrNull(value);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidCaseInputException("capturedAt", "拍摄时间的格式不对：" + text);
    }
  }

  private static Double number(JsonNode value) {
    return value == null || !value.isNumber() ? null : value.doubleValue();
  }

  private Answer settle(Entry entry, DropoutCase dropoutCase, String outcome, String message) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("clientId", entry.clientId());
    answer.put("outcome", outcome);
    answer.put("kind", entry.kind().name());
    answer.put("caseNumber", dropoutCase.getCaseNumber());
    answer.put("message", message);
    answer.put("recordedAt", BeijingTime.now().withNano(0).toString());
    try {
      String body = json.writeValueAsString(answer);
      log.settle(entry.clientId(), outcome, body);
      return new Answer(true, body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Why the step is no longer hers to complete, in Chinese; null while it is: open, and hers or
   * offered to her (by name or through her unit) and taken by nobody else.
   */
  private String movedOn(Task task, DropoutCase dropoutCase, String taskId, Staff staff) {
    if (!dropoutCase.isOpen()) {
      return "案件 " + dropoutCase.getCaseNumber() + " 已结案（销号）";
    }
    if (task == null) {
      HistoricTaskInstance done = historicTask(taskId).orElseThrow();
      String completer = withoutEngineAuthorization.call(() -> historyService.createUserOperationLogQuery().taskId(taskId)
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()).stream()
          .map(UserOperationLogEntry::getUserId).filter(java.util.Objects::nonNull).findFirst().orElse(done.getAssignee());
      String by = completer == null ? "他人" : roles.name(completer);
      String when = done.getEndTime() == null ? "" : "于" + WHEN.format(BeijingTime.of(done.getEndTime()));
      return "“" + done.getName() + "”已由" + by + when + "办理完成";
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(staff.userId())) {
      return "“" + task.getName() + "”已由" + roles.name(task.getAssignee()) + "认领办理";
    }
    if (task.isSuspended() || withoutEngineAuthorization.call(() -> work.tasksFor(staff).taskId(taskId).count()) == 0) {
      return "“" + task.getName() + "”已不再分配给您";
    }
    return null;
  }

  /** The step of this case now open for her that a field entry can do, other than the one sent. */
  private Optional<Choice> currentStepFor(DropoutCase dropoutCase, Staff staff, String sentTaskId) {
    if (!dropoutCase.isOpen()) {
      return Optional.empty();
    }
    List<Task> open = withoutEngineAuthorization.call(
        () -> work.tasksFor(staff).processInstanceId(dropoutCase.getProcessInstanceId()).list());
    return open.stream()
        .filter(t -> !t.getId().equals(sentTaskId))
        .flatMap(t -> EntryKind.ofTask(t.getTaskDefinitionKey()).map(kind -> Choice.reenter(t.getId(), t.getName(), kind)).stream())
        .findFirst();
  }

  private Optional<HistoricTaskInstance> historicTask(String taskId) {
    return Optional.ofNullable(withoutEngineAuthorization.call(
        () -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult()));
  }

  /** Reads the body strictly: no key it does not know, an id a phone made, a kind it knows. */
  private static Entry read(JsonNode body, Map<String, Upload> files) {
    if (body == null || !body.isObject()) {
      throw new InvalidCaseInputException("登记内容须为 JSON 对象");
    }
    List<Problem> problems = new ArrayList<>();
    body.fieldNames().forEachRemaining(key -> {
      if (!BODY_KEYS.contains(key)) {
        problems.add(new Problem(key, "外勤登记不接受字段“" + key + "”"));
      }
    });
    String clientId = body.path("clientId").asText(null);
    if (clientId == null || !UUID.matcher(clientId).matches()) {
      problems.add(new Problem("clientId", "登记编号须为手机生成的 UUID"));
    }
    EntryKind kind = EntryKind.of(body.path("kind").asText("")).orElse(null);
    if (kind == null) {
      problems.add(new Problem("kind", "登记类型须为入户家访、劝返、跟踪回访或结对帮扶联系之一"));
    }
    String taskId = textOrNull(body.get("taskId"));
    if (kind != null && kind.completesTask() && taskId == null) {
      problems.add(new Problem("taskId", "请从今日工作中选择要办理的任务"));
    }
    JsonNode fields = body.get("fields");
    if (fields == null || !fields.isObject()) {
      problems.add(new Problem("fields", "登记内容（fields）须为名称—值的形式"));
    } else {
      fields.fields().forEachRemaining(field -> {
        JsonNode value = field.getValue();
        boolean plain = value.isNull() || value.isValueNode()
            || (value.isArray() && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isTextual));
        if (!plain) {
          problems.add(new Problem(field.getKey(), "字段“" + field.getKey() + "”的值须为文字、数字或是否"));
        }
      });
    }
    String resolution = textOrNull(body.get("resolution"));
    if (resolution != null && !"CONTACT".equals(resolution)) {
      problems.add(new Problem("resolution", "处理方式只能是“保留为联系记录”（CONTACT）"));
    }
    List<JsonNode> evidence = new ArrayList<>();
    JsonNode items = body.get("evidence");
    if (items != null && !items.isNull()) {
      if (!items.isArray()) {
        problems.add(new Problem("evidence", "佐证材料须为列表"));
      } else {
        items.forEach(item -> {
          evidence.add(item);
          item.fieldNames().forEachRemaining(key -> {
            if (!EVIDENCE_KEYS.contains(key)) {
              problems.add(new Problem("evidence", "佐证材料不接受字段“" + key + "”"));
            }
          });
          if (!files.containsKey(item.path("part").asText())) {
            problems.add(new Problem("evidence", "佐证材料的文件没有随登记一起发送，请重新添加"));
          }
        });
      }
    }
    if (files.size() > evidence.size()) {
      problems.add(new Problem("evidence", "有文件未在登记中说明用途"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidCaseInputException(problems);
    }
    return new Entry(clientId.toLowerCase(), kind, taskId, textOrNull(body.get("caseNumber")), (ObjectNode) fields,
        "CONTACT".equals(resolution), List.copyOf(evidence));
  }

  /** The fields in the REST API's variable shape, for the task contract's check. */
  private ObjectNode variables(ObjectNode fields) {
    ObjectNode variables = json.createObjectNode();
    fields.fields().forEachRemaining(field -> variables.putObject(field.getKey()).set("value", field.getValue()));
    return variables;
  }

  /** The fields as the engine's variables, typed as Tasklist submits them. */
  private static Map<String, Object> values(ObjectNode fields) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      Object plain;
      if (value.isNull()) {
        plain = null;
      } else if (value.isBoolean()) {
        plain = value.booleanValue();
      } else if (value.isIntegralNumber()) {
        plain = value.longValue() == value.intValue() ? (Object) value.intValue() : (Object) value.longValue();
      } else if (value.isNumber()) {
        plain = value.doubleValue();
      } else if (value.isArray()) {
        List<String> texts = new ArrayList<>();
        value.forEach(element -> texts.add(element.textValue()));
        plain = String.join(",", texts);
      } else {
        plain = value.asText();
      }
      values.put(field.getKey(), plain);
    }
    return values;
  }

  private static String text(ObjectNode fields, String key) {
    return textOrNull(fields.get(key));
  }

  private static String textOrNull(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.asText();
    return text.isBlank() ? null : text;
  }
}
