package cn.baoxue.workflow;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.baoxue.cases.CaseStatus;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.HelperAssignmentRepository;
import cn.baoxue.cases.HomeVisitRepository;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.cases.PersuasionAttempt;
import cn.baoxue.cases.PersuasionAttemptRepository;
import cn.baoxue.cases.PersuasionRung;
import cn.baoxue.cases.ReturnOrderRepository;
import cn.baoxue.cases.PlacementPlanRepository;
import cn.baoxue.cases.FollowUpRepository;
import cn.baoxue.cases.ClosureReviewRepository;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.evidence.EvidenceService;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.testing.ClosureEvidence;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every path of dropout-case.bpmn, on the real engine with the real listeners and tables; each
 * step is done by the demo user whose job it is, with the engine's authorization checks on.
 */
// Engines register by name in one JVM-wide registry; a unique name keeps this one from
// standing in for the web tests' "default" engine.
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class DropoutCaseProcessTests {

  static final String TEACHER = "teacher-changan";
  static final String CADRE = "cadre-changan";
  static final String OFFICIAL = "official-jianshan";
  static final String BUREAU = "bureau-zhenxiong";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired StaffDirectory staff;
  @Autowired DropoutCaseRepository cases;
  @Autowired HelperAssignmentRepository helpers;
  @Autowired HomeVisitRepository visits;
  @Autowired PersuasionAttemptRepository attempts;
  @Autowired ReturnOrderRepository orders;
  @Autowired PlacementPlanRepository plans;
  @Autowired FollowUpRepository followUps;
  @Autowired ClosureReviewRepository reviews;
  @Autowired FollowUpPolicy followUpPolicy;
  @Autowired EvidenceService evidence;

  /** The case the test is walking. */
  private ProcessInstance current;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void notADropoutClosesTheCaseWithItsReason() {
    ProcessInstance pi = report();
    assertThat(pi).isWaitingAt("verify").task().hasCandidateGroup("school_5306270001").isNotAssigned();

    complete(TEACHER, Map.of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "TRANSFERRED", "verifyNotes", "已转入县城小学"));

    assertThat(pi).hasPassedInOrder("caseReported", "verify", "verifyResultGateway", "closedNotDropout").isEnded();
    DropoutCase closed = caseOf(pi);
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.NOT_DROPOUT);
    assertThat(closed.getNotDropoutReason().name()).isEqualTo("TRANSFERRED");
    assertThat(closed.getVerifiedBy()).isEqualTo(TEACHER);
    assertThat(closed.isOpen()).isFalse();
  }

  @Test
  void theCaseIsNumberedAndRoutedFromTheOrgTree() {
    ProcessInstance pi = report();

    assertThat(pi.getBusinessKey()).matches("530627-\\d{4}-\\d{5}");
    assertThat(pi).variables()
        .containsEntry("caseNumber", pi.getBusinessKey())
        .containsEntry("schoolGroup", "school_5306270001")
        .containsEntry("villageGroup", "village_530627205201")
        .containsEntry("townshipGroup", "township_530627205")
        .containsEntry("countyGroup", "county_530627")
        .containsEntry("schoolName", "长安村小学")
        .containsEntry("reportedBy", TEACHER);
    DropoutCase reported = caseOf(pi);
    assertThat(reported.getStatus()).isEqualTo(CaseStatus.REPORTED);
    assertThat(reported.getProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(reported.getSpecialGroups()).isEqualTo("LEFT_BEHIND,POOR_REGISTERED");
  }

  @Test
  void childReturnsAfterSchoolPersuasion() {
    ProcessInstance pi = confirmedAndVisited();

    assertThat(pi).isWaitingAt("persuadeSchool").task().hasCandidateGroup("school_5306270001");
    persuade(TEACHER, "RETURNED");

    assertThat(pi).isWaitingAt("planPlacement").task().hasCandidateGroup("school_5306270001");
    assertThat(pi).hasPassedInOrder("verify", "assignHelpers", "homeVisit", "persuadeSchool").hasNotPassed("persuadeJoint");
    assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.RETURNED);
    assertThat(rungs(pi)).containsExactly(PersuasionRung.SCHOOL);
  }

  @Test
  void childReturnsAfterJointPersuasion() {
    ProcessInstance pi = confirmedAndVisited();
    persuade(TEACHER, "NOT_RETURNED");

    assertThat(pi).isWaitingAt("persuadeJoint").task()
        .hasCandidateGroup("village_530627205201").hasCandidateGroup("township_530627205");
    // The form's summary, read through the task: the rung reached and the day the case was reported.
    assertThat(taskService.getVariables(task(pi).getId()))
        .containsEntry("currentRung", "学校劝返")
        .containsEntry("reportedOn", caseOf(pi).getReportedAt().toLocalDate().toString());
    persuade(CADRE, "RETURNED");

    assertThat(pi).isWaitingAt("planPlacement").hasNotPassed("issueReturnOrder");
    assertThat(rungs(pi)).containsExactly(PersuasionRung.SCHOOL, PersuasionRung.JOINT);
  }

  @Test
  void eachTaskGetsOneLineOfTheCaseThatStaysOutOfTheHistoryAndTheFormsFactsLiveOnceOnTheCase() {
    ProcessInstance pi = confirmedAndVisited();
    Task persuadeSchool = task(pi);
    // And the step's form shows what was done before, by whom (CaseRecordsListener).
    assertThat(taskService.getVariablesLocal(persuadeSchool.getId())).containsOnlyKeys("caseSummary", "caseRecords");
    assertThat((String) taskService.getVariableLocal(persuadeSchool.getId(), "caseSummary"))
        .endsWith(" · 长安村小学 · 长安村 · " + caseOf(pi).getCaseNumber());
    persuade(TEACHER, "NOT_RETURNED");
    persuade(CADRE, "NOT_RETURNED");

    var history = engine.getHistoryService();
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getId()).isEqualTo(3);
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName()).isEqualTo("full");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .filteredOn(variable -> variable.getTaskId() != null)
        .extracting(variable -> variable.getName())
        .doesNotContain("caseSummary", "caseRecords", "teacherHelperChoices", "cadreHelperChoices", "womenfedHelperChoices");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("caseNumber").list())
        .singleElement().satisfies(variable -> assertThat(variable.getTaskId()).isNull());
    // The rung is written when the case reaches a new one, not once per task; the report's day once.
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
        .map(detail -> (HistoricVariableUpdate) detail)
        .filteredOn(update -> update.getVariableName().equals("currentRung"))
        .extracting(update -> update.getValue())
        .containsExactlyInAnyOrder("尚未劝返", "学校劝返", "联合劝返");
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
        .map(detail -> (HistoricVariableUpdate) detail)
        .filteredOn(update -> update.getVariableName().equals("reportedOn"))
        .singleElement().satisfies(update -> assertThat(update.getTaskId()).isNull());
    // What the teacher submitted is in the history as ever, with every update.
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
        .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .contains("persuasionResult", "persuasionNotes", "verifyResult", "caseNumber")
        .doesNotContain("caseSummary");
  }

  @Test
  void childReturnsWhenTheWrittenOrderIsServed() {
    ProcessInstance pi = atReturnOrder();
    LocalDate deadline = LocalDate.now().plusDays(10);

    complete(OFFICIAL, Map.of("orderDeadline", deadline.toString(),
        "persuasionResult", "RETURNED", "persuasionNotes", "送达后家长当场表示送孩子返校"));

    assertThat(pi).isWaitingAt("planPlacement").hasNotPassed("orderDeadlinePassed", "checkOrderCompliance");
    assertThat(orders.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId()))
        .singleElement().satisfies(order -> {
          assertThat(order.getDeadline()).isEqualTo(deadline);
          assertThat(order.getTownshipCode()).isEqualTo("530627205");
          assertThat(order.getRecordedBy()).isEqualTo(OFFICIAL);
        });
  }

  @Test
  void townshipChecksComplianceOnTheMorningAfterTheDeadline() {
    ProcessInstance pi = atReturnOrder();
    LocalDate deadline = LocalDate.now().plusDays(7);
    complete(OFFICIAL, Map.of("orderDeadline", deadline.toString(), "persuasionResult", "NOT_RETURNED", "persuasionNotes", "已送达监护人"));

    assertThat(pi).isWaitingAt("orderDeadlinePassed");
    // 08:00 in Zhenxiong, whatever the server's zone (the tests' JVM runs in UTC).
    assertThat(job().getDuedate())
        .isEqualTo(Date.from(deadline.plusDays(1).atTime(8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    execute(job());

    assertThat(pi).isWaitingAt("checkOrderCompliance").task().hasCandidateGroup("township_530627205");
    persuade(OFFICIAL, "RETURNED");
    assertThat(pi).isWaitingAt("planPlacement").hasNotPassed("legalReferral");
  }

  @Test
  void aVisitIsDatedByTheSchoolsTodayNotTheServers() {
    ProcessInstance pi = report();
    complete(TEACHER, Map.of("verifyResult", "CONFIRMED"));
    complete(OFFICIAL, Map.of("teacherHelper", TEACHER, "cadreHelper", CADRE));
    // 01:30 in Zhenxiong, a month from now: still the day before in UTC, the tests' server zone.
    LocalDate zhenxiongToday = LocalDate.now().plusDays(30);
    ClockUtil.setCurrentTime(Date.from(zhenxiongToday.atTime(1, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    Map<String, Object> visit = new HashMap<>(Map.of("metWith", "祖母", "childWhereabouts", "WORKING_AWAY",
        "reason", "WEARY", "familyAttitude", "HESITANT", "visitNotes", "凌晨随村干部赶到，孩子已回家"));

    visit.put("visitDate", zhenxiongToday.plusDays(1).toString());
    assertThatThrownBy(() -> complete(TEACHER, visit))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class)
        .hasMessageContaining("家访日期不能晚于今天");

    visit.put("visitDate", zhenxiongToday.toString());
    complete(TEACHER, visit);
    assertThat(pi).hasPassed("homeVisit");
  }

  @Test
  void aWrittenOrderNeedsADeadlineInTheFuture() {
    ProcessInstance pi = atReturnOrder();
    String taskId = task(pi).getId();

    assertThatThrownBy(() -> complete(OFFICIAL, Map.of("orderDeadline", LocalDate.now().minusDays(1).toString(),
            "persuasionResult", "NOT_RETURNED", "persuasionNotes", "x")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class)
        .hasMessageContaining("限期复学日期须晚于今天");

    assertThat(pi).isWaitingAt("issueReturnOrder");
    assertThat(task(pi).getId()).isEqualTo(taskId);
    assertThat(orders.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId())).isEmpty();
    assertThat(rungs(pi)).containsExactly(PersuasionRung.SCHOOL, PersuasionRung.JOINT);
  }

  @Test
  void legalReferralKeepsTheCaseOpenAndEscalatedUntilTheChildReturns() {
    ProcessInstance pi = atReturnOrder();
    complete(OFFICIAL, Map.of("orderDeadline", LocalDate.now().plusDays(5).toString(), "persuasionResult", "NOT_RETURNED", "persuasionNotes", "已送达"));
    execute(job());
    persuade(OFFICIAL, "NOT_RETURNED");

    assertThat(pi).isWaitingAt("legalReferral").task().hasCandidateGroup("county_530627");
    persuade(BUREAU, "NOT_RETURNED");

    assertThat(pi).isActive().isWaitingAt("legalReferral");
    DropoutCase stillOut = caseOf(pi);
    assertThat(stillOut.isOpen()).isTrue();
    assertThat(stillOut.isEscalated()).isTrue();
    assertThat(stillOut.getStatus()).isEqualTo(CaseStatus.PERSUADING);

    persuade(BUREAU, "RETURNED");
    assertThat(pi).isWaitingAt("planPlacement");
    assertThat(caseOf(pi).isEscalated()).isFalse();
    assertThat(rungs(pi)).containsExactly(PersuasionRung.SCHOOL, PersuasionRung.JOINT, PersuasionRung.RETURN_ORDER,
        PersuasionRung.ORDER_COMPLIANCE, PersuasionRung.LEGAL, PersuasionRung.LEGAL);
  }

  @Test
  void droppingOutAgainDuringFollowUpGoesBackToPersuasion() {
    ProcessInstance pi = placed();

    assertThat(pi).isWaitingAt("followUpDue");
    execute(job());
    assertThat(pi).isWaitingAt("followUp").task().hasCandidateUser(TEACHER).hasCandidateUser(CADRE).isNotAssigned();
    complete(TEACHER, Map.of("followUpResult", "DROPPED_AGAIN", "followUpNotes", "又随父母外出"));

    assertThat(pi).isWaitingAt("persuadeSchool");
    assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.PERSUADING);
    assertThat(followUps.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId())).hasSize(1);
  }

  @Test
  void followUpContinuesUntilThePeriodIsOver() {
    ProcessInstance pi = placed();
    execute(job());
    complete(TEACHER, Map.of("followUpResult", "STABLE", "followUpNotes", "按时到校"));

    assertThat(pi).isWaitingAt("followUpDue").hasNotPassed("approveClosure");
  }

  @Test
  void closureRejectedReturnsToFollowUpThenApprovedCloses() {
    ProcessInstance pi = placed();
    execute(job());
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.now().plusDays(100).atZone(ZoneId.systemDefault()).toInstant()));
    complete(TEACHER, Map.of("followUpResult", "STABLE", "followUpNotes", "一学期稳定在校"));

    assertThat(pi).isWaitingAt("approveClosure").task().hasCandidateGroup("township_530627205");
    // The approver sees the case's visits, persuasion attempts and follow-ups, each with who did it.
    assertThat(taskService.getVariable(task(pi).getId(), "caseRecords").toString())
        .contains("入户家访", "学校劝返", "跟踪回访", "李明华", "一学期稳定在校").doesNotContain(TEACHER);
    assertThatThrownBy(() -> complete(OFFICIAL, Map.of("closureDecision", "RETURN")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class)
        .hasMessageContaining("退回继续跟踪须填写审批意见");
    assertThatThrownBy(() -> complete(OFFICIAL, Map.of("closureComment", "看过了")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class)
        .hasMessageContaining("请选择审批结论");
    assertThat(reviews.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId())).isEmpty();
    complete(OFFICIAL, Map.of("closureDecision", "RETURN", "closureComment", "缺少到校证明，继续跟踪"));

    assertThat(pi).isWaitingAt("followUp").task().hasCandidateUser(TEACHER).hasCandidateUser(CADRE);
    assertThat(caseOf(pi).isOpen()).isTrue();
    complete(TEACHER, Map.of("followUpResult", "STABLE", "followUpNotes", "已补充到校证明"));
    assertThatThrownBy(() -> complete(OFFICIAL, Map.of("closureDecision", "APPROVE")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class)
        .hasMessageContaining("尚缺佐证材料，不能销号：“入户家访”至少1份（现有0份），“跟踪回访”至少1份（现有0份）");
    assertThat(reviews.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId())).hasSize(1);
    uploadEvidenceForClosure();
    complete(OFFICIAL, Map.of("closureDecision", "APPROVE"));

    assertThat(pi).hasPassed("approveClosure").isEnded();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("caseClosed").count()).isOne();
    DropoutCase closed = caseOf(pi);
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.isOpen()).isFalse();
    assertThat(reviews.findByCaseIdOrderByRecordedAtAscIdAsc(closed.getId()))
        .extracting(review -> review.getDecision().name(), review -> review.getComment(), review -> review.getRecordedBy())
        .containsExactly(tuple("RETURN", "缺少到校证明，继续跟踪", OFFICIAL), tuple("APPROVE", null, OFFICIAL));
    assertThat(pi).hasPassedInOrder("followUp", "approveClosure", "closureGateway", "followUp", "approveClosure", "caseClosed");
  }

  @Test
  void anApprovalFormOfTheEarlierReleaseStillDecidesWithItsCheckbox() {
    ProcessInstance pi = placed();
    execute(job());
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.now().plusDays(100).atZone(ZoneId.systemDefault()).toInstant()));
    complete(TEACHER, Map.of("followUpResult", "STABLE", "followUpNotes", "一学期稳定在校"));

    // What the old form sends: the checkbox unticked sends the case back, with its comment.
    complete(OFFICIAL, Map.of("closureApproved", false, "closureComment", "继续跟踪"));
    assertThat(pi).isWaitingAt("followUp");
    complete(TEACHER, Map.of("followUpResult", "STABLE", "followUpNotes", "稳定"));
    uploadEvidenceForClosure();
    complete(OFFICIAL, Map.of("closureApproved", true, "closureComment", "同意"));
    assertThat(pi).isEnded();
    assertThat(reviews.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId()))
        .extracting(review -> review.getDecision().name()).containsExactly("RETURN", "APPROVE");
  }

  /**
   * A case opened on the model of the previous release stays on it: its home visit is the teacher's,
   * its 销号 the checkbox, and both still complete with today's listeners.
   */
  @Test
  void aCaseOnThePreviousReleasesModelKeepsGoingToItsEnd() {
    var repository = engine.getRepositoryService();
    var previous = repository.createDeployment().name("previous release")
        .addClasspathResource("previous-release/dropout-case.bpmn").deploy();
    try {
      String previousDefinition = repository.createProcessDefinitionQuery().deploymentId(previous.getId()).singleResult().getId();
      identityService.setAuthentication(TEACHER, staff.groupIdsOf(TEACHER));
      try {
        current = runtimeService.createProcessInstanceById(previousDefinition).setVariables(TestStudents.changanGirl()).execute();
      } finally {
        identityService.clearAuthentication();
      }
      ProcessInstance pi = current;
      complete(TEACHER, Map.of("verifyResult", "CONFIRMED"));
      complete(OFFICIAL, Map.of("teacherHelper", TEACHER, "cadreHelper", CADRE));
      assertThat(pi).isWaitingAt("homeVisit").task().isAssignedTo(TEACHER);
      complete(TEACHER, Map.of("visitDate", LocalDate.now().toString(), "metWith", "祖母", "childWhereabouts", "WORKING_AWAY",
          "reason", "WEARY", "visitNotes", "老版本上的家访"));
      persuade(TEACHER, "RETURNED");
      complete(TEACHER, Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班"));
      execute(job());
      ClockUtil.setCurrentTime(Date.from(LocalDateTime.now().plusDays(100).atZone(ZoneId.systemDefault()).toInstant()));
      assertThat(pi).isWaitingAt("followUp").task().isAssignedTo(TEACHER);
      complete(TEACHER, Map.of("followUpResult", "STABLE", "followUpNotes", "稳定"));

      assertThat(pi).isWaitingAt("approveClosure");
      complete(OFFICIAL, Map.of("closureApproved", false, "closureComment", "补充到校证明"));
      assertThat(pi).isWaitingAt("followUp");
      complete(TEACHER, Map.of("followUpResult", "STABLE", "followUpNotes", "已补充"));
      uploadEvidenceForClosure();
      complete(OFFICIAL, Map.of("closureApproved", true));
      assertThat(pi).isEnded();
      assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.CLOSED);
    } finally {
      repository.deleteDeployment(previous.getId(), true);
    }
  }

  @Test
  void eitherHelperMayTakeTheHomeVisitAndTheOtherSeesWhoDidIt() {
    ProcessInstance pi = report();
    complete(TEACHER, Map.of("verifyResult", "CONFIRMED"));
    complete(OFFICIAL, Map.of("teacherHelper", TEACHER, "cadreHelper", CADRE));
    assertThat(pi).isWaitingAt("homeVisit").task()
        .hasCandidateUser(TEACHER).hasCandidateUser(CADRE).isNotAssigned();
    String visit = task(pi).getId();
    assertThat(taskService.getIdentityLinksForTask(visit))
        .allSatisfy(link -> assertThat(link.getGroupId()).as("no group works the visit").isNull());

    // Nobody else: the school's principal and the township see no visit to take.
    for (String other : java.util.List.of("principal-changan", "teacher-jianshan", "cadre-nantai")) {
      identityService.setAuthentication(other, staff.groupIdsOf(other));
      try {
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).as(other).isZero();
        assertThatThrownBy(() -> taskService.claim(visit, other)).as(other)
            .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
      } finally {
        identityService.clearAuthentication();
      }
    }

    identityService.setAuthentication(CADRE, staff.groupIdsOf(CADRE));
    try {
      assertThat(taskService.createTaskQuery().taskCandidateUser(CADRE).processInstanceId(pi.getId()).count()).isOne();
      taskService.claim(visit, CADRE);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(task(pi)).isAssignedTo(CADRE);
    // Once the cadre has it, the teacher cannot take it from her.
    identityService.setAuthentication(TEACHER, staff.groupIdsOf(TEACHER));
    try {
      assertThatThrownBy(() -> taskService.claim(visit, TEACHER)).isInstanceOf(org.camunda.bpm.engine.TaskAlreadyClaimedException.class);
    } finally {
      identityService.clearAuthentication();
    }
    complete(CADRE, Map.of("visitDate", LocalDate.now().toString(), "metWith", "父亲", "childWhereabouts", "AT_HOME",
        "reason", "WEARY", "familyAttitude", "SUPPORTIVE", "visitNotes", "村干部入户，孩子在家"));

    assertThat(pi).hasPassedInOrder("assignHelpers", "homeVisit").isWaitingAt("persuadeSchool");
    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId()))
        .singleElement().satisfies(v -> assertThat(v.getRecordedBy()).isEqualTo(CADRE));
    // The teacher's next form names the cadre who visited: 杨国富, not a login id.
    assertThat(taskService.getVariableLocal(task(pi).getId(), "caseRecords").toString())
        .contains("入户家访", "杨国富", "孩子在家").doesNotContain(CADRE);

    // The joint persuasion: the cadre takes it for herself from her village's tasks.
    persuade(TEACHER, "NOT_RETURNED");
    assertThat(pi).isWaitingAt("persuadeJoint");
    String joint = task(pi).getId();
    identityService.setAuthentication(CADRE, staff.groupIdsOf(CADRE));
    try {
      taskService.claim(joint, CADRE);
      taskService.complete(joint, Map.of("persuasionResult", "RETURNED", "persuasionNotes", "村里联合劝返"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(pi).hasPassedInOrder("homeVisit", "persuadeSchool", "persuadeJoint").isWaitingAt("planPlacement");
    assertThat(attempts.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId()))
        .extracting(PersuasionAttempt::getRung, PersuasionAttempt::getRecordedBy)
        .containsExactly(tuple(PersuasionRung.SCHOOL, TEACHER), tuple(PersuasionRung.JOINT, CADRE));
  }

  @Test
  void theEmbeddedRunFollowsUpInMinutesForTheDemo() {
    assertThat(followUpPolicy.getInterval()).isEqualTo("PT2M");
    assertThat(followUpPolicy.getPeriod()).isEqualTo(java.time.Duration.ofMinutes(5));
  }

  @Test
  void helpersMustBelongToTheCasesSchoolAndVillage() {
    ProcessInstance pi = report();
    complete(TEACHER, Map.of("verifyResult", "CONFIRMED"));
    assertThat(pi).isWaitingAt("assignHelpers").task().hasCandidateGroup("township_530627205");
    // The form's pickers offer only the case's school teachers and village cadres.
    Map<String, Object> choices = taskService.getVariablesLocal(task(pi).getId());
    assertThat(choices.get("teacherHelperChoices").toString())
        .contains("teacher-changan", "principal-changan").doesNotContain("teacher-nantai", "teacher-jianshan");
    assertThat(choices.get("cadreHelperChoices").toString()).contains("cadre-changan").doesNotContain("cadre-nantai");

    assertThatThrownBy(() -> complete(OFFICIAL, Map.of("teacherHelper", "teacher-nantai", "cadreHelper", "cadre-nantai")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class)
        .hasMessageContaining("“teacher-nantai”不是本案学校的教师")
        .hasMessageContaining("“cadre-nantai”不是本案户籍村的村干部");
    assertThat(pi).isWaitingAt("assignHelpers");
    assertThat(helpers.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId())).isEmpty();
  }

  @Test
  void aTeacherOfAnotherSchoolCanNeitherSeeNorCompleteTheTask() {
    ProcessInstance pi = report();
    String taskId = task(pi).getId();

    identityService.setAuthentication("teacher-nantai", staff.groupIdsOf("teacher-nantai"));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("verifyResult", "CONFIRMED")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(pi).isWaitingAt("verify");
  }

  @Test
  void everyStepIsRecordedOnTheCase() {
    ProcessInstance pi = confirmedAndVisited();
    DropoutCase dropoutCase = caseOf(pi);

    assertThat(helpers.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId())).singleElement().satisfies(h -> {
      assertThat(h.getTeacherHelper()).isEqualTo(TEACHER);
      assertThat(h.getCadreHelper()).isEqualTo(CADRE);
      assertThat(h.getRecordedBy()).isEqualTo(OFFICIAL);
    });
    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId())).singleElement().satisfies(v -> {
      assertThat(v.getChildWhereabouts().name()).isEqualTo("WORKING_AWAY");
      assertThat(v.getRecordedBy()).isEqualTo(TEACHER);
    });
    // The visit learnt the real reason; the case is counted by it from now on.
    assertThat(dropoutCase.getReason().name()).isEqualTo("WEARY");
  }

  // --- walking the case --------------------------------------------------------------------

  private ProcessInstance report() {
    identityService.setAuthentication(TEACHER, staff.groupIdsOf(TEACHER));
    try {
      current = runtimeService.createProcessInstanceByKey("dropout-case").setVariables(TestStudents.changanGirl()).execute();
      return current;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance confirmedAndVisited() {
    ProcessInstance pi = report();
    complete(TEACHER, Map.of("verifyResult", "CONFIRMED"));
    complete(OFFICIAL, Map.of("teacherHelper", TEACHER, "cadreHelper", CADRE));
    // Either helper may take the visit: both are its candidates, neither is assigned.
    assertThat(pi).isWaitingAt("homeVisit").task().hasCandidateUser(TEACHER).hasCandidateUser(CADRE).isNotAssigned();
    complete(TEACHER, Map.of("visitDate", LocalDate.now().toString(), "metWith", "祖母", "childWhereabouts", "WORKING_AWAY",
        "reason", "WEARY", "familyAttitude", "HESITANT", "visitNotes", "孩子在昆明打工，祖母愿意配合"));
    return pi;
  }

  private ProcessInstance atReturnOrder() {
    ProcessInstance pi = confirmedAndVisited();
    persuade(TEACHER, "NOT_RETURNED");
    persuade(CADRE, "NOT_RETURNED");
    assertThat(pi).isWaitingAt("issueReturnOrder").task().hasCandidateGroup("township_530627205");
    return pi;
  }

  private ProcessInstance placed() {
    ProcessInstance pi = confirmedAndVisited();
    persuade(TEACHER, "RETURNED");
    complete(TEACHER, Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班，班主任每周谈心一次"));
    assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.FOLLOWING_UP);
    return pi;
  }

  private void persuade(String user, String result) {
    complete(user, Map.of("persuasionResult", result, "persuasionNotes", "劝返记录"));
  }

  /** Completes the open task of the current case as the given user. */
  private void complete(String user, Map<String, Object> variables) {
    Task open = taskService.createTaskQuery().processInstanceId(current.getId()).singleResult();
    identityService.setAuthentication(user, staff.groupIdsOf(user));
    try {
      taskService.complete(open.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** 销号 needs 佐证材料 on the home visit and the follow-up: the helper uploads them first. */
  private void uploadEvidenceForClosure() {
    ClosureEvidence.attachThroughService(evidence, engine.getHistoryService(), current.getId(), caseOf(current).getCaseNumber(),
        new Staff(TEACHER, staff.groupIdsOf(TEACHER)));
  }

  private DropoutCase caseOf(ProcessInstance pi) {
    String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0
        ? (String) runtimeService.getVariable(pi.getId(), "caseNumber")
        : engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
    return cases.findByCaseNumber(caseNumber).orElseThrow();
  }

  private java.util.List<PersuasionRung> rungs(ProcessInstance pi) {
    return attempts.findByCaseIdOrderByRecordedAtAscIdAsc(caseOf(pi).getId()).stream().map(PersuasionAttempt::getRung).toList();
  }
}
