package cn.baoxue.atrisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.QuickTier;
import cn.baoxue.testing.TestStudents;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/prevention-plan.bpmn in the engine: 长安村小学's principal confirms a flag, which starts
 * the plan; the school names the one-to-one teacher and reviews monthly. Each path — continued then
 * lifted; a missed review urged by 尖山乡 with the engine clock moved past its due date; the pupil
 * left school and her dropout case opened from the plan — with candidate groups and variables.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class PreventionPlanProcessTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String SCHOOL_GROUP = "school_" + TestStudents.CHANGAN_SCHOOL;
  static final String TOWNSHIP_GROUP = "township_530627205";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired StaffDirectory staff;
  @Autowired AtRiskRegister register;
  @Autowired JdbcTemplate jdbc;

  ActingUsers users;

  @BeforeEach
  void tuesdayEighthOfDecember() {
    users = new ActingUsers(engine, staff);
    ClockUtil.setCurrentTime(at(2026, 12, 8, 10));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void confirmedPlannedContinuedThenLifted() {
    long flag = confirmedFlag("帮扶甲");
    String pi = processOf(flag);
    Task plan = users.taskOf(pi);
    assertThat(plan.getTaskDefinitionKey()).isEqualTo("makePreventionPlan");
    assertThat(candidateGroups(plan)).containsExactly(SCHOOL_GROUP);
    assertThat(runtimeService.getVariables(pi).keySet()).containsExactlyInAnyOrder("planId", "schoolGroup", "superiorGroup");
    assertThat(runtimeService.getVariable(pi, "superiorGroup")).isEqualTo(TOWNSHIP_GROUP);
    assertThat(taskService.getVariableLocal(plan.getId(), PreventionPlanListener.TEACHER_CHOICES).toString()).contains("teacher-changan",
        "李明华");

    // A helper from another school is refused; nothing moves.
    assertThatThrownBy(() -> users.complete("principal-changan", plan.getId(), Map.of("helper", "teacher-nantai", "actions", "补课")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class);
    users.complete("principal-changan", plan.getId(), Map.of("helper", "teacher-changan",
        "actions", "12月10日前家访；每周谈心一次；数学每周补课两次"));
    assertThat(jdbc.queryForMap("select helper, status from prevention_plan where flag_id = ?", flag))
        .containsEntry("HELPER", "teacher-changan").containsEntry("STATUS", "OPEN");

    Task review = users.taskOf(pi);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewPreventionPlan");
    assertThat(candidateGroups(review)).containsExactly(SCHOOL_GROUP);
    assertThat(review.getDueDate()).isEqualTo(at(2027, 1, 7, 10));
    users.complete("teacher-changan", review.getId(), Map.of("reviewOutcome", "CONTINUE", "reviewNotes", "出勤正常，数学有进步"));

    Task second = users.taskOf(pi);
    assertThat(second.getTaskDefinitionKey()).isEqualTo("reviewPreventionPlan");
    users.complete("teacher-changan", second.getId(), Map.of("reviewOutcome", "LIFTED", "reviewNotes", "连续两月全勤，成绩及格"));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(passed(pi)).containsExactly("flagConfirmed", "makePreventionPlan", "scheduleReviewMerge", "scheduleReview",
        "reviewPreventionPlan", "reviewOutcomeGateway", "scheduleReviewMerge", "scheduleReview", "reviewPreventionPlan",
        "reviewOutcomeGateway", "closePlanLifted", "planLifted");
    assertThat(jdbc.queryForObject("select status from risk_flag where id = ?", String.class, flag)).isEqualTo("LIFTED");
    assertThat(jdbc.queryForObject("select status from prevention_plan where flag_id = ?", String.class, flag)).isEqualTo("LIFTED");
    assertThat(jdbc.queryForList("select r.outcome from prevention_review r join prevention_plan p on p.id = r.plan_id"
        + " where p.flag_id = ? order by r.id", String.class, flag)).containsExactly("CONTINUE", "LIFTED");
  }

  @Test
  void aMissedMonthlyReviewIsRecordedRaisedAndUrgedByTheTownship() {
    long flag = confirmedFlag("帮扶乙");
    String pi = processOf(flag);
    users.complete("principal-changan", users.taskOf(pi).getId(), Map.of("helper", "teacher-changan", "actions", "每周家访一次"));
    Task review = users.taskOf(pi);
    Job timer = managementService.createJobQuery().processInstanceId(pi).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(at(2027, 1, 7, 10));

    ClockUtil.setCurrentTime(at(2027, 1, 8, 9));
    managementService.executeJob(timer.getId());

    List<Task> open = taskService.createTaskQuery().processInstanceId(pi).orderByTaskName().asc().list();
    assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("reviewPreventionPlan", "urgePreventionReview");
    Task urge = open.stream().filter(t -> t.getTaskDefinitionKey().equals("urgePreventionReview")).findFirst().orElseThrow();
    assertThat(candidateGroups(urge)).containsExactly(TOWNSHIP_GROUP);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getPriority()).isEqualTo(80);
    long planId = jdbc.queryForObject("select id from prevention_plan where flag_id = ?", Long.class, flag);
    assertThat(jdbc.queryForObject("select count(*) from prevention_review where plan_id = ? and entry_kind = 'MISSED'", Long.class, planId))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from notification where recipient = ? and message like ?", Long.class,
        TOWNSHIP_GROUP, "%帮扶乙的月度回访已过期限%")).isEqualTo(1);

    users.complete("official-jianshan", urge.getId(), Map.of("urgeNote", "已电话督促校长，本周内完成回访"));
    assertThat(jdbc.queryForObject("select recorded_by from prevention_review where plan_id = ? and entry_kind = 'URGED'", String.class,
        planId)).isEqualTo("official-jianshan");
    users.complete("teacher-changan", review.getId(), Map.of("reviewOutcome", "LIFTED", "reviewNotes", "补做回访，情况稳定"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(passed(pi)).contains("reviewOverdue", "recordMissedReview", "urgePreventionReview", "reviewUrged", "planLifted");
  }

  @Test
  void aPupilWhoLeftSchoolHasHerDropoutCaseOpenedFromThePlan() {
    long flag = confirmedFlag("帮扶丙");
    String pi = processOf(flag);
    users.complete("principal-changan", users.taskOf(pi).getId(), Map.of("helper", "teacher-changan", "actions", "每周谈心；联系家长"));
    users.complete("teacher-changan", users.taskOf(pi).getId(), Map.of("reviewOutcome", "CONTINUE", "reviewNotes", "家长说要带她外出打工"));
    users.complete("teacher-changan", users.taskOf(pi).getId(), Map.of("reviewOutcome", "LEFT_SCHOOL", "reviewNotes", "已随父母去浙江"));

    assertThat(passed(pi)).endsWith("reviewOutcomeGateway", "openDropoutCase", "caseOpened");
    String caseNumber = (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("caseNumber")
        .singleResult().getValue();
    Map<String, Object> opened = jdbc.queryForMap("select c.id, c.source, c.report_notes, s.name from dropout_case c"
        + " join student s on s.id = c.student_id where c.case_number = ?", caseNumber);
    assertThat(opened).containsEntry("SOURCE", "PREVENTION").containsEntry("NAME", "帮扶丙");
    assertThat((String) opened.get("REPORT_NOTES")).contains("预防帮扶计划", "李明华", "已随父母去浙江");
    assertThat(jdbc.queryForObject("select status from risk_flag where id = ?", String.class, flag)).isEqualTo("LEFT_SCHOOL");
    assertThat(jdbc.queryForObject("select case_number from prevention_plan where flag_id = ?", String.class, flag)).isEqualTo(caseNumber);
    assertThat(jdbc.queryForList("select payload from audit_trail where entry_kind = 'PREVENTION_PLAN' and case_id = ? order by id",
        String.class, opened.get("ID"))).hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("预防帮扶计划开始"))
        .anySatisfy(p -> assertThat(p).contains("继续帮扶", "外出打工"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).processDefinitionKey("dropout-case")
        .count()).isEqualTo(1);
  }

  private long confirmedFlag(String name) {
    String idNumber = AtRiskPupils.register(jdbc, name, "ORPHAN,DE_FACTO_UNSUPPORTED", TestStudents.CHANGAN_SCHOOL,
        TestStudents.CHANGAN_VILLAGE);
    Staff principal = new Staff("principal-changan", staff.groupIdsOf("principal-changan"));
    users.as("principal-changan", () -> register.assess(Map.of("schoolCode", TestStudents.CHANGAN_SCHOOL), principal));
    long flag = AtRiskPupils.flagOf(jdbc, idNumber);
    users.as("principal-changan", () -> register.confirm(flag, Map.of(), principal));
    return flag;
  }

  private String processOf(long flag) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("风险-" + flag).singleResult().getId();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  private List<String> passed(String pi) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CHINA).toInstant());
  }
}
