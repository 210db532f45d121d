package cn.baoxue.referral;

import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.evidence.AddEvidence;
import cn.baoxue.evidence.EvidenceItem;
import cn.baoxue.evidence.EvidenceService;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.org.CountyDepartments;
import cn.baoxue.org.CountyDepartments.Department;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.org.OrgUnitRepository;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 联控联保: the case's township or county sends a referral to a department of the case's county; the
 * department accepts or rejects it with a reason, records what it did and closes it. Each step is
 * written here first and then completes the referral's task in {@code processes/referral.bpmn}, in
 * one transaction; the model's tasks refuse a completion that did not come through here
 * ({@link #requireRecorded}). A department reaches a referral only through its own group, never
 * through the case's jurisdiction, which it does not have.
 */
@Service
public class Referrals {

  static final String CASE_NOT_FOUND = "案件不存在或不在您的管辖范围内";
  static final String REFERRAL_NOT_FOUND = "转介不存在或不是发给您所在部门的";
  static final Set<String> SEND_FIELDS = Set.of("type", "department", "request", "workingDays");
  static final Set<String> ANSWER_FIELDS = Set.of("decision", "reason");
  static final Set<String> CLOSE_FIELDS = Set.of("actionTaken");
  private static final int MAX_REQUEST = 1000;
  private static final int MAX_ANSWER = 2000;

  /** The department's answer to a referral. */
  enum Decision implements Coded {
    ACCEPT("受理"),
    REJECT("拒收");

    private final String label;

    Decision(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  private final ReferralRepository referrals;
  private final ReferralStepRepository steps;
  private final DropoutCaseRepository cases;
  private final OrgUnitRepository units;
  private final CountyDepartments departments;
  private final WorkingDayCalendar calendar;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final WithoutEngineAuthorization withoutEngineAuthorization;
  private final ApplicationEventPublisher events;
  private final EvidenceService evidence;
  private final ReferralViews views;
  private final int acceptWithin;
  private final int maxWorkingDays;

  Referrals(ReferralRepository referrals, ReferralStepRepository steps, DropoutCaseRepository cases, OrgUnitRepository units,
      CountyDepartments departments, WorkingDayCalendar calendar, RuntimeService runtimeService, TaskService taskService,
      WithoutEngineAuthorization withoutEngineAuthorization, ApplicationEventPublisher events, ReferralViews views, EvidenceService evidence,
      @Value("${baoxue.referrals.accept-within-working-days:2}") int acceptWithin,
      @Value("${baoxue.referrals.max-working-days:60}") int maxWorkingDays) {
    this.referrals = referrals;
    this.steps = steps;
    this.cases = cases;
    this.units = units;
    this.departments = departments;
    this.calendar = calendar;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
    this.events = events;
    this.evidence = evidence;
    this.views = views;
    this.acceptWithin = acceptWithin;
    this.maxWorkingDays = maxWorkingDays;
  }

  /** Sends a referral from an open case; everything is checked before anything is written. */
  @Transactional
  public ReferralView send(String caseNumber, Map<String, Object> body, Staff sender) {
    DropoutCase dropoutCase = readableCase(caseNumber, sender);
    if (!sender.isMemberOf(GroupIds.township(dropoutCase.getTownshipCode())) && !sender.isMemberOf(GroupIds.county(dropoutCase.getCountyCode()))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有案件所在乡镇或县教育局可以发出联控联保转介");
    }
    if (!dropoutCase.isOpen()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "案件 " + dropoutCase.getCaseNumber() + " 已结案，不能再发出转介");
    }
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), SEND_FIELDS, "联控联保转介");
    requireText(body, in);
    ReferralType type = in.code("type", ReferralType.class, text(body, "type"), "转介事项");
    String departmentRaw = Inputs.trim(text(body, "department"));
    OrgUnit department = null;
    Department kind = null;
    if (departmentRaw == null) {
      in.problem("department", "请选择接收部门");
    } else {
      kind = departments.departments().stream()
          .filter(d -> d.code().equalsIgnoreCase(departmentRaw) || d.name().equals(departmentRaw))
          .findFirst().orElse(null);
      if (kind == null) {
        in.problem("department", "未知的接收部门：" + departmentRaw);
      } else {
        department = units.findById(kind.unitCode(dropoutCase.getCountyCode()))
            .filter(unit -> unit.getType() == OrgUnitType.DEPARTMENT && dropoutCase.getCountyCode().equals(unit.getParentCode()))
            .orElse(null);
        if (department == null) {
          in.problem("department", "案件所在县尚未设立" + kind.name() + "部门，请先导入组织机构");
        }
      }
    }
    String request = in.text("request", text(body, "request"), "转介请求", true, MAX_REQUEST);
    Integer workingDays = workingDays(body.get("workingDays"), in);
    in.check();

    int days = workingDays != null ? workingDays : type.workingDays();
    LocalDate today = calendar.today();
    LocalDate dueOn = calendar.addWorkingDays(today, days);
    LocalDate acceptBy = calendar.addWorkingDays(today, Math.min(acceptWithin, days));
    Referral referral = referrals.saveAndFlush(new Referral(dropoutCase.getId(), dropoutCase.getCountyCode(), department.getCode(),
        kind.code(), type, request, sender.userId(), dueOn));
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", dropoutCase.getCaseNumber());
    variables.put("departmentGroup", GroupIds.department(department.getCode()));
    variables.put("referralType", type.name());
    variables.put("acceptDueDate", calendar.endOfWorkingDay(acceptBy));
    variables.put("answerDueDate", calendar.endOfWorkingDay(dueOn));
    String processInstanceId = withoutEngineAuthorization.call(() -> runtimeService.createProcessInstanceByKey(ProcessKeys.REFERRAL)
        .businessKey(dropoutCase.getCaseNumber())
        .setVariables(variables)
        .execute()
        .getId());
    referral.runsIn(processInstanceId);
    record(referral, ReferralStep.Kind.SENT, sender.userId(), "type=" + type.name() + ";department=" + department.getCode()
        + ";dueOn=" + dueOn + ";request=" + request);
    return views.of(referral, dropoutCase, false);
  }

  /** The referrals of a case, with their answers, for whoever may read the case (its helpers among them). */
  @Transactional(readOnly = true)
  public List<ReferralView> ofCase(String caseNumber, Staff reader) {
    DropoutCase dropoutCase = readableCase(caseNumber, reader);
    return referrals.findByCaseIdOrderBySentAtAscIdAsc(dropoutCase.getId()).stream()
        .map(referral -> views.of(referral, dropoutCase, false))
        .toList();
  }

  /** The referrals sent to the reader's departments, newest first: open ones to work, closed ones for her record. */
  @Transactional(readOnly = true)
  public List<ReferralView> forDepartment(Staff officer) {
    List<String> units = departmentUnits(officer);
    if (units.isEmpty()) {
      return List.of();
    }
    return referrals.findByDepartmentUnitInOrderBySentAtDescIdDesc(units).stream()
        .map(referral -> views.of(referral, cases.findById(referral.getCaseId()).orElseThrow(), false))
        .toList();
  }

  /**
   * One referral: for its department with the child's facts while it is open (as its type allows),
   * without them once answered; for a reader of the case, as the case's record.
   */
  @Transactional
  public ReferralView read(Long id, Staff reader) {
    Referral referral = referrals.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, REFERRAL_NOT_FOUND));
    DropoutCase dropoutCase = cases.findById(referral.getCaseId()).orElseThrow();
    if (reader.isMemberOf(GroupIds.department(referral.getDepartmentUnit()))) {
      return views.of(referral, dropoutCase, referral.getStatus().isOpen(), reader.userId());
    }
    if (covers(dropoutCase, reader)) {
      return views.of(referral, dropoutCase, false);
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND, REFERRAL_NOT_FOUND);
  }

  /** The department accepts the referral, or rejects it with a reason. */
  @Transactional
  public ReferralView answer(Long id, Map<String, Object> body, Staff officer) {
    Referral referral = departmentsReferral(id, officer);
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), ANSWER_FIELDS, "转介答复");
    requireText(body, in);
    Decision decision = in.code("decision", Decision.class, text(body, "decision"), "答复（受理或拒收）");
    String reason = in.text("reason", text(body, "reason"), "拒收理由", decision == Decision.REJECT, MAX_ANSWER);
    in.check();
    if (referral.getStatus() != ReferralStatus.SENT) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该转介" + referral.getStatus().label() + "，不能再答复");
    }
    if (decision == Decision.ACCEPT) {
      referral.accept(officer.userId());
      record(referral, ReferralStep.Kind.ACCEPTED, officer.userId(), "decision=ACCEPT");
    } else {
      referral.reject(officer.userId(), reason);
      record(referral, ReferralStep.Kind.REJECTED, officer.userId(), "decision=REJECT;reason=" + reason);
    }
    complete(referral, ProcessKeys.ANSWER_REFERRAL, Map.of("referralAccepted", decision == Decision.ACCEPT));
    return views.of(referral, cases.findById(referral.getCaseId()).orElseThrow(), false);
  }

  /** The department records what it did and closes the referral. */
  @Transactional
  public ReferralView close(Long id, Map<String, Object> body, Staff officer) {
    Referral referral = departmentsReferral(id, officer);
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), CLOSE_FIELDS, "办理反馈");
    requireText(body, in);
    String action = in.text("actionTaken", text(body, "actionTaken"), "办理情况", true, MAX_ANSWER);
    in.check();
    if (referral.getStatus() != ReferralStatus.ACCEPTED) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该转介" + referral.getStatus().label() + "，不能办结");
    }
    referral.close(officer.userId(), action);
    record(referral, ReferralStep.Kind.CLOSED, officer.userId(), "actionTaken=" + action);
    complete(referral, ProcessKeys.RECORD_REFERRAL_ACTION, Map.of());
    return views.of(referral, cases.findById(referral.getCaseId()).orElseThrow(), false);
  }

  /**
   * The referral the department may act on: a referral of one of the officer's departments, which
   * she may also add evidence to while it is being worked.
   */
  @Transactional(readOnly = true)
  public Referral departmentsReferral(Long id, Staff officer) {
    return referrals.findById(id)
        .filter(referral -> officer.isMemberOf(GroupIds.department(referral.getDepartmentUnit())))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, REFERRAL_NOT_FOUND));
  }

  /**
   * 佐证材料 of what the department did, while it works the referral (accepted, not yet closed):
   * filed on the case, so that the case's helpers see it with the answer.
   */
  @Transactional
  public EvidenceItem addEvidence(Long id, AddEvidence upload, Staff officer) {
    Referral referral = departmentsReferral(id, officer);
    if (Inputs.trim(upload.step()) != null) {
      throw new InvalidCaseInputException("step", "转介的佐证材料不接受字段“step”：材料记在本转介名下");
    }
    if (referral.getStatus() != ReferralStatus.ACCEPTED) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该转介" + referral.getStatus().label() + "，受理后、办结前才能上传佐证材料");
    }
    return evidence.addOnReferral(upload, officer, cases.findById(referral.getCaseId()).orElseThrow(), referral.getId(),
        ProcessKeys.RECORD_REFERRAL_ACTION);
  }

  /**
   * The guard of the model's tasks (referral.bpmn): a task completes only after its step was
   * recorded here, so a completion through the engine's API — which would skip the department's
   * answer — is refused.
   */
  @Transactional(readOnly = true)
  public void requireRecorded(String processInstanceId, String taskKey) {
    Referral referral = referrals.findByProcessInstanceId(processInstanceId)
        .orElseThrow(() -> new InvalidCaseInputException("该流程没有对应的联控联保转介，不能办理（流程 " + processInstanceId + "）"));
    boolean recorded = ProcessKeys.ANSWER_REFERRAL.equals(taskKey) ? referral.getStatus() != ReferralStatus.SENT
        : referral.getStatus() == ReferralStatus.CLOSED;
    if (!recorded) {
      throw new InvalidCaseInputException("联控联保转介只能在转介页面上答复和办结");
    }
  }

  /** A referral whose task is overdue, with its case: what the escalation (督办) needs. */
  public record Overdue(Referral referral, DropoutCase dropoutCase) {}

  @Transactional(readOnly = true)
  public Optional<Overdue> overdue(String processInstanceId) {
    return referrals.findByProcessInstanceId(processInstanceId)
        .map(referral -> new Overdue(referral, cases.findById(referral.getCaseId()).orElseThrow()));
  }

  private void complete(Referral referral, String taskKey, Map<String, Object> variables) {
    withoutEngineAuthorization.run(() -> {
      Task task = taskService.createTaskQuery()
          .processInstanceId(referral.getProcessInstanceId())
          .taskDefinitionKey(taskKey)
          .singleResult();
      if (task == null) {
        throw new ResponseStatusException(HttpStatus.CONFLICT, "该转介当前没有待办的“" + (ProcessKeys.ANSWER_REFERRAL.equals(taskKey) ? "受理" : "办结") + "”环节");
      }
      taskService.complete(task.getId(), variables);
    });
  }

  private void record(Referral referral, ReferralStep.Kind kind, String actor, String detail) {
    String payload = "referral=" + referral.getId() + ";case=" + referral.getCaseId() + ";step=" + kind.name() + ";" + detail;
    ReferralStep step = steps.saveAndFlush(new ReferralStep(referral.getId(), kind, actor, payload));
    events.publishEvent(new ReferralRecorded(step.getId(), referral.getCaseId(), actor, payload));
  }

  private DropoutCase readableCase(String caseNumber, Staff reader) {
    return cases.findByCaseNumber(caseNumber == null ? "" : caseNumber)
        .filter(c -> covers(c, reader))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, CASE_NOT_FOUND));
  }

  private static boolean covers(DropoutCase c, Staff reader) {
    return reader.jurisdiction().covers(c.getSchoolCode(), c.getVillageCode(), c.getTownshipCode(), c.getCountyCode());
  }

  private static List<String> departmentUnits(Staff officer) {
    return officer.groupIds().stream()
        .filter(group -> GroupIds.kindOf(group) == GroupIds.Kind.DEPARTMENT)
        .map(GroupIds::unitCode)
        .toList();
  }

  private Integer workingDays(Object raw, Inputs in) {
    if (raw == null || raw instanceof String text && text.isBlank()) {
      return null;
    }
    Integer days = null;
    if (raw instanceof Integer number) {
      days = number;
    } else if (raw instanceof String text && text.trim().matches("[0-9]{1,3}")) {
      days = Integer.valueOf(text.trim());
    }
    if (days == null || days < 1 || days > maxWorkingDays) {
      in.problem("workingDays", "办理期限须为1至" + maxWorkingDays + "个工作日");
      return null;
    }
    return days;
  }

  /** The text fields of a request: an object or a list where text belongs is refused under its field. */
  private static void requireText(Map<String, Object> body, Inputs in) {
    body.forEach((field, value) -> {
      if (value != null && !(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
        in.problem(field, "“" + field + "”须为文字");
      }
    });
  }

  private static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
  }
}
