package cn.baoxue.workflow;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.escalation.Escalation;
import cn.baoxue.escalation.EscalationRepository;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case belongs to its process (CaseOfProcess): every step finds its case through the process
 * instance the intake linked it to, never through a {@code caseId} variable, and only a user who
 * answers for the case may record it. The 督办 likewise finds its escalation through its own process
 * instance. Each attack is done the way an administrator's mistake or a tampered variable would
 * leave it, and asserted refused (or landing on its own case) with the other case unchanged.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class CaseOfProcessTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired StaffDirectory staff;
  @Autowired DropoutCaseRepository cases;
  @Autowired EscalationRepository escalations;
  @Autowired JdbcTemplate jdbc;

  ActingUsers users;

  @BeforeEach
  void setUp() {
    users = new ActingUsers(engine, staff);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------- no intake, no step

  @Test
  void aProcessStartedPastTheIntakeRunsNoStepAsAUserOrAsTheAdministrator() {
    ProcessInstance nantai = reportAtNantai();
    DropoutCase target = caseOf(nantai);
    Map<String, Long> before = recordsOf(target);

    for (Map.Entry<String, Map<String, Object>> step : Map.of(
          "verify", Map.<String, Object>of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "FALSE_REPORT"),
          "issueReturnOrder", Map.<String, Object>of("orderDeadline", LocalDate.now().plusDays(10).toString(),
              "persuasionResult", "NOT_RETURNED", "persuasionNotes", "已送达"),
        "approveClosure", Map.<String, Object>of("closureDecision", "APPROVE", "closureComment", "同意销号")).entrySet()) {
      // Without skipping the listeners, the intake itself refuses a start that is no report.
      assertThatThrownBy(() -> startedHalfwayOn(target, step.getKey(), null, false))
          .isInstanceOf(InvalidCaseInputException.class)
          .hasMessageContaining("学生姓名不能为空");
      // As issue 15 found it (no business key), and naming the target by its number too.
      for (String businessKey : Arrays.asList(null, target.getCaseNumber())) {
        ProcessInstance forged = startedHalfwayOn(target, step.getKey(), businessKey, true);
        Task task = users.taskOf(forged.getId());
        String worker = step.getKey().equals("verify") ? "teacher-changan" : "official-jianshan";

        for (String user : List.of(worker, "admin")) {
          assertThatThrownBy(() -> users.complete(user, task.getId(), step.getValue()))
              .as("%s completing %s", user, step.getKey())
              .hasRootCauseInstanceOf(InvalidCaseInputException.class)
              .hasMessageContaining("该流程没有经上报登记的案件，不能办理");
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
        runtimeService.deleteProcessInstance(forged.getId(), "test");
      }
    }

    assertUnchanged(target, before);
  }

  // ---------------------------------------------------------------- a changed caseId

  @Test
  void aChangedCaseIdLeavesTheStepsOnTheProcesssOwnCase() {
    ProcessInstance changan = users.reportAtChangan();
    DropoutCase own = caseOf(changan);
    DropoutCase other = caseOf(reportAtNantai());
    Map<String, Long> otherBefore = recordsOf(other);

    // A process of the previous release carries its own case's id: it keeps working.
    runtimeService.setVariable(changan.getId(), "caseId", own.getId());
    users.complete("teacher-changan", users.taskOf(changan.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    // Changed by an administrator to another township's case: the steps stay on their own case.
    runtimeService.setVariable(changan.getId(), "caseId", other.getId());
    users.complete("official-jianshan", users.taskOf(changan.getId()).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));

    assertThat(cases.findById(own.getId()).orElseThrow().getVerifiedBy()).isEqualTo("teacher-changan");
    assertThat(count("helper_assignment", own)).isOne();
    assertThat(taskService.createTaskQuery().processInstanceId(changan.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("homeVisit");
    assertUnchanged(other, otherBefore);
  }

  // ---------------------------------------------------------------- the caller's jurisdiction

  @Test
  void aTeacherOfAnotherSchoolHoldingTheTaskCannotRecordTheStep() {
    ProcessInstance changan = users.reportAtChangan();
    DropoutCase target = caseOf(changan);
    Map<String, Long> before = recordsOf(target);
    Task verify = users.taskOf(changan.getId());
    // The engine lets an assignee work her task; an administrator gave it to 南台小学's teacher.
    taskService.setAssignee(verify.getId(), "teacher-nantai");

    assertThatThrownBy(() -> users.complete("teacher-nantai", verify.getId(),
            Map.of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "FALSE_REPORT")))
        .hasRootCauseInstanceOf(AuthorizationException.class)
        .hasMessageContaining("不在您的管辖范围内");

    assertThat(taskService.createTaskQuery().taskId(verify.getId()).count()).isOne();
    assertUnchanged(target, before);
  }

  @Test
  void anOfficialOfAnotherTownshipHoldingTheOrderTaskIssuesNoOrder() {
    ProcessInstance changan = users.reportAtChangan();
    DropoutCase target = caseOf(changan);
    runtimeService.createProcessInstanceModification(changan.getId())
        .cancelAllForActivity("verify").startBeforeActivity("issueReturnOrder").execute();
    Map<String, Long> before = recordsOf(target);
    Task order = users.taskOf(changan.getId());
    taskService.setAssignee(order.getId(), "official-nantai");

    assertThatThrownBy(() -> users.complete("official-nantai", order.getId(), Map.of(
            "orderDeadline", LocalDate.now().plusDays(10).toString(), "persuasionResult", "NOT_RETURNED", "persuasionNotes", "已送达")))
        .hasRootCauseInstanceOf(AuthorizationException.class)
        .hasMessageContaining("不在您的管辖范围内");

    assertThat(taskService.createTaskQuery().taskId(order.getId()).count()).isOne();
    assertUnchanged(target, before);
  }

  // ---------------------------------------------------------------- 督办 and its escalation

  @Test
  void a督办StartedWithoutItsEscalationActsOnNoTask() {
    ClockUtil.setCurrentTime(at(2026, 9, 30, 10));
    ProcessInstance changan = users.reportAtChangan();
    Task verify = users.taskOf(changan.getId());
    missTheDeadline(verify);
    Escalation escalation = escalations.findByTaskIdAndSupervisionProcessIdNotNull(verify.getId()).get(0);
    long actionsBefore = jdbc.queryForObject("select count(*) from supervision_action", Long.class);

    ProcessInstance forged = runtimeService.createProcessInstanceByKey("supervision")
        .businessKey(changan.getBusinessKey())
        .setVariables(Map.of("escalationId", escalation.getId(), "supervisorGroup", "township_530627205",
            "overdueTaskId", verify.getId(), "overdueTaskName", "核实是否辍学"))
        .execute();
    Task supervise = users.taskOf(forged.getId());

    for (String user : List.of("official-jianshan", "admin")) {
      assertThatThrownBy(() -> users.complete(user, supervise.getId(),
              Map.of("supervisionAction", "TAKE_OVER", "supervisionNotes", "乡镇直接核实")))
          .hasRootCauseInstanceOf(InvalidCaseInputException.class)
          .hasMessageContaining("该督办流程没有对应的逾期督办记录");
    }
    assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from supervision_action", Long.class)).isEqualTo(actionsBefore);
  }

  @Test
  void aChangedEscalationIdLeavesThe督办OnItsOwnEscalation() {
    ClockUtil.setCurrentTime(at(2026, 9, 30, 10));
    ProcessInstance changan = users.reportAtChangan();
    ProcessInstance nantai = reportAtNantai();
    Task changanVerify = users.taskOf(changan.getId());
    Task nantaiVerify = users.taskOf(nantai.getId());
    missTheDeadline(changanVerify);
    missTheDeadline(nantaiVerify);
    Escalation other = escalations.findByTaskIdAndSupervisionProcessIdNotNull(nantaiVerify.getId()).get(0);
    Task supervise = supervisionTaskOf(changanVerify);

    runtimeService.setVariable(supervise.getProcessInstanceId(), "escalationId", other.getId());
    users.complete("official-jianshan", supervise.getId(), Map.of("supervisionAction", "TAKE_OVER", "supervisionNotes", "乡镇直接核实"));

    assertThat(taskService.createTaskQuery().taskId(changanVerify.getId()).singleResult().getAssignee())
        .isEqualTo("official-jianshan");
    assertThat(taskService.createTaskQuery().taskId(nantaiVerify.getId()).singleResult().getAssignee()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from supervision_action where escalation_id = ?", Long.class, other.getId()))
        .isZero();
  }

  @Test
  void aTeacherOfAnotherSchoolHoldingThe督办CannotActOnIt() {
    ClockUtil.setCurrentTime(at(2026, 9, 30, 10));
    ProcessInstance changan = users.reportAtChangan();
    Task verify = users.taskOf(changan.getId());
    missTheDeadline(verify);
    Task supervise = supervisionTaskOf(verify);
    long actionsBefore = jdbc.queryForObject("select count(*) from supervision_action", Long.class);
    taskService.setAssignee(supervise.getId(), "teacher-nantai");

    assertThatThrownBy(() -> users.complete("teacher-nantai", supervise.getId(),
            Map.of("supervisionAction", "TAKE_OVER", "supervisionNotes", "我来办")))
        .hasRootCauseInstanceOf(AuthorizationException.class)
        .hasMessageContaining("不在您的管辖范围内");

    assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isNull();
    assertThat(taskService.createTaskQuery().taskId(supervise.getId()).count()).isOne();
    assertThat(jdbc.queryForObject("select count(*) from supervision_action", Long.class)).isEqualTo(actionsBefore);
  }

  // ---------------------------------------------------------------- helpers

  /** teacher-nantai reports a child of 南台小学: another school, village and township than 长安's. */
  private ProcessInstance reportAtNantai() {
    Map<String, Object> boy = TestStudents.changanGirl();
    boy.put("studentName", "李小军");
    boy.put("schoolCode", TestStudents.NANTAI_SCHOOL);
    boy.put("villageCode", TestStudents.NANTAI_VILLAGE);
    return users.as("teacher-nantai", () -> runtimeService.createProcessInstanceByKey("dropout-case").setVariables(boy).execute());
  }

  /**
   * What the attack of issue 15 left: a process started at a step, past the intake, naming the
   * target case by its id (and, if given, by its number as business key), routed to the attacker's
   * own school and township.
   */
  private ProcessInstance startedHalfwayOn(DropoutCase target, String activityId, String businessKey, boolean skipListeners) {
    return runtimeService.createProcessInstanceByKey("dropout-case")
        .businessKey(businessKey)
        .startBeforeActivity(activityId)
        .setVariables(Map.of("caseId", target.getId(), "caseNumber", target.getCaseNumber(),
            "schoolGroup", "school_" + TestStudents.CHANGAN_SCHOOL, "villageGroup", "village_" + TestStudents.CHANGAN_VILLAGE,
            "townshipGroup", "township_530627205", "countyGroup", "county_530627",
            "townshipCode", "530627205", "countyCode", "530627"))
        .execute(skipListeners, skipListeners);
  }

  private DropoutCase caseOf(ProcessInstance pi) {
    return cases.findByProcessInstanceId(pi.getId()).orElseThrow();
  }

  /** What a step may write on a case: its rows in each step's table. */
  private Map<String, Long> recordsOf(DropoutCase dropoutCase) {
    return Map.of(
        "closure_review", count("closure_review", dropoutCase),
        "return_order", count("return_order", dropoutCase),
        "persuasion_attempt", count("persuasion_attempt", dropoutCase),
        "case_document", count("case_document", dropoutCase),
        "helper_assignment", count("helper_assignment", dropoutCase));
  }

  private long count(String table, DropoutCase dropoutCase) {
    return jdbc.queryForObject("select count(*) from " + table + " where case_id = ?", Long.class, dropoutCase.getId());
  }

  /** Status, verification, closure and the open ledger as before, and no row of any step added. */
  private void assertUnchanged(DropoutCase before, Map<String, Long> recordsBefore) {
    DropoutCase now = cases.findById(before.getId()).orElseThrow();
    assertThat(now.getStatus()).isEqualTo(before.getStatus());
    assertThat(now.getVerifyResult()).isEqualTo(before.getVerifyResult());
    assertThat(now.getVerifiedBy()).isEqualTo(before.getVerifiedBy());
    assertThat(now.getRung()).isEqualTo(before.getRung());
    assertThat(now.isOpen()).isTrue();
    assertThat(now.getClosedAt()).isNull();
    assertThat(recordsOf(now)).isEqualTo(recordsBefore);
  }

  /** Monday 12 October, the first working day after the verify deadline: the timer fires. */
  private void missTheDeadline(Task task) {
    ClockUtil.setCurrentTime(at(2026, 10, 12, 9));
    String timer = engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
        .activityId(task.getTaskDefinitionKey()).timers().singleResult().getId();
    engine.getManagementService().executeJob(timer);
  }

  private Task supervisionTaskOf(Task overdue) {
    Escalation escalation = escalations.findByTaskIdAndSupervisionProcessIdNotNull(overdue.getId()).get(0);
    return taskService.createTaskQuery().processInstanceId(escalation.getSupervisionProcessId()).singleResult();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CHINA).toInstant());
  }
}
