package cn.baoxue.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.cases.CaseQueries;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.escalation.Escalation;
import cn.baoxue.escalation.EscalationRepository;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.QuickTier;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.identity.User;
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
 * 跨县移交 on the engine: 镇雄县 hands a case to 彝良县, which accepts it (the case, its routing and
 * its open tasks move to 角奎镇 and the new township names helpers), returns it (nothing moves), or
 * lets the deadline pass (督办 to 昭通市). Path, candidate groups and variables are asserted.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class CaseTransferProcessTests {

  static final String YILIANG = "530628";
  static final String JIAOKUI_TOWNSHIP = "530628100";
  static final String FADA_VILLAGE = "530628100201";
  static final String JIAOKUI_SCHOOL = "5306280001";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired StaffDirectory staff;
  @Autowired CountyTransfers transfers;
  @Autowired CountyTransferRepository transferRecords;
  @Autowired DropoutCaseRepository cases;
  @Autowired CaseQueries caseQueries;
  @Autowired EscalationRepository escalations;

  ActingUsers users;
  String newOfficial;
  String newTeacher;
  String newCadre;

  @BeforeEach
  void setUp() {
    users = new ActingUsers(engine, staff);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    newOfficial = createUser("official-jk-" + suffix, "何", "明", "township_" + JIAOKUI_TOWNSHIP);
    newTeacher = createUser("teacher-jk-" + suffix, "罗", "燕", "school_" + JIAOKUI_SCHOOL);
    newCadre = createUser("cadre-fd-" + suffix, "汪", "强", "village_" + FADA_VILLAGE);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theReceivingCountyAcceptsAndTheNewTownshipNamesHelpersThenTheCaseGoesOnThere() {
    ProcessInstance casePi = caseAtHomeVisit();
    String caseNumber = casePi.getBusinessKey();

    CountyTransfers.Requested requested = transfers.request(caseNumber,
        Map.of("toCounty", YILIANG, "reason", "家庭已迁居彝良县角奎镇，孩子随父母在当地生活"), bureau("bureau-zhenxiong"));
    assertThat(requested.status()).isEqualTo("PENDING");
    assertThat(requested.toCounty()).isEqualTo("彝良县");

    ProcessInstance transfer = transferOf(caseNumber);
    Task decide = users.taskOf(transfer.getId());
    assertThat(decide.getTaskDefinitionKey()).isEqualTo("decideTransfer");
    assertThat(candidateGroups(decide)).containsExactly("county_" + YILIANG);
    assertThat(decide.getDueDate()).isNotNull();
    assertThat(runtimeService.getVariables(transfer.getId())).containsEntry("caseNumber", caseNumber)
        .containsEntry("receivingCountyGroup", "county_" + YILIANG).containsEntry("sendingCountyName", "镇雄县")
        .containsEntry("receivingCountyName", "彝良县").doesNotContainKeys("countyGroup", "townshipGroup");
    assertThat(taskService.getVariableLocalTyped(decide.getId(), "receivingVillageChoices").getValue().toString())
        .contains("发达村（角奎镇）", FADA_VILLAGE).doesNotContain("长安村");
    // While it waits, the case stays where it is.
    assertThat(candidateUsers(users.taskOf(casePi.getId()))).containsExactlyInAnyOrder("teacher-changan", "cadre-changan");

    users.complete("bureau-yiliang", decide.getId(), Map.of("transferDecision", "ACCEPT",
        "receivingVillageCode", FADA_VILLAGE, "receivingSchoolCode", JIAOKUI_SCHOOL, "transferDecisionReason", "同意接收"));

    DropoutCase moved = cases.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(List.of(moved.getSchoolCode(), moved.getVillageCode(), moved.getTownshipCode(), moved.getCountyCode()))
        .containsExactly(JIAOKUI_SCHOOL, FADA_VILLAGE, JIAOKUI_TOWNSHIP, YILIANG);
    assertThat(moved.formerCounties()).containsExactly("530627");
    assertThat(runtimeService.getVariables(casePi.getId())).containsEntry("schoolGroup", "school_" + JIAOKUI_SCHOOL)
        .containsEntry("villageGroup", "village_" + FADA_VILLAGE).containsEntry("townshipGroup", "township_" + JIAOKUI_TOWNSHIP)
        .containsEntry("countyGroup", "county_" + YILIANG).containsEntry("countyCode", YILIANG)
        .containsEntry("townshipCode", JIAOKUI_TOWNSHIP).containsEntry("schoolName", "角奎小学");
    Task visit = users.taskOf(casePi.getId());
    assertThat(visit.getTaskDefinitionKey()).isEqualTo("homeVisit");
    assertThat(candidateUsers(visit)).isEmpty();
    assertThat(candidateGroups(visit)).containsExactly("township_" + JIAOKUI_TOWNSHIP);
    assertThat((String) taskService.getVariableLocal(visit.getId(), "caseSummary")).contains("角奎小学", "发达村", caseNumber)
        .doesNotContain("长安");

    Task assign = users.taskOf(transfer.getId());
    assertThat(assign.getTaskDefinitionKey()).isEqualTo("assignTransferredHelpers");
    assertThat(candidateGroups(assign)).containsExactly("township_" + JIAOKUI_TOWNSHIP);
    assertThat(runtimeService.getVariable(transfer.getId(), "helpersToReassign")).isEqualTo(true);
    assertThat(taskService.getVariableLocalTyped(assign.getId(), "teacherHelperChoices").getValue().toString())
        .contains(newTeacher).doesNotContain("teacher-changan");

    // The helpers must be of the new units: the old school's teacher is refused.
    assertThatThrownBy(() -> users.complete(newOfficial, assign.getId(), Map.of("teacherHelper", "teacher-changan", "cadreHelper", newCadre)))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class).hasMessageContaining("不是本案学校的教师");
    users.complete(newOfficial, assign.getId(), Map.of("teacherHelper", newTeacher, "cadreHelper", newCadre));

    assertThat(path(transfer)).containsExactly("transferRequested", "decideTransfer", "decisionGateway", "helpersGateway",
        "assignTransferredHelpers", "acceptedMerge", "transferAccepted");
    visit = users.taskOf(casePi.getId());
    assertThat(candidateUsers(visit)).containsExactlyInAnyOrder(newTeacher, newCadre);
    assertThat(candidateGroups(visit)).isEmpty();
    assertThat(runtimeService.getVariable(casePi.getId(), "teacherHelper")).isEqualTo(newTeacher);
    assertThat(transferRecords.findByProcessInstanceId(transfer.getId()).orElseThrow().getStatus())
        .isEqualTo(CountyTransfer.Status.ACCEPTED);

    // The county it left reads the case and works none of it.
    Jurisdiction zhenxiong = Jurisdiction.ofGroups(staff.groupIdsOf("bureau-zhenxiong"));
    assertThat(caseQueries.caseFile(caseNumber, zhenxiong)).isPresent();
    assertThat(caseQueries.visibleTo(zhenxiong)).extracting(DropoutCase::getCaseNumber).contains(caseNumber);
    Task movedVisit = visit;
    assertThat(users.as("teacher-changan", () -> taskService.createTaskQuery().taskId(movedVisit.getId()).count()))
        .as("the moved task leaves the old helper's list").isZero();
    assertThatThrownBy(() -> users.complete("teacher-changan", movedVisit.getId(), homeVisit()))
        .satisfiesAnyOf(refused -> assertThat(refused).isInstanceOf(AuthorizationException.class),
            refused -> assertThat(refused).hasMessageContaining("不在您的管辖范围内"));
    assertThat(users.taskOf(casePi.getId()).getTaskDefinitionKey()).isEqualTo("homeVisit");

    // The case goes on in 彝良县.
    users.complete(newTeacher, visit.getId(), homeVisit());
    Task persuade = users.taskOf(casePi.getId());
    assertThat(persuade.getTaskDefinitionKey()).isEqualTo("persuadeSchool");
    assertThat(candidateGroups(persuade)).containsExactly("school_" + JIAOKUI_SCHOOL);
  }

  @Test
  void theReceivingCountyReturnsTheCaseWithAReasonAndNothingMoves() {
    ProcessInstance casePi = caseAtHomeVisit();
    String caseNumber = casePi.getBusinessKey();
    transfers.request(caseNumber, Map.of("toCounty", YILIANG, "reason", "家长称已在彝良县务工"), bureau("bureau-zhenxiong"));
    ProcessInstance transfer = transferOf(caseNumber);
    Task decide = users.taskOf(transfer.getId());

    assertThatThrownBy(() -> users.complete("bureau-yiliang", decide.getId(), Map.of("transferDecision", "REJECT")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class).hasMessageContaining("接收或退回的理由不能为空");
    users.complete("bureau-yiliang", decide.getId(),
        Map.of("transferDecision", "REJECT", "transferDecisionReason", "经核查，该户未在我县登记居住"));

    assertThat(path(transfer)).containsExactly("transferRequested", "decideTransfer", "decisionGateway", "transferReturned");
    DropoutCase kept = cases.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(kept.getCountyCode()).isEqualTo("530627");
    assertThat(kept.getSchoolCode()).isEqualTo("5306270001");
    assertThat(kept.formerCounties()).isEmpty();
    assertThat(runtimeService.getVariable(casePi.getId(), "countyGroup")).isEqualTo("county_530627");
    assertThat(candidateUsers(users.taskOf(casePi.getId()))).containsExactlyInAnyOrder("teacher-changan", "cadre-changan");
    CountyTransfer returned = transferRecords.findByProcessInstanceId(transfer.getId()).orElseThrow();
    assertThat(returned.getStatus()).isEqualTo(CountyTransfer.Status.REJECTED);
    assertThat(returned.getDecisionReason()).isEqualTo("经核查，该户未在我县登记居住");
    assertThat(transfers.of(caseNumber, bureau("bureau-zhenxiong"))).singleElement()
        .satisfies(view -> assertThat(view.statusLabel() + "：" + view.decisionReason()).isEqualTo("已退回：经核查，该户未在我县登记居住"));
    // 彝良县 never saw it as its own.
    assertThat(caseQueries.caseFile(caseNumber, Jurisdiction.ofGroups(staff.groupIdsOf("bureau-yiliang")))).isEmpty();
  }

  @Test
  void anUnansweredTransferGoesToTheReceivingCountysPrefectureAs督办() {
    ProcessInstance casePi = caseAtHomeVisit();
    String caseNumber = casePi.getBusinessKey();
    transfers.request(caseNumber, Map.of("toCounty", YILIANG, "reason", "孩子在彝良县务工"), bureau("bureau-zhenxiong"));
    ProcessInstance transfer = transferOf(caseNumber);
    Task decide = users.taskOf(transfer.getId());

    Job timer = managementService.createJobQuery().processInstanceId(transfer.getId()).activityId("decideTransfer").timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(decide.getDueDate());
    ClockUtil.setCurrentTime(new Date(decide.getDueDate().getTime() + 24L * 3600 * 1000));
    managementService.executeJob(timer.getId());

    Task escalated = taskService.createTaskQuery().taskId(decide.getId()).singleResult();
    assertThat(candidateGroups(escalated)).containsExactlyInAnyOrder("county_" + YILIANG, "prefecture_530600");
    assertThat(escalated.getPriority()).isEqualTo(80);
    Escalation escalation = escalations.findByCaseIdOrderByEscalatedAtAscIdAsc(cases.findByCaseNumber(caseNumber).orElseThrow().getId())
        .stream().filter(e -> "decideTransfer".equals(e.getTaskKey())).findFirst().orElseThrow();
    assertThat(escalation.getToGroup()).isEqualTo("prefecture_530600");
    assertThat(escalation.getResponsible()).isEqualTo("county_" + YILIANG);
    Task supervise = taskService.createTaskQuery().processDefinitionKey("supervision").processInstanceBusinessKey(caseNumber)
        .singleResult();
    assertThat(supervise.getName()).isEqualTo("督办：接收跨县移交的案件");
    assertThat(candidateGroups(supervise)).containsExactly("prefecture_530600");
    assertThat(taskService.getVariable(supervise.getId(), "supervisorGroup")).isEqualTo("prefecture_530600");
    // The sending county's chain is not asked.
    assertThat(candidateGroups(escalated)).doesNotContain("county_530627", "township_530627205");

    // Answered late: the 督办 is withdrawn.
    users.complete("bureau-yiliang", decide.getId(),
        Map.of("transferDecision", "REJECT", "transferDecisionReason", "逾期核查，该户不在我县"));
    assertThat(taskService.createTaskQuery().processDefinitionKey("supervision").processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  @Test
  void aCaseNotYetVerifiedMovesWithoutAHelpersStepAndAChildWithNoSchoolGoesToTheTownship() {
    ProcessInstance casePi = users.reportAtChangan();
    String caseNumber = casePi.getBusinessKey();
    transfers.request(caseNumber, Map.of("toCounty", YILIANG, "reason", "随迁"), bureau("bureau-zhenxiong"));
    ProcessInstance transfer = transferOf(caseNumber);

    // Only units of the receiving county.
    assertThatThrownBy(() -> users.complete("bureau-yiliang", users.taskOf(transfer.getId()).getId(),
            Map.of("transferDecision", "ACCEPT", "receivingVillageCode", "530627104201")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class).hasMessageContaining("不是彝良县的村");
    users.complete("bureau-yiliang", users.taskOf(transfer.getId()).getId(),
        Map.of("transferDecision", "ACCEPT", "receivingVillageCode", FADA_VILLAGE));

    assertThat(path(transfer)).containsExactly("transferRequested", "decideTransfer", "decisionGateway", "helpersGateway",
        "acceptedMerge", "transferAccepted");
    Task verify = users.taskOf(casePi.getId());
    assertThat(verify.getTaskDefinitionKey()).isEqualTo("verify");
    assertThat(candidateGroups(verify)).containsExactly("township_" + JIAOKUI_TOWNSHIP);
    DropoutCase moved = cases.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(moved.hasSchool()).isFalse();
    assertThat(moved.getGrade()).isNull();
    assertThat(runtimeService.getVariable(casePi.getId(), "schoolName")).isEqualTo("无学籍");
  }

  @Test
  void aTransferProcessStartedByHandWithoutARecordedTransferIsRefused() {
    String caseNumber = caseAtHomeVisit().getBusinessKey();

    assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey("case-transfer").businessKey(caseNumber)
            .setVariables(Map.of("caseNumber", caseNumber, "receivingCountyGroup", "county_" + YILIANG)).execute())
        .isInstanceOf(InvalidCaseInputException.class).hasMessageContaining("只能由案件所在县的教育局在保学中发起");
    assertThat(transferOf(caseNumber)).isNull();
    assertThat(transferRecords.findAll()).noneMatch(t -> t.getCaseId().equals(cases.findByCaseNumber(caseNumber).orElseThrow().getId()));
  }

  private ProcessInstance caseAtHomeVisit() {
    ProcessInstance pi = users.reportAtChangan();
    users.complete("teacher-changan", users.taskOf(pi.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    assertThat(users.taskOf(pi.getId()).getTaskDefinitionKey()).isEqualTo("homeVisit");
    return pi;
  }

  private static Map<String, Object> homeVisit() {
    Map<String, Object> visit = new HashMap<>();
    visit.put("visitDate", java.time.LocalDate.now().toString());
    visit.put("metWith", "母亲");
    visit.put("childWhereabouts", "AT_HOME");
    visit.put("reason", "WEARY");
    visit.put("familyAttitude", "HESITANT");
    visit.put("visitNotes", "已在角奎镇家中见到孩子");
    return visit;
  }

  private ProcessInstance transferOf(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("case-transfer").processInstanceBusinessKey(caseNumber)
        .singleResult();
  }

  private Staff bureau(String userId) {
    return new Staff(userId, staff.groupIdsOf(userId));
  }

  private List<String> path(ProcessInstance pi) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private List<String> candidateUsers(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId).toList();
  }

  private String createUser(String id, String lastName, String firstName, String group) {
    var identity = engine.getIdentityService();
    User user = identity.newUser(id);
    user.setLastName(lastName);
    user.setFirstName(firstName);
    user.setPassword("Transfer-" + UUID.randomUUID());
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }
}
