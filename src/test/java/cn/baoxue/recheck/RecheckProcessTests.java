package cn.baoxue.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.audit.AuditVerification;
import cn.baoxue.cases.CaseStatus;
import cn.baoxue.cases.CaseStep;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.evidence.EvidenceService;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.recheck.RecheckSample.Candidate;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.ClosureEvidence;
import cn.baoxue.testing.QuickTier;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * 季度复核 in the engine. 长安村小学 closes one case (销号) and finds three reports not to be dropouts
 * in the third quarter of 2025; on 1 October the schedule opens a round for every county; 镇雄县
 * draws two of each kind per township, re-checks them, confirms three and fails one, which opens the
 * case again for the same child. The draw is the one its recorded seed gives.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class RecheckProcessTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String ZHENXIONG = "530627";
  static final String JIANSHAN = "530627205";
  static final String TEACHER = "teacher-changan";
  static final String CADRE = "cadre-changan";
  static final String OFFICIAL = "official-jianshan";
  static final String BUREAU = "bureau-zhenxiong";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired StaffDirectory staff;
  @Autowired QuarterlyRechecks rechecks;
  @Autowired RecheckViews views;
  @Autowired DropoutCaseRepository cases;
  @Autowired EvidenceService evidence;
  @Autowired AuditVerification auditVerification;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  ActingUsers users;
  Job schedule;
  Date scheduledFor;

  @BeforeEach
  void theSchedule() {
    users = new ActingUsers(engine, staff);
    schedule = scheduleJob();
    scheduledFor = schedule.getDuedate();
  }

  @AfterEach
  void resetClockAndSchedule() {
    ClockUtil.reset();
    // The next quarter's firing as it was: other tests' job executors must not open rounds in the past.
    managementService.setJobDuedate(scheduleJob().getId(), scheduledFor);
  }

  @Test
  void aQuarterIsSampledRecheckedAndAFailureOpensTheCaseAgain() {
    ClockUtil.setCurrentTime(at(2025, 8, 4, 10));
    List<String> notDropouts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      notDropouts.add(notADropout("家长已为孩子办理转学，到校核实在读"));
    }
    String closed = closedAfterReturning();
    // Outside the quarter: reported and found not a dropout on 1 October, it belongs to the next one.
    ClockUtil.setCurrentTime(at(2025, 10, 1, 7));
    String nextQuarter = notADropout("误报");

    ClockUtil.setCurrentTime(at(2025, 10, 1, 8));
    managementService.executeJob(schedule.getId());

    List<ProcessInstance> rounds = runtimeService.createProcessInstanceQuery().processDefinitionKey("county-recheck")
        .list().stream().filter(pi -> pi.getBusinessKey().endsWith("-2025Q3")).toList();
    assertThat(rounds).extracting(ProcessInstance::getBusinessKey).contains(ZHENXIONG + "-2025Q3", "530628-2025Q3");
    ProcessInstance zhenxiong = rounds.stream().filter(pi -> pi.getBusinessKey().equals(ZHENXIONG + "-2025Q3")).findFirst().orElseThrow();
    // The other counties had nothing closed in the quarter: their draws find nothing and their rounds end.
    for (ProcessInstance other : rounds) {
      if (other != zhenxiong) {
        Task draw = taskOf(other.getId());
        complete(BUREAU_OF.getOrDefault(other.getBusinessKey().substring(0, 6), "admin"), draw, Map.of("samplePerTownship", 2));
        assertThat(passed(other.getId())).containsExactly("roundOpened", "drawRecheckSample", "sampleGateway", "summarizeRecheckMerge", "summarizeRecheck", "recheckDone");
      }
    }

    Task draw = taskOf(zhenxiong.getId());
    assertThat(draw.getTaskDefinitionKey()).isEqualTo("drawRecheckSample");
    assertThat(candidateGroups(draw)).containsExactly("county_" + ZHENXIONG);
    // Ten working days from 1 October, after the National Day holiday.
    assertThat(draw.getDueDate()).isEqualTo(at(2025, 10, 21, 18));
    assertThat(runtimeService.getVariables(zhenxiong.getId()))
        .containsEntry("countyGroup", "county_" + ZHENXIONG).containsEntry("quarter", "2025Q3");
    Map<String, Object> shown = taskService.getVariables(draw.getId());
    assertThat(shown).containsEntry("countyName", "镇雄县").containsEntry("samplePerTownship", 2L);
    assertThat(shown.get("quarterLabel")).isEqualTo("2025年第3季度（7月1日至9月30日）");
    assertThat(shown.get("candidatesSummary").toString()).contains("尖山乡：已销号 1 件，核实为非辍学 3 件");

    // Only the county bureau draws, and only a size it may.
    assertThatThrownBy(() -> complete(BUREAU, draw, Map.of("samplePerTownship", 0)))
        .hasMessageContaining("每个乡镇每类抽取件数须在1至50之间");
    assertThat(items(zhenxiong)).isEmpty();
    complete(BUREAU, draw, Map.of("samplePerTownship", 2));

    QuarterlyRechecks.Round round = roundOf(zhenxiong);
    assertThat(round.seed()).isNotNull();
    assertThat(round.drawnBy()).isEqualTo(BUREAU);
    assertThat(round.candidates()).isEqualTo(4);
    List<QuarterlyRechecks.Item> sampled = items(zhenxiong);
    // Two of the three not-a-dropout cases and the one closed case of 尖山乡; not the case of October.
    assertThat(sampled).hasSize(3);
    assertThat(sampled).extracting(QuarterlyRechecks.Item::kind)
        .containsExactlyInAnyOrder(RecheckKind.CLOSED, RecheckKind.NOT_DROPOUT, RecheckKind.NOT_DROPOUT);
    assertThat(sampled).extracting(QuarterlyRechecks.Item::caseNumber).contains(closed).doesNotContain(nextQuarter);
    assertThat(notDropouts).containsAll(sampled.stream().filter(item -> item.kind() == RecheckKind.NOT_DROPOUT)
        .map(QuarterlyRechecks.Item::caseNumber).toList());
    // The recorded seed draws the same sample again, from the same cases.
    List<Candidate> candidates = rechecks.candidates(round);
    assertThat(RecheckSample.draw(round.seed(), candidates, 2)).extracting(Candidate::caseNumber)
        .containsExactlyElementsOf(sampled.stream().map(QuarterlyRechecks.Item::caseNumber).toList());
    assertThat(rechecks.sampleReproduces(round)).isTrue();

    List<Task> rechecking = taskService.createTaskQuery().processInstanceId(zhenxiong.getId()).list();
    assertThat(rechecking).hasSize(3).allSatisfy(task -> {
      assertThat(task.getTaskDefinitionKey()).isEqualTo("recheckCase");
      assertThat(candidateGroups(task)).containsExactly("county_" + ZHENXIONG);
    });
    Map<String, Task> byCase = new HashMap<>();
    rechecking.forEach(task -> byCase.put((String) taskService.getVariableLocal(task.getId(), "caseNumber"), task));
    assertThat(byCase.keySet()).containsExactlyInAnyOrderElementsOf(sampled.stream().map(QuarterlyRechecks.Item::caseNumber).toList());
    assertThat(taskService.getVariablesLocal(byCase.get(closed).getId()))
        .containsEntry("recheckKindLabel", "已销号").containsEntry("townshipName", "尖山乡").containsEntry("schoolName", "长安村小学");

    // A failure needs what the county found.
    String failing = sampled.stream().filter(item -> item.kind() == RecheckKind.NOT_DROPOUT).findFirst().orElseThrow().caseNumber();
    assertThatThrownBy(() -> complete(BUREAU, byCase.get(failing), Map.of("recheckResult", "FAILED")))
        .hasMessageContaining("核实情况");
    // A township may not take the county's re-check (the engine refuses), nor may another county's bureau (the service does).
    assertThatThrownBy(() -> complete(OFFICIAL, byCase.get(closed), Map.of("recheckResult", "CONFIRMED")))
        .hasMessageContaining("TASK_WORK");
    long closedItem = sampled.stream().filter(item -> item.caseNumber().equals(closed)).findFirst().orElseThrow().id();
    assertThatThrownBy(() -> rechecks.record(new CaseStep(zhenxiong.getId(), "bureau-yiliang",
        Jurisdiction.ofGroups(staff.groupIdsOf("bureau-yiliang"))), closedItem, "CONFIRMED", null))
        .hasMessageContaining("只有镇雄县教育局可以办理");
    assertThat(items(zhenxiong)).allSatisfy(item -> assertThat(item.outcome()).isNull());

    ClockUtil.setCurrentTime(at(2025, 10, 13, 10));
    for (Map.Entry<String, Task> entry : byCase.entrySet()) {
      if (!entry.getKey().equals(failing)) {
        complete(BUREAU, entry.getValue(), Map.of("recheckResult", "CONFIRMED", "recheckNotes", "到校查看在读"));
      }
    }
    complete(BUREAU, byCase.get(failing), Map.of("recheckResult", "FAILED", "recheckNotes", "入户核实：孩子仍在家，未到新学校报到"));

    assertThat(passed(zhenxiong.getId())).containsSubsequence("drawRecheckSample", "sampleGateway", "recheckCase", "summarizeRecheckMerge", "summarizeRecheck", "recheckDone");
    QuarterlyRechecks.Item failed = items(zhenxiong).stream().filter(item -> item.caseNumber().equals(failing)).findFirst().orElseThrow();
    assertThat(failed.outcome()).isEqualTo(RecheckOutcome.FAILED);
    assertThat(failed.checkedBy()).isEqualTo(BUREAU);
    // The child's case opened again through the case-start contract, by the official who found it.
    DropoutCase reopened = cases.findByCaseNumber(failed.reopenedCaseNumber()).orElseThrow();
    DropoutCase original = cases.findByCaseNumber(failing).orElseThrow();
    assertThat(reopened.getStudent().getId()).isEqualTo(original.getStudent().getId());
    assertThat(reopened.getSource()).isEqualTo(CaseSource.RECHECK);
    assertThat(reopened.getStatus()).isEqualTo(CaseStatus.REPORTED);
    assertThat(reopened.getReportedBy()).isEqualTo(BUREAU);
    assertThat(reopened.getReportNotes()).contains("2025年第3季度", failing, "孩子仍在家");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reopened.getCaseNumber()).singleResult().getTaskDefinitionKey())
        .isEqualTo("verify");

    RecheckViews.RoundWithItems view = views.read(round.id(), new Staff(BUREAU, staff.groupIdsOf(BUREAU)));
    assertThat(view.round().status()).isEqualTo("FINISHED");
    assertThat(view.round().confirmed()).isEqualTo(2);
    assertThat(view.round().failed()).isEqualTo(1);
    assertThat(view.round().confirmedPercent()).isEqualByComparingTo("66.7");
    assertThat(view.round().drawnBy()).contains("周正华");
    assertThat(view.sampleReproduces()).isTrue();
    assertThat(auditVerification.verify().intact()).isTrue();
  }

  @Test
  void aRoundCannotBeStartedByHandNorOpenedTwice() {
    // The county bureau may not start one at all; an administrator, who may start processes, is refused by the model.
    assertThatThrownBy(() -> users.as(BUREAU, () -> runtimeService.createProcessInstanceByKey("county-recheck")
        .businessKey(ZHENXIONG + "-2024Q1").setVariables(Map.of("countyGroup", "county_" + ZHENXIONG)).execute()))
        .hasMessageContaining("CREATE_INSTANCE");
    assertThatThrownBy(() -> users.as("admin", () -> runtimeService.createProcessInstanceByKey("county-recheck")
        .businessKey(ZHENXIONG + "-2024Q1").setVariables(Map.of("countyGroup", "county_" + ZHENXIONG)).execute()))
        .hasMessageContaining("季度复核由系统在每季度首日为各县开启");
    ClockUtil.setCurrentTime(at(2024, 4, 1, 8));
    List<String> first = rechecks.openAll(LocalDate.of(2024, 4, 1));
    assertThat(first).contains(ZHENXIONG + "-2024Q1");
    assertThat(rechecks.openAll(LocalDate.of(2024, 4, 2))).isEmpty();

    // The draw's deadline passes: 昭通市 and 云南省 are told, the task rises in priority, the county keeps it.
    ProcessInstance zhenxiong = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ZHENXIONG + "-2024Q1").singleResult();
    Task draw = taskOf(zhenxiong.getId());
    Job late = managementService.createJobQuery().processInstanceId(zhenxiong.getId()).activityId("drawLate").singleResult();
    assertThat(late.getDuedate()).isEqualTo(draw.getDueDate());
    ClockUtil.setCurrentTime(new Date(late.getDuedate().getTime() + 60_000));
    managementService.executeJob(late.getId());
    assertThat(jdbc.queryForList("select recipient from notification where task_id = ? and kind = 'ESCALATED' order by recipient",
        String.class, draw.getId())).containsExactly("prefecture_530600", "province_530000");
    assertThat(jdbc.queryForObject("select message from notification where task_id = ? and recipient = 'prefecture_530600'",
        String.class, draw.getId())).isEqualTo("镇雄县2024年第1季度（1月1日至3月31日）的季度复核“抽取季度复核样本”已逾期，请督促办理");
    assertThat(taskOf(zhenxiong.getId()).getPriority()).isEqualTo(80);
    assertThat(candidateGroups(taskOf(zhenxiong.getId()))).containsExactly("county_" + ZHENXIONG);
    assertThat(roundOf(zhenxiong).lateAt()).isNotNull();
    assertThat(passed(zhenxiong.getId())).contains("drawLate", "reportLateToSuperiorsMerge", "reportLateToSuperiors", "lateReported");
    for (String key : first) {
      ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
      complete(BUREAU_OF.getOrDefault(key.substring(0, 6), "admin"), taskOf(pi.getId()), Map.of("samplePerTownship", 1));
    }
  }

  /** The county bureaus of the demo's counties; an admin draws for any other county a test imported. */
  static final Map<String, String> BUREAU_OF = Map.of(ZHENXIONG, BUREAU, "530628", "bureau-yiliang");

  private String notADropout(String notes) {
    ProcessInstance pi = users.reportAtChangan();
    complete(TEACHER, users.taskOf(pi.getId()), Map.of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "TRANSFERRED",
        "verifyNotes", notes));
    return pi.getBusinessKey();
  }

  /** Reported, persuaded back at school, placed, followed up for the period, 销号 with its 佐证材料. */
  private String closedAfterReturning() {
    ProcessInstance pi = users.reportAtChangan();
    String caseNumber = pi.getBusinessKey();
    step(pi, TEACHER, Map.of("verifyResult", "CONFIRMED"));
    step(pi, OFFICIAL, Map.of("teacherHelper", TEACHER, "cadreHelper", CADRE));
    step(pi, TEACHER, Map.of("visitDate", "2025-08-04", "metWith", "父亲", "childWhereabouts", "AT_HOME", "reason", "WEARY",
        "familyAttitude", "HESITANT", "visitNotes", "孩子在家，不愿上学"));
    step(pi, TEACHER, Map.of("persuasionResult", "RETURNED", "persuasionNotes", "谈心后返校"));
    step(pi, TEACHER, Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班，结对帮扶"));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());
    ClockUtil.setCurrentTime(at(2025, 9, 15, 10));
    step(pi, TEACHER, Map.of("followUpResult", "STABLE", "followUpNotes", "按时到校"));
    ClosureEvidence.attachThroughService(evidence, historyService, pi.getId(), caseNumber, new Staff(TEACHER, staff.groupIdsOf(TEACHER)));
    step(pi, OFFICIAL, Map.of("closureDecision", "APPROVE", "closureComment", "同意销号"));
    assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().getStatus()).isEqualTo(CaseStatus.CLOSED);
    return caseNumber;
  }

  private void step(ProcessInstance pi, String user, Map<String, Object> variables) {
    complete(user, users.taskOf(pi.getId()), variables);
  }

  private void complete(String user, Task task, Map<String, Object> variables) {
    users.complete(user, task.getId(), variables);
  }

  private Job scheduleJob() {
    return managementService.createJobQuery().processDefinitionKey("recheck-schedule").timers().singleResult();
  }

  private QuarterlyRechecks.Round roundOf(ProcessInstance pi) {
    return rechecks.rounds().stream().filter(r -> pi.getId().equals(r.processInstanceId())).findFirst().orElseThrow();
  }

  private List<QuarterlyRechecks.Item> items(ProcessInstance pi) {
    return rechecks.items(roundOf(pi).id());
  }

  private Task taskOf(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
  }

  private List<String> passed(String processInstanceId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).distinct().toList();
  }

  static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CHINA).toInstant());
  }
}
