package cn.baoxue.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.evidence.EvidenceService;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.process.TaskContracts;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.ClosureEvidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The models' expressions resolve a name among the process variables before the Spring beans, so
 * a variable named like a bean ({@code escalationListener}, {@code deadlines}) would shadow it for
 * the rest of the process. Clients may send only their forms' fields (TaskContracts, checked at
 * start-up); this walks a case down its longest path — escalated and 督办ed, through the written
 * order, the legal referral, the follow-up and 销号 — and checks every variable the listeners
 * wrote on the way, task-local ones included.
 */
@BaoxueWebTest
class ProcessVariableNamesTests {

  @Autowired ApplicationContext spring;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired StaffDirectory staff;
  @Autowired EvidenceService evidence;

  private final Set<String> names = new TreeSet<>();

  @Test
  void noVariableOfAFormOrAListenerBearsTheNameOfABean() {
    assertThat(TaskContracts.get().variableNames()).isNotEmpty().noneMatch(spring::containsBean);

    ActingUsers users = new ActingUsers(engine, staff);
    String pi = users.reportAtChangan().getId();
    String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
    collect(pi, caseNumber);
    runTimer(pi, "verify");
    collect(pi, caseNumber);
    String supervise = taskService.createTaskQuery().processDefinitionKey("supervision").processInstanceBusinessKey(caseNumber)
        .singleResult().getId();
    users.complete("official-jianshan", supervise, Map.of("supervisionAction", "EXTEND",
        "newDueDate", LocalDate.now().plusDays(30).toString(), "supervisionNotes", "延期"));
    complete(users, pi, caseNumber, "teacher-changan", "verify", Map.of("verifyResult", "CONFIRMED"));
    complete(users, pi, caseNumber, "official-jianshan", "assignHelpers", Map.of("teacherHelper", "teacher-changan",
        "cadreHelper", "cadre-changan"));
    complete(users, pi, caseNumber, "teacher-changan", "homeVisit", Map.of("visitDate", LocalDate.now().toString(),
        "metWith", "父亲", "childWhereabouts", "AT_HOME", "reason", "WEARY", "visitNotes", "孩子在家"));
    complete(users, pi, caseNumber, "teacher-changan", "persuadeSchool", persuasion("NOT_RETURNED"));
    complete(users, pi, caseNumber, "cadre-changan", "persuadeJoint", persuasion("NOT_RETURNED"));
    Map<String, Object> order = new HashMap<>(persuasion("NOT_RETURNED"));
    order.put("orderDeadline", LocalDate.now().plusDays(5).toString());
    complete(users, pi, caseNumber, "official-jianshan", "issueReturnOrder", order);
    runTimer(pi, "orderDeadlinePassed");
    complete(users, pi, caseNumber, "official-jianshan", "checkOrderCompliance", persuasion("NOT_RETURNED"));
    complete(users, pi, caseNumber, "bureau-zhenxiong", "legalReferral", persuasion("RETURNED"));
    complete(users, pi, caseNumber, "teacher-changan", "planPlacement", Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班"));
    runTimer(pi, "followUpDue");
    complete(users, pi, caseNumber, "teacher-changan", "followUp", Map.of("followUpResult", "STABLE", "followUpNotes", "按时到校"));
    ClosureEvidence.attachThroughService(evidence, historyService, pi, caseNumber,
        new Staff("teacher-changan", staff.groupIdsOf("teacher-changan")));
    complete(users, pi, caseNumber, "official-jianshan", "approveClosure", Map.of("closureDecision", "APPROVE", "closureComment", "同意"));

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndTime()).isNotNull();
    assertThat(names).as("what the walk saw").contains("caseNumber", "townshipGroup", "currentRung", "caseSummary",
        "teacherHelperChoices", "complianceCheckDate", "returnOrderDocumentId", "followUpUntil", "closureApproved",
        "overdueTaskName", "overdueTaskStillOpen");
    List<String> beans = names.stream().filter(spring::containsBean).toList();
    assertThat(beans).as("process variables named like beans").isEmpty();
  }

  private static Map<String, Object> persuasion(String result) {
    return Map.of("persuasionResult", result, "persuasionNotes", "劝返记录");
  }

  private void complete(ActingUsers users, String pi, String caseNumber, String user, String taskKey, Map<String, Object> variables) {
    String task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult().getId();
    collect(pi, caseNumber);
    users.complete(user, task, variables);
    collect(pi, caseNumber);
  }

  private void runTimer(String pi, String activityId) {
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi).activityId(activityId).singleResult().getId());
  }

  /** Every variable name of the case's process and its 督办 processes, running and in the history. */
  private void collect(String pi, String caseNumber) {
    List<String> instances = new ArrayList<>(List.of(pi));
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .map(HistoricProcessInstance::getId)
        .forEach(instances::add);
    String[] ids = instances.toArray(String[]::new);
    runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids).list().stream()
        .map(VariableInstance::getName)
        .forEach(names::add);
    historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).list().stream()
        .map(HistoricVariableInstance::getName)
        .forEach(names::add);
  }
}
