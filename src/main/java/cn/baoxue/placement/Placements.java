package cn.baoxue.placement;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.security.WithoutEngineAuthorization;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 残疾儿童安置: the county bureau or a township registers a disabled child of compulsory age; the
 * registration starts {@code processes/disabled-placement.bpmn}, whose one user task offers the
 * assessment to the county's expert committee (残疾人教育专家委员会). The committee decides the
 * placement in Tasklist (the form {@code forms/assess-placement.form}) or on the placement page;
 * either way the model's step “记录安置结果” records it here, checked by the one rule below.
 */
@Service
public class Placements {

  /** What a registration accepts. */
  public static final Set<String> FIELDS = Set.of("idNumber", "name", "category", "level", "villageCode", "schoolCode");
  /** What an assessment accepts: the fields of forms/assess-placement.form that the committee fills. */
  public static final Set<String> DECISION_FIELDS =
      Set.of("placement", "assessmentNote", "deferralReason", "deferralAppliedOn", "deliveryTeachers");
  static final String ASSESS_TASK = "assessPlacement";
  private static final String NOT_FOUND = "没有找到该残疾儿童记录，或不在您的管辖范围内";

  private final DisabledChildRepository children;
  private final JdbcClient jdbc;
  private final OrgTree orgTree;
  private final StaffDirectory staff;
  private final AuditTrail auditTrail;
  private final EntityManager entityManager;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final WithoutEngineAuthorization withoutEngineAuthorization;
  private final int minAge;
  private final int maxAge;

  Placements(DisabledChildRepository children, JdbcClient jdbc, OrgTree orgTree, StaffDirectory staff, AuditTrail auditTrail,
      EntityManager entityManager, RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
      WithoutEngineAuthorization withoutEngineAuthorization,
      @Value("${baoxue.placement.min-age:6}") int minAge, @Value("${baoxue.placement.max-age:15}") int maxAge) {
    this.children = children;
    this.jdbc = jdbc;
    this.orgTree = orgTree;
    this.staff = staff;
    this.auditTrail = auditTrail;
    this.entityManager = entityManager;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
    this.minAge = minAge;
    this.maxAge = maxAge;
  }

  /** Whether she registers disabled children: the county bureau's and the townships' staff. */
  public boolean mayRegister(Staff registrar) {
    return registrar.groupIds().stream().map(GroupIds::kindOf)
        .anyMatch(kind -> kind == GroupIds.Kind.TOWNSHIP || kind == GroupIds.Kind.COUNTY);
  }

  /** Whether she sits on the expert committee of the child's county. */
  public boolean mayAssess(DisabledChild child, Staff assessor) {
    return assessor.isMemberOf(GroupIds.experts(child.getCountyCode()));
  }

