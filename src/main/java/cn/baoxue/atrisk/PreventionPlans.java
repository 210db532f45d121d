package cn.baoxue.atrisk;

import cn.baoxue.atrisk.AtRiskRegister.Flag;
import cn.baoxue.atrisk.AtRiskRegister.FlagConfirmed;
import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.cases.DropoutReason;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.kernel.process.CaseStarter;
import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.notifications.Notifications;
import cn.baoxue.org.Roles;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.security.WithoutEngineAuthorization;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prevention plans (一对一帮扶): each flag the principal confirms starts {@code prevention-plan.bpmn};
 * the school names the pupil's one-to-one teacher and the plan's actions, reviews it every month,
 * and closes it when the risk is lifted. A missed review is recorded and sent to the township,
 * which urges the school. If the pupil leaves school, the plan's history opens her dropout case
 * through {@link CaseStarter} (source PREVENTION) and stays on the case's timeline.
 */
@Service
public class PreventionPlans {

  /** Variables of the process: ids and groups only. */
  static final String PLAN_ID = "planId";
  static final String SCHOOL_GROUP = "schoolGroup";
  static final String SUPERIOR_GROUP = "superiorGroup";
  static final String REVIEW_DUE = "reviewDue";
  /** Days between two reviews (每月回访). */
  static final int REVIEW_DAYS = 30;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One plan as kept. */
  public record Plan(long id, long flagId, long studentId, String schoolCode, String townshipCode, String helper, String actions,
      String status, String caseNumber) {}

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final WithoutEngineAuthorization asSystem;
  private final AtRiskRegister register;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final CaseStarter caseStarter;
  private final AuditTrail auditTrail;
  private final Roles roles;

