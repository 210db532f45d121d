package cn.baoxue.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.escalation.Escalation;
import cn.baoxue.escalation.EscalationRepository;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.QuickTier;
import java.time.LocalDate;
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
 * 联控联保 in the engine: 尖山乡 asks 镇雄县公安局 to find a child of 长安村小学. Each path of
 * referral.bpmn — accepted, acted on and closed; rejected with a reason; missed and sent to the
 * county bureau as 督办 — with the task's candidate group, the process's variables and the records.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class ReferralProcessTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String POLICE = "dept_53062701";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired StaffDirectory staff;
  @Autowired Referrals referrals;
  @Autowired EscalationRepository escalations;
  @Autowired JdbcTemplate jdbc;

  ActingUsers users;
  String caseNumber;

  @BeforeEach
  void aCaseOfChangan() {
    users = new ActingUsers(engine, staff);
    // Monday 2 November 2026, 10:00 in Zhenxiong: no holiday in the next three weeks.
    ClockUtil.setCurrentTime(at(2026, 11, 2, 10));
    caseNumber = users.reportAtChangan().getBusinessKey();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void acceptedActedOnAndClosed() {
    ReferralView sent = referrals.send(caseNumber, Map.of("type", "LOCATE_CHILD", "department", "PUBLIC_SECURITY",
        "request", "孩子随亲戚外出，家长联系不上，请协助查找下落"), as("official-jianshan"));

    String pi = referralProcess(sent.id());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey()).isEqualTo(caseNumber);
    Task answer = taskOf(pi);
    assertThat(answer.getTaskDefinitionKey()).isEqualTo("answerReferral");
    assertThat(candidateGroups(answer)).containsExactly(POLICE);
    // 2 working days to accept; 10 (查找下落's default) to close: Monday 16 November.
    assertThat(answer.getDueDate()).isEqualTo(at(2026, 11, 4, 18));
    assertThat(sent.dueOn()).isEqualTo(LocalDate.of(2026, 11, 16));
    // The process carries ids, codes and dates: no name, no 身份证号, no phone.
    assertThat(runtimeService.getVariables(pi).keySet())
        .containsExactlyInAnyOrder("caseNumber", "departmentGroup", "referralType", "acceptDueDate", "answerDueDate");
    assertThat(runtimeService.getVariable(pi, "departmentGroup")).isEqualTo(POLICE);
    assertThat(runtimeService.getVariable(pi, "referralType")).isEqualTo("LOCATE_CHILD");

    // The police read the child's facts: the full 身份证号, since they search the register by it.
    ReferralView read = referrals.read(sent.id(), as("police-zhenxiong"));
    assertThat(read.child().idNumberInFull()).isTrue();
    assertThat(read.child().idNumber()).doesNotContain("*").hasSize(18);
    assertThat(read.child().whereabouts()).isEqualTo("尚未家访");
    // Reading the full number is recorded, as on the case page.
    assertThat(jdbc.queryForObject("select count(*) from audit_trail where entry_kind = 'PERSONAL_DATA_READ'"
        + " and actor = 'police-zhenxiong' and payload = 'view=referral'", Long.class)).isPositive();

    referrals.answer(sent.id(), Map.of("decision", "ACCEPT"), as("police-zhenxiong"));
    Task act = taskOf(pi);
    assertThat(act.getTaskDefinitionKey()).isEqualTo("recordReferralAction");
    assertThat(candidateGroups(act)).containsExactly(POLICE);
    assertThat(act.getDueDate()).isEqualTo(at(2026, 11, 16, 18));
    assertThat(runtimeService.getVariable(pi, "referralAccepted")).isEqualTo(true);

    ReferralView closed = referrals.close(sent.id(), Map.of("actionTaken", "经户籍和旅馆住宿信息核查，孩子在昆明市其姑姑家，已通知家长"),
        as("police-zhenxiong"));

    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.workingDaysToAnswer()).isZero();
    assertThat(passed(pi)).containsExactly("referralSent", "answerReferral", "acceptedGateway", "recordReferralAction", "referralClosed");
    assertThat(auditSteps(sent.id())).containsExactly("SENT", "ACCEPTED", "CLOSED");
    // Closed: the department keeps its record, without the child's facts.
    assertThat(referrals.read(sent.id(), as("police-zhenxiong")).child()).isNull();
    // The case's helpers read the answer.
    assertThat(referrals.ofCase(caseNumber, as("teacher-changan"))).singleElement()
        .satisfies(view -> assertThat(view.actionTaken()).contains("昆明市"));
  }

  @Test
  void rejectedWithAReason() {
    ReferralView sent = referrals.send(caseNumber, Map.of("type", "LIVING_ASSISTANCE", "department", "公安",
        "request", "家庭困难，请协助申请临时救助", "workingDays", 5), as("bureau-zhenxiong"));
    String pi = referralProcess(sent.id());

    // 生活救助 shows the number masked: 民政 meets the family, who bring their papers.
    ReferralView read = referrals.read(sent.id(), as("police-zhenxiong"));
    assertThat(read.child().idNumberInFull()).isFalse();
    assertThat(read.child().idNumber()).contains("*");

    // No reason: refused, nothing moves.
    assertThatThrownBy(() -> referrals.answer(sent.id(), Map.of("decision", "REJECT"), as("police-zhenxiong")))
        .isInstanceOf(InvalidCaseInputException.class).hasMessageContaining("拒收理由不能为空");
    assertThat(taskOf(pi).getTaskDefinitionKey()).isEqualTo("answerReferral");

    referrals.answer(sent.id(), Map.of("decision", "REJECT", "reason", "生活救助由民政局办理，请改发民政局"), as("police-zhenxiong"));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(passed(pi)).containsExactly("referralSent", "answerReferral", "acceptedGateway", "referralRejected");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("referralAccepted")
        .singleResult().getValue()).isEqualTo(false);
    assertThat(referrals.ofCase(caseNumber, as("official-jianshan"))).singleElement().satisfies(view -> {
      assertThat(view.status()).isEqualTo("REJECTED");
      assertThat(view.rejectReason()).isEqualTo("生活救助由民政局办理，请改发民政局");
      assertThat(view.dueOn()).isEqualTo(LocalDate.of(2026, 11, 9));
    });
    assertThat(auditSteps(sent.id())).containsExactly("SENT", "REJECTED");
  }

  @Test
  void unansweredGoesToTheCountyBureauAs督办() {
    ReferralView sent = referrals.send(caseNumber, Map.of("type", "STOP_CHILD_LABOUR", "department", "PUBLIC_SECURITY",
        "request", "孩子在镇上砖厂做工，请依法制止"), as("official-jianshan"));
    String pi = referralProcess(sent.id());
    Task answer = taskOf(pi);
    Job timer = managementService.createJobQuery().processInstanceId(pi).activityId("answerReferral").timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(at(2026, 11, 4, 18));

    // Friday 6 November: the police have not answered.
    ClockUtil.setCurrentTime(at(2026, 11, 6, 9));
    managementService.executeJob(timer.getId());

    Escalation escalation = escalations.findByCaseIdOrderByEscalatedAtAscIdAsc(caseId()).get(0);
    assertThat(escalation.getLevel()).isEqualTo(1);
    assertThat(escalation.getTaskKey()).isEqualTo("answerReferral");
    assertThat(escalation.getResponsible()).isEqualTo(POLICE);
    // Straight to the county bureau, not the township.
    assertThat(escalation.getToGroup()).isEqualTo("county_530627");
    assertThat(escalation.getDaysLate()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(answer.getId()).singleResult().getPriority()).isEqualTo(80);
    // The department's task stays the department's: the bureau supervises, it does not answer for the police.
    assertThat(candidateGroups(taskOf(pi))).containsExactly(POLICE);
    Task supervise = taskService.createTaskQuery().processDefinitionKey("supervision").processInstanceBusinessKey(caseNumber)
        .singleResult();
    assertThat(supervise.getName()).isEqualTo("督办：镇雄县公安局：受理联控联保转介（制止违法用工）");
    assertThat(candidateGroups(supervise)).containsExactly("county_530627");
    assertThat(taskService.getVariable(supervise.getId(), "departmentGroup")).isEqualTo(POLICE);
    assertThat(taskService.getVariable(supervise.getId(), "newAssigneeChoices").toString()).contains("police-zhenxiong")
        .doesNotContain("teacher-changan");

    // The bureau may not take the police's task over, nor hand it to a teacher; it may extend it.
    assertThatThrownBy(() -> users.complete("bureau-zhenxiong", supervise.getId(),
            Map.of("supervisionAction", "TAKE_OVER", "supervisionNotes", "县局接手")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class).hasMessageContaining("须由接收部门办理");
    assertThatThrownBy(() -> users.complete("bureau-zhenxiong", supervise.getId(),
            Map.of("supervisionAction", "REASSIGN", "newAssignee", "teacher-changan", "supervisionNotes", "改派")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class).hasMessageContaining("不是该部门的工作人员");
    assertThat(taskService.createTaskQuery().taskId(answer.getId()).singleResult().getAssignee()).isNull();

    // The police answer: the 督办 has nothing left to act on and is withdrawn.
    referrals.answer(sent.id(), Map.of("decision", "ACCEPT"), as("police-zhenxiong"));
    assertThat(taskService.createTaskQuery().processDefinitionKey("supervision").processInstanceBusinessKey(caseNumber).count())
        .isZero();
    assertThat(referrals.ofCase(caseNumber, as("official-jianshan")).get(0).workingDaysToAnswer()).isEqualTo(4);
  }

  @Test
  void acceptedButNotClosedByItsDueDateGoesToTheCountyBureauToo() {
    ReferralView sent = referrals.send(caseNumber, Map.of("type", "LOCATE_CHILD", "department", "PUBLIC_SECURITY",
        "request", "请协助查找下落", "workingDays", "3"), as("official-jianshan"));
    referrals.answer(sent.id(), Map.of("decision", "ACCEPT"), as("police-zhenxiong"));
    String pi = referralProcess(sent.id());
    Job timer = managementService.createJobQuery().processInstanceId(pi).activityId("recordReferralAction").timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(at(2026, 11, 5, 18));

    ClockUtil.setCurrentTime(at(2026, 11, 9, 9));
    managementService.executeJob(timer.getId());

    assertThat(escalations.findByCaseIdOrderByEscalatedAtAscIdAsc(caseId())).singleElement().satisfies(e -> {
      assertThat(e.getTaskKey()).isEqualTo("recordReferralAction");
      assertThat(e.getToGroup()).isEqualTo("county_530627");
    });
    assertThat(referrals.ofCase(caseNumber, as("official-jianshan")).get(0).overdue()).isTrue();
  }

  @Test
  void theEngineCompletesNoReferralTaskThatWasNotAnsweredOnTheReferralPage() {
    ReferralView sent = referrals.send(caseNumber, Map.of("type", "LOCATE_CHILD", "department", "PUBLIC_SECURITY",
        "request", "请协助查找下落"), as("official-jianshan"));
    String pi = referralProcess(sent.id());
    Task answer = taskOf(pi);

    assertThatThrownBy(() -> users.complete("police-zhenxiong", answer.getId(), Map.of("referralAccepted", true)))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class).hasMessageContaining("只能在转介页面上答复和办结");

    assertThat(taskOf(pi).getId()).isEqualTo(answer.getId());
    assertThat(referrals.ofCase(caseNumber, as("official-jianshan")).get(0).status()).isEqualTo("SENT");
  }

  private Staff as(String userId) {
    return new Staff(userId, staff.groupIdsOf(userId));
  }

  /** The referral's process instance, by the link the referral keeps. */
  private String referralProcess(Long referralId) {
    return jdbc.queryForObject("select process_instance_id from referral where id = ?", String.class, referralId);
  }

  private Task taskOf(String pi) {
    return taskService.createTaskQuery().processInstanceId(pi).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private List<String> passed(String pi) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi)
        .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  private List<String> auditSteps(Long referralId) {
    return jdbc.queryForList("select s.step from referral_step s join audit_trail a on a.ref_id = s.id and a.entry_kind = 'REFERRAL'"
        + " where s.referral_id = ? order by s.id", String.class, referralId);
  }

  private Long caseId() {
    return jdbc.queryForObject("select id from dropout_case where case_number = ?", Long.class, caseNumber);
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CHINA).toInstant());
  }
}