  /** Registers a child from the request's body and offers her to the committee: all of it or, on any problem, nothing. */
  @Transactional
  public DisabledChild register(Map<String, Object> body, Staff registrar) {
    if (!mayRegister(registrar)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有县教育局和乡镇可以登记残疾儿童");
    }
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), FIELDS, "残疾儿童登记");
    IdNumber idNumber = in.idNumber("idNumber", text(body, "idNumber"));
    String name = in.personName("name", text(body, "name"), "儿童姓名", true, 64);
    DisabilityCategory category = in.code("category", DisabilityCategory.class, text(body, "category"), "残疾类别");
    DisabilityLevel level = in.code("level", DisabilityLevel.class, text(body, "level"), "残疾等级");
    if (idNumber != null) {
      idNumber.birthDate().ifPresent(born -> {
        int age = Period.between(born, BeijingTime.today()).getYears();
        if (age < minAge || age > maxAge) {
          in.problem("idNumber", "该儿童" + age + "周岁，不在义务教育适龄范围（" + minAge + "–" + maxAge + "周岁）内");
        }
      });
      if (children.existsByIdNumber(idNumber.value())) {
        in.problem("idNumber", "该儿童已在残疾儿童安置台账中，不能重复登记");
      }
    }
    CaseJurisdiction place = orgTree.placeOf(text(body, "villageCode"), text(body, "schoolCode"), "户籍村", registrar.jurisdiction(), in);
    in.check();
    String group = registrar.isMemberOf(place.townshipGroup()) ? place.townshipGroup() : place.countyGroup();
    DisabledChild child = children.saveAndFlush(
        new DisabledChild(idNumber.value(), name, category, level, place, registrar.userId(), group));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("childId", child.getId());
    variables.put("childName", child.getName());
    variables.put("disability", category.label() + level.label());
    variables.put("placeName", placeName(child));
    variables.put("expertsGroup", GroupIds.experts(child.getCountyCode()));
    variables.put("schoolGroup", child.getSchoolCode() == null ? null : GroupIds.school(child.getSchoolCode()));
    variables.put("townshipGroup", GroupIds.township(child.getTownshipCode()));
    variables.put("countyGroup", GroupIds.county(child.getCountyCode()));
    String instance = withoutEngineAuthorization.call(() -> runtimeService
        .startProcessInstanceByKey(ProcessKeys.DISABLED_PLACEMENT, String.valueOf(child.getId()), variables).getId());
    child.startedAs(instance);
    auditTrail.append(AuditEntry.Kind.DISABLED_CHILD, child.getId(), null, registrar.userId(), PlacementAudit.of(child));
    return child;
  }

  /**
   * The committee's decision from the placement page or a script: checked here, then given to the
   * engine as the task's variables, so the model's step records it as it records one from Tasklist.
   */
  @Transactional
  public DisabledChild assess(long childId, Map<String, Object> body, Staff assessor) {
    DisabledChild child = requireVisible(childId, assessor);
    if (!mayAssess(child, assessor)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本县残疾人教育专家委员会可以评估安置");
    }
    if (child.getPlacement() != null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该儿童已评估安置，不能重复评估");
    }
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), DECISION_FIELDS, "评估安置");
    Decision decision = read(child, body, in);
    in.check();
    Task task = withoutEngineAuthorization.call(() -> taskService.createTaskQuery()
        .processInstanceId(child.getProcessInstanceId()).taskDefinitionKey(ASSESS_TASK).singleResult());
    if (task == null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该儿童当前没有待办的评估安置任务");
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("placement", decision.placement().name());
    variables.put("assessmentNote", decision.note());
    variables.put("deferralReason", decision.deferralReason());
    variables.put("deferralAppliedOn", decision.deferralAppliedOn() == null ? null : decision.deferralAppliedOn().toString());
    variables.put("deliveryTeachers", decision.teachers().isEmpty() ? null : String.join(",", decision.teachers()));
    identityService.setAuthentication(assessor.userId(), assessor.groupIds());
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
    return children.findById(childId).orElseThrow();
  }

  /** A decision, checked. */
  record Decision(Placement placement, String note, String deferralReason, LocalDate deferralAppliedOn, List<String> teachers) {}

  /**
   * Records the decision that completed the committee's task (the model's step “记录安置结果”): the
   * task's variables, checked by the same rule as the page's, by whom the engine says completed it.
   */
  @Transactional
  public DisabledChild record(String processInstanceId, Map<String, Object> variables, String assessorId, Collection<String> assessorGroups) {
    DisabledChild child = children.findByProcessInstanceId(processInstanceId)
        .orElseThrow(() -> new InvalidCaseInputException("该流程没有对应的残疾儿童记录（流程 " + processInstanceId + "）"));
    if (assessorId == null || !assessorGroups.contains(GroupIds.experts(child.getCountyCode()))) {
      throw new InvalidCaseInputException("只有本县残疾人教育专家委员会可以评估安置");
    }
    Map<String, Object> decided = new LinkedHashMap<>();
    DECISION_FIELDS.forEach(field -> decided.put(field, variables.get(field)));
    Inputs in = new Inputs();
    Decision decision = read(child, decided, in);
    in.check();
    child.place(decision.placement(), decision.note(), decision.deferralReason(), decision.deferralAppliedOn(), assessorId);
    jdbc.sql("delete from home_delivery_teacher where child_id = :child").param("child", child.getId()).update();
    decision.teachers().forEach(teacher -> jdbc.sql("insert into home_delivery_teacher (child_id, teacher) values (:child, :teacher)")
        .param("child", child.getId()).param("teacher", teacher).update());
    children.saveAndFlush(child);
    auditTrail.append(AuditEntry.Kind.PLACEMENT_DECISION, child.getId(), null, assessorId, PlacementAudit.decision(child, decision.teachers()));
    return child;
  }

  /**
   * The one rule of a decision: a placement; 延缓入学 only on the family's application, with its
   * reason and date (not after today); 送教上门 with one or more teachers of the child's school or
   * township; teachers for no other placement.
   */
  private Decision read(DisabledChild child, Map<String, Object> body, Inputs in) {
    Placement placement = in.code("placement", Placement.class, text(body, "placement"), "安置方式");
    if (placement == null && in.fine("placement")) {
      in.problem("placement", "请选择安置方式");
    }
    String note = in.notes("assessmentNote", text(body, "assessmentNote"), "评估意见", false);
    String reason = in.notes("deferralReason", text(body, "deferralReason"), "延缓入学申请理由", false);
    LocalDate appliedOn = text(body, "deferralAppliedOn") == null ? null
        : in.date("deferralAppliedOn", text(body, "deferralAppliedOn"), "延缓入学申请日期");
    List<String> teachers = teachers(body.get("deliveryTeachers"));
    if (placement == Placement.DEFERRED) {
      if (reason == null) {
        in.problem("deferralReason", "延缓入学须依家长申请，请填写申请理由");
      }
      if (appliedOn == null && in.fine("deferralAppliedOn")) {
        in.problem("deferralAppliedOn", "延缓入学须依家长申请，请填写申请日期");
      } else if (appliedOn != null && appliedOn.isAfter(BeijingTime.today())) {
        in.problem("deferralAppliedOn", "申请日期不能晚于今天");
      }
    } else if (placement != null) {
      if (reason != null) {
        in.problem("deferralReason", "只有延缓入学才填写申请理由");
      }
      if (appliedOn != null) {
        in.problem("deferralAppliedOn", "只有延缓入学才填写申请日期");
      }
    }
    if (placement == Placement.HOME_DELIVERED) {
      if (teachers.isEmpty()) {
        in.problem("deliveryTeachers", "送教上门须指定至少一名送教教师");
      }
      Set<String> allowed = Set.copyOf(teacherChoices(child));
      teachers.stream().filter(teacher -> !allowed.contains(teacher))
          .forEach(teacher -> in.problem("deliveryTeachers", "送教教师须是该儿童所在学校或乡镇的工作人员：" + teacher));
    } else if (placement != null && !teachers.isEmpty()) {
      in.problem("deliveryTeachers", "只有送教上门才指定送教教师");
    }
    return new Decision(placement, note, reason, appliedOn, teachers);
  }

  /** Who may deliver 送教上门 to the child: the staff of her school (if any) and of her township, each once. */
  public List<String> teacherChoices(DisabledChild child) {
    Set<String> ids = new LinkedHashSet<>();
    if (child.getSchoolCode() != null) {
      staff.membersOf(GroupIds.school(child.getSchoolCode())).forEach(user -> ids.add(user.getId()));
    }
    staff.membersOf(GroupIds.township(child.getTownshipCode())).forEach(user -> ids.add(user.getId()));
    return List.copyOf(ids);
  }

  /** The teachers who deliver 送教上门 to the child. */
  public List<String> teachersOf(long childId) {
    return jdbc.sql("select teacher from home_delivery_teacher where child_id = :child order by teacher")
        .param("child", childId).query(String.class).list();
  }

  /** The child, if this member of staff may read her; 404 otherwise, whether or not she exists. */
  @Transactional(readOnly = true)
  public DisabledChild requireVisible(long childId, Staff reader) {
    return children.findById(childId)
        .filter(child -> covers(reader, child) || teachersOf(child.getId()).contains(reader.userId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND));
  }

  /** The children she reads: those of her jurisdiction (a committee: its county's) and those she delivers 送教上门 to. */
  @Transactional(readOnly = true)
  public List<DisabledChild> visibleTo(Staff reader) {
    Jurisdiction.SqlScope scope = reader.jurisdiction().forDisabledChildren()
        .sqlScope("d.schoolCode", "d.villageCode", "d.townshipCode", "d.countyCode");
    List<Long> delivered = new ArrayList<>(jdbc.sql("select child_id from home_delivery_teacher where teacher = :me")
        .param("me", reader.userId()).query(Long.class).list());
    delivered.add(-1L);
    TypedQuery<DisabledChild> query = entityManager.createQuery(
        "select d from DisabledChild d where " + scope.condition() + " or d.id in (:mine) order by d.id desc", DisabledChild.class);
    scope.params().forEach(query::setParameter);
    return query.setParameter("mine", delivered).getResultList();
  }

  static boolean covers(Staff reader, DisabledChild child) {
    return reader.jurisdiction().forDisabledChildren()
        .covers(child.getSchoolCode(), child.getVillageCode(), child.getTownshipCode(), child.getCountyCode());
  }

  String placeName(DisabledChild child) {
    return orgTree.name(child.getTownshipCode()) + orgTree.name(child.getVillageCode())
        + (child.getSchoolCode() == null ? "" : "，" + orgTree.name(child.getSchoolCode()));
  }


  /** Teachers as Tasklist's taglist sends them (a list) or as one comma-separated text. */
  private static List<String> teachers(Object raw) {
    List<String> ids = new ArrayList<>();
    if (raw instanceof Collection<?> list) {
      list.forEach(item -> add(ids, String.valueOf(item)));
    } else if (raw != null) {
      // A taglist submitted by Tasklist arrives as JSON text: ["id1","id2"].
      String text = String.valueOf(raw).trim();
      if (text.startsWith("[") && text.endsWith("]")) {
        text = text.substring(1, text.length() - 1).replace("\"", "");
      }
      for (String part : text.split("[,，]")) {
        add(ids, part);
      }
    }
    return ids;
  }

  private static void add(List<String> ids, String raw) {
    String id = Inputs.trim(raw);
    if (id != null && !ids.contains(id)) {
      ids.add(id);
    }
  }

  static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    return value == null ? null : String.valueOf(value);
  }
}