  PreventionPlans(JdbcClient jdbc, RuntimeService runtime, WithoutEngineAuthorization asSystem, AtRiskRegister register,
      StaffDirectory staff, Notifications notifications, CaseStarter caseStarter, AuditTrail auditTrail, Roles roles) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.register = register;
    this.staff = staff;
    this.notifications = notifications;
    this.caseStarter = caseStarter;
    this.auditTrail = auditTrail;
    this.roles = roles;
  }

  /** The principal confirmed: the plan opens in the same transaction, its process started by the system. */
  @EventListener
  @Transactional
  public void open(FlagConfirmed confirmed) {
    Flag flag = register.find(confirmed.flagId()).orElseThrow();
    jdbc.sql("insert into prevention_plan (flag_id, student_id, school_code, village_code, township_code, county_code, status, opened_at)"
            + " values (?, ?, ?, ?, ?, ?, 'OPEN', ?)")
        .params(flag.id(), flag.studentId(), flag.schoolCode(), flag.villageCode(), flag.townshipCode(), flag.countyCode(),
            BeijingTime.now()).update();
    long planId = jdbc.sql("select id from prevention_plan where flag_id = ?").param(flag.id()).query(Long.class).single();
    Map<String, Object> variables = new HashMap<>();
    variables.put(PLAN_ID, planId);
    variables.put(SCHOOL_GROUP, GroupIds.school(flag.schoolCode()));
    variables.put(SUPERIOR_GROUP, GroupIds.township(flag.townshipCode()));
    String processId = asSystem.call(() -> runtime.startProcessInstanceByKey(ProcessKeys.PREVENTION_PLAN, "风险-" + flag.id(), variables)
        .getProcessInstanceId());
    jdbc.sql("update prevention_plan set process_instance_id = ? where id = ?").params(processId, planId).update();
  }

  /** {@code makePreventionPlan} completed: the one-to-one teacher, a member of the school, and the actions with their dates. */
  @Transactional
  public void recordPlan(long planId, String helperRaw, String actionsRaw, String actor) {
    Plan plan = plan(planId);
    Inputs in = new Inputs();
    String helper = in.text("helper", helperRaw, "一对一帮扶教师", true, 64);
    if (helper != null && in.fine("helper") && (staff.user(helper) == null
        || !staff.groupIdsOf(helper).contains(GroupIds.school(plan.schoolCode())))) {
      in.problem("helper", "一对一帮扶教师须是本校教师：" + helper);
    }
    String actions = in.notes("actions", actionsRaw, "帮扶措施和时间安排", true);
    in.check();
    jdbc.sql("update prevention_plan set helper = ?, actions = ?, planned_at = ? where id = ?")
        .params(helper, actions, BeijingTime.now(), planId).update();
  }

  /** The next monthly review's due time, from now. */
  public java.util.Date nextReviewDue() {
    return java.util.Date.from(BeijingTime.now().plusDays(REVIEW_DAYS).atZone(BeijingTime.zone()).toInstant());
  }

  /** {@code reviewPreventionPlan} completed: continue, lifted, or left school. */
  @Transactional
  public PlanOutcome recordReview(long planId, String outcomeRaw, String notesRaw, String actor) {
    plan(planId);
    Inputs in = new Inputs();
    PlanOutcome outcome = in.code("reviewOutcome", PlanOutcome.class, outcomeRaw, "回访结论");
    String notes = in.notes("reviewNotes", notesRaw, "回访情况", true);
    in.check();
    jdbc.sql("insert into prevention_review (plan_id, entry_kind, outcome, notes, recorded_by, recorded_at) values (?, 'REVIEW', ?, ?, ?, ?)")
        .params(planId, outcome.name(), notes, actor, BeijingTime.now()).update();
    return outcome;
  }

  /** The review's due time passed: recorded, and the township told; the late task's priority rises. */
  @Transactional
  public void recordMissedReview(long planId, java.util.Date due, String superiorGroup) {
    Plan plan = plan(planId);
    jdbc.sql("insert into prevention_review (plan_id, entry_kind, due_at, recorded_by, recorded_at) values (?, 'MISSED', ?, ?, ?)")
        .params(planId, due == null ? null : BeijingTime.of(due), "system", BeijingTime.now()).update();
    String pupil = jdbc.sql("select name from student where id = ?").param(plan.studentId()).query(String.class).single();
    notifications.escalated(superiorGroup, null, null, "预防帮扶计划逾期未回访：" + roles.group(GroupIds.school(plan.schoolCode()))
        + "学生" + pupil + "的月度回访已过期限，请督促学校回访");
  }

  /** The township urged the school. */
  @Transactional
  public void recordUrging(long planId, String noteRaw, String actor) {
    plan(planId);
    Inputs in = new Inputs();
    String note = in.notes("urgeNote", noteRaw, "督促意见", true);
    in.check();
    jdbc.sql("insert into prevention_review (plan_id, entry_kind, notes, recorded_by, recorded_at) values (?, 'URGED', ?, ?, ?)")
        .params(planId, note, actor, BeijingTime.now()).update();
  }

  /** The review found the risk lifted: the plan closes, and the register shows the flag lifted. */
  @Transactional
  public void closeLifted(long planId) {
    Plan plan = plan(planId);
    jdbc.sql("update prevention_plan set status = 'LIFTED', closed_at = ? where id = ?").params(BeijingTime.now(), planId).update();
    register.closeByPlan(plan.flagId(), FlagStatus.LIFTED);
  }

  /**
   * The pupil left school: her dropout case opens through the one case start, as the system's own
   * entry path, carrying the plan's history in its report notes; the plan's steps are written onto
   * the case's timeline.
   */
  @Transactional
  public String openCase(long planId, String actor) {
    Plan plan = plan(planId);
    Map<String, Object> pupil = jdbc.sql("select name, id_number, gender, birth_date, school_code, grade, village_code, guardian_name,"
            + " guardian_phone, special_groups from student where id = ?").param(plan.studentId()).query().singleRow();
    List<Map<String, Object>> reviews = jdbc.sql("select entry_kind, outcome, notes, recorded_by, recorded_at from prevention_review"
        + " where plan_id = ? order by id").param(planId).query().listOfRows();
    String history = "预防帮扶计划（风险预警确认后一对一帮扶）：帮扶教师" + (plan.helper() == null ? "未指定" : roles.name(plan.helper()))
        + "；措施：" + (plan.actions() == null ? "无" : plan.actions()) + "；回访" + reviews.stream()
        .filter(r -> "REVIEW".equals(v(r, "entry_kind"))).count() + "次，最后一次：" + reviews.stream()
        .filter(r -> "REVIEW".equals(v(r, "entry_kind"))).reduce((a, b) -> b).map(r -> String.valueOf(v(r, "notes"))).orElse("无");
    String caseNumber = caseStarter.start(new CaseStart(
        (String) v(pupil, "name"), (String) v(pupil, "id_number"), (String) v(pupil, "gender"), String.valueOf(v(pupil, "birth_date")),
        (String) v(pupil, "school_code"), String.valueOf(v(pupil, "grade")), (String) v(pupil, "village_code"),
        (String) v(pupil, "guardian_name"), (String) v(pupil, "guardian_phone"), DropoutReason.OTHER.name(),
        CaseSource.PREVENTION.name(), (String) v(pupil, "special_groups"), history.length() > 1900 ? history.substring(0, 1900) : history));
    jdbc.sql("update prevention_plan set status = 'LEFT_SCHOOL', case_number = ?, closed_at = ? where id = ?")
        .params(caseNumber, BeijingTime.now(), planId).update();
    register.closeByPlan(plan.flagId(), FlagStatus.LEFT_SCHOOL);
    Long caseId = jdbc.sql("select id from dropout_case where case_number = ?").param(caseNumber).query(Long.class).single();
    timeline(caseId, planId, actor, "预防帮扶计划开始：风险预警经校长确认，帮扶教师" + (plan.helper() == null ? "未指定" : roles.name(plan.helper()))
        + "，措施：" + plan.actions());
    for (Map<String, Object> review : reviews) {
      String when = DAY.format(((java.sql.Timestamp) v(review, "recorded_at")).toLocalDateTime());
      String text = switch (String.valueOf(v(review, "entry_kind"))) {
        case "REVIEW" -> when + " 月度回访（" + PlanOutcome.valueOf(String.valueOf(v(review, "outcome"))).label() + "）：" + v(review, "notes");
        case "MISSED" -> when + " 月度回访逾期，已通知乡镇";
        default -> when + " 乡镇督促回访：" + v(review, "notes");
      };
      timeline(caseId, planId, String.valueOf(v(review, "recorded_by")), text);
    }
    return caseNumber;
  }

  private void timeline(long caseId, long planId, String actor, String description) {
    try {
      auditTrail.append(AuditEntry.Kind.PREVENTION_PLAN, planId, caseId, actor,
          JSON.writeValueAsString(Map.of("step", "prevention", "description", description)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Plan plan(long planId) {
    return jdbc.sql("select id, flag_id, student_id, school_code, township_code, helper, actions, status, case_number from prevention_plan"
            + " where id = ?").param(planId)
        .query((rs, row) -> new Plan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getString(9)))
        .optional().orElseThrow(() -> new IllegalStateException("no prevention plan " + planId));
  }

  private static Object v(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value != null ? value : row.get(column.toUpperCase());
  }

}
