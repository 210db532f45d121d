package cn.baoxue.workflow;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.escalation.Escalation;
import cn.baoxue.escalation.EscalationRepository;
import cn.baoxue.notifications.Notification;
import cn.baoxue.notifications.NotificationRepository;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Deadlines in working days and what happens when one is missed: the clock is moved, the
 * escalation timer is run by hand, and the task, the 督办 task and the records are asserted.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class EscalationProcessTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired StaffDirectory staff;
  @Autowired EscalationRepository escalations;
  @Autowired DropoutCaseRepository cases;
  @Autowired NotificationRepository notifications;

  ActingUsers users;

  @BeforeEach
  void setUp() {
    users = new ActingUsers(engine, staff);
    // Wednesday 30 September 2026, 10:00 in Zhenxiong, the day before National Day.
    ClockUtil.setCurrentTime(at(2026, 9, 30, 10));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theDueDateSkipsTheNationalDayHolidays() {
    Task verify = users.taskOf(users.reportAtChangan().getId());

    // 3 working days: Thursday 8, Friday 9 and the make-up Saturday 10 October.
    assertThat(verify.getDueDate()).isEqualTo(at(2026, 10, 10, 18));
    assertThat(escalationTimer(verify).getDuedate()).isEqualTo(verify.getDueDate());
  }

  @Test
  void completingOnTimeEscalatesNothing() {
    ProcessInstance pi = users.reportAtChangan();
    Task verify = users.taskOf(pi.getId());

    users.complete("teacher-changan", verify.getId(), Map.of("verifyResult", "CONFIRMED"));

    assertThat(escalations.countByTaskId(verify.getId())).isZero();
    assertThat(jobsOf(pi, "verify")).isEmpty();
    // Timers that never fired — verify's, and the one assignHelpers now waits with — leave no
    // trace in the job log (LeanFullHistory).
    assertThat(jobsOf(pi, "assignHelpers")).hasSize(1);
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pi.getId()).list()).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("supervision")
        .processInstanceBusinessKey(pi.getBusinessKey()).count()).isZero();
  }

  @Test
  void aMissedDeadlineGoesToTheTownshipOnceThenToTheCounty() {
    ProcessInstance pi = users.reportAtChangan();
    Task verify = users.taskOf(pi.getId());

    missTheDeadline(verify);

    Task escalated = taskService.createTaskQuery().taskId(verify.getId()).singleResult();
    assertThat(candidateGroups(escalated)).containsExactlyInAnyOrder("school_5306270001", "township_530627205");
    assertThat(escalated.getPriority()).isEqualTo(80);
    assertThat(escalations.findByCaseIdOrderByEscalatedAtAscIdAsc(caseId(pi))).singleElement().satisfies(e -> {
      assertThat(e.getLevel()).isEqualTo(1);
      assertThat(e.getTaskKey()).isEqualTo("verify");
      assertThat(e.getResponsible()).isEqualTo("school_5306270001");
      assertThat(e.getToGroup()).isEqualTo("township_530627205");
      assertThat(e.getDaysLate()).isEqualTo(1);
    });
    Task supervise = supervisionTasks(pi).get(0);
    assertThat(supervise.getName()).isEqualTo("督办：核实是否辍学");
    assertThat(candidateGroups(supervise)).containsExactly("township_530627205");
    assertThat(taskService.getVariable(supervise.getId(), "daysLate")).isEqualTo(1);
    assertThat(notifications.findByCaseNumberOrderByIdAsc(pi.getBusinessKey()))
        .filteredOn(n -> n.getKind() == Notification.Kind.ESCALATED)
        .singleElement().satisfies(n -> assertThat(n.getRecipient()).isEqualTo("township_530627205"));
    // The township official may now see and work the school's task.
    assertThat(users.as("official-jianshan", () -> taskService.createTaskQuery().taskId(verify.getId()).count())).isOne();

    // Still not done five days later: up to the county, once more and no further.
    Job second = escalationTimer(verify);
    assertThat(second.getDuedate()).isEqualTo(at(2026, 10, 15, 18));
    ClockUtil.setCurrentTime(at(2026, 10, 16, 9));
    managementService.executeJob(second.getId());

    assertThat(candidateGroups(taskService.createTaskQuery().taskId(verify.getId()).singleResult()))
        .contains("county_530627");
    assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult().getPriority()).isEqualTo(100);
    assertThat(escalations.findByCaseIdOrderByEscalatedAtAscIdAsc(caseId(pi)))
        .extracting(Escalation::getLevel, Escalation::getToGroup)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "township_530627205"),
            org.assertj.core.groups.Tuple.tuple(2, "county_530627"));
    assertThat(supervisionTasks(pi)).extracting(this::candidateGroups)
        .containsExactlyInAnyOrder(List.of("township_530627205"), List.of("county_530627"));
    assertThat(jobsOf(pi, "verify")).isEmpty();
    // Each firing is in the job log, though the timers' creation is not.
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pi.getId()).list())
        .allSatisfy(log -> assertThat(log.getActivityId()).isEqualTo("verify"))
        .extracting(log -> log.isSuccessLog())
        .containsExactly(true, true);
  }

  @Test
  void theSuperiorExtendsTheDeadlineWithAReason() {
    ProcessInstance pi = users.reportAtChangan();
    Task verify = users.taskOf(pi.getId());
    missTheDeadline(verify);
    Task supervise = supervisionTasks(pi).get(0);

    users.complete("official-jianshan", supervise.getId(), Map.of(
        "supervisionAction", "EXTEND", "newDueDate", "2026-10-20", "supervisionNotes", "家访需跨县核实，延期一周"));

    Task extended = taskService.createTaskQuery().taskId(verify.getId()).singleResult();
    assertThat(extended.getDueDate()).isEqualTo(at(2026, 10, 20, 18));
    assertThat(escalationTimer(verify).getDuedate()).isEqualTo(at(2026, 10, 20, 18));
  }

  @Test
  void theSuperiorReassignsOnlyWithinTheCasesJurisdiction() {
    ProcessInstance pi = users.reportAtChangan();
    Task verify = users.taskOf(pi.getId());
    missTheDeadline(verify);
    Task supervise = supervisionTasks(pi).get(0);

    assertThatThrownBy(() -> users.complete("official-jianshan", supervise.getId(),
            Map.of("supervisionAction", "REASSIGN", "newAssignee", "teacher-nantai", "supervisionNotes", "改派")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class)
        .hasMessageContaining("“张丽”不是本案所在学校、村、乡镇或县的工作人员");
    assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isNull();

    users.complete("official-jianshan", supervise.getId(),
        Map.of("supervisionAction", "REASSIGN", "newAssignee", "principal-changan", "supervisionNotes", "请校长亲自核实"));
    assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isEqualTo("principal-changan");
  }

  @Test
  void theSuperiorReadsWhoHadTheTaskAndChoosesWhomToReassignByName() {
    ProcessInstance pi = users.reportAtChangan();
    missTheDeadline(users.taskOf(pi.getId()));
    Task supervise = supervisionTasks(pi).get(0);

    assertThat(taskService.getVariable(supervise.getId(), "overdueResponsible")).isEqualTo("长安村小学");
    String choices = taskService.getVariableLocalTyped(supervise.getId(), "newAssigneeChoices").getValue().toString();
    assertThat(choices).contains("\"label\":\"李明华（教师，长安村小学）\"", "\"value\":\"teacher-changan\"",
            "\"label\":\"赵文斌（乡镇干部，尖山乡）\"")
        .doesNotContain("张丽", "school_", "township_");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("newAssigneeChoices").count())
        .as("the option list stays out of the history").isZero();
  }

  @Test
  void theSuperiorTakesTheTaskOver() {
    ProcessInstance pi = users.reportAtChangan();
    Task verify = users.taskOf(pi.getId());
    missTheDeadline(verify);

    users.complete("official-jianshan", supervisionTasks(pi).get(0).getId(),
        Map.of("supervisionAction", "TAKE_OVER", "supervisionNotes", "乡镇直接核实"));

    assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isEqualTo("official-jianshan");
  }

  @Test
  void aSuperiorActsOnlyOnTheEscalationHerSupervisionWasOpenedFor() {
    ProcessInstance first = users.reportAtChangan();
    ProcessInstance second = users.reportAtChangan();
    Task secondVerify = users.taskOf(second.getId());
    missTheDeadline(users.taskOf(first.getId()));
    missTheDeadline(secondVerify);
    Long secondEscalation = escalations.findByCaseIdOrderByEscalatedAtAscIdAsc(caseId(second)).get(0).getId();

    assertThatThrownBy(() -> users.complete("official-jianshan", supervisionTasks(first).get(0).getId(),
            Map.of("supervisionAction", "TAKE_OVER", "supervisionNotes", "乡镇直接核实", "escalationId", secondEscalation)))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class)
        .hasMessageContaining("escalationId");
    assertThat(taskService.createTaskQuery().taskId(secondVerify.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void finishingTheOverdueTaskWithdrawsEveryOpen督办OfItAndNoOther() {
    ProcessInstance late = users.reportAtChangan();
    ProcessInstance alsoLate = users.reportAtChangan();
    Task verify = users.taskOf(late.getId());
    missTheDeadline(verify);
    missTheDeadline(users.taskOf(alsoLate.getId()));
    ClockUtil.setCurrentTime(at(2026, 10, 16, 9));
    managementService.executeJob(escalationTimer(verify).getId());
    assertThat(supervisionTasks(late)).hasSize(2);

    users.complete("teacher-changan", verify.getId(), Map.of("verifyResult", "CONFIRMED"));

    assertThat(supervisionTasks(late)).isEmpty();
    assertThat(supervisionEnds(late)).containsExactly("supervisionWithdrawn", "supervisionWithdrawn");
    assertThat(supervisionTasks(alsoLate)).singleElement()
        .satisfies(task -> assertThat(candidateGroups(task)).containsExactly("township_530627205"));
    // What was escalated stays on the record.
    assertThat(escalations.findByCaseIdOrderByEscalatedAtAscIdAsc(caseId(late))).hasSize(2);
  }

  @Test
  void a督办AlreadyActedOnStaysAsItEndedWhenTheTaskIsDone() {
    ProcessInstance pi = users.reportAtChangan();
    Task verify = users.taskOf(pi.getId());
    missTheDeadline(verify);
    users.complete("official-jianshan", supervisionTasks(pi).get(0).getId(),
        Map.of("supervisionAction", "TAKE_OVER", "supervisionNotes", "乡镇直接核实"));

    users.complete("official-jianshan", verify.getId(), Map.of("verifyResult", "CONFIRMED"));

    assertThat(supervisionEnds(pi)).containsExactly("supervised");
  }

  @Test
  void aCaseEndedWhileItsTaskIsOverdueWithdrawsThe督办() {
    ProcessInstance pi = users.reportAtChangan();
    missTheDeadline(users.taskOf(pi.getId()));

    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "重复上报，已撤销");

    assertThat(supervisionTasks(pi)).isEmpty();
    assertThat(supervisionEnds(pi)).containsExactly("supervisionWithdrawn");
  }

  /** The end events that the case's 督办 processes reached, in the order they started. */
  private List<String> supervisionEnds(ProcessInstance pi) {
    var history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processDefinitionKey("supervision")
        .processInstanceBusinessKey(pi.getBusinessKey()).orderByProcessInstanceStartTime().asc().list().stream()
        .map(instance -> {
          assertThat(instance.getEndTime()).as("督办 %s ended", instance.getId()).isNotNull();
          return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
              .activityType("noneEndEvent").singleResult().getActivityId();
        })
        .toList();
  }

  /** Monday 12 October, the first working day after the verify deadline: the timer fires. */
  private void missTheDeadline(Task task) {
    ClockUtil.setCurrentTime(at(2026, 10, 12, 9));
    managementService.executeJob(escalationTimer(task).getId());
  }

  private Job escalationTimer(Task task) {
    List<Job> jobs = jobsOf(task.getProcessInstanceId(), task.getTaskDefinitionKey());
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private List<Job> jobsOf(ProcessInstance pi, String activityId) {
    return jobsOf(pi.getId(), activityId);
  }

  private List<Job> jobsOf(String processInstanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list();
  }

  private List<Task> supervisionTasks(ProcessInstance pi) {
    return taskService.createTaskQuery().processDefinitionKey("supervision").processInstanceBusinessKey(pi.getBusinessKey())
        .orderByTaskCreateTime().asc().list();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** The case the intake linked to the process instance. */
  private Long caseId(ProcessInstance pi) {
    return cases.findByProcessInstanceId(pi.getId()).orElseThrow().getId();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CHINA).toInstant());
  }
}
