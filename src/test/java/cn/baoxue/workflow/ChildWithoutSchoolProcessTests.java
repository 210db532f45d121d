package cn.baoxue.workflow;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.HelperAssignmentRepository;
import cn.baoxue.cases.LedgerQueries;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.TestStudents;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A child found with no 学籍 (by comparing registries, or door to door) has no school: the township
 * of her home village does the school's steps until she is placed, and pages and documents say
 * 无学籍. A teacher's report still needs the school.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class ChildWithoutSchoolProcessTests {

  static final String BUREAU = "bureau-zhenxiong";
  static final String OFFICIAL = "official-jianshan";
  static final String CADRE = "cadre-changan";
  static final String TEACHER = "teacher-changan";
  static final String TOWNSHIP_GROUP = "township_530627205";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired StaffDirectory staff;
  @Autowired DropoutCaseRepository cases;
  @Autowired HelperAssignmentRepository helpers;
  @Autowired LedgerQueries ledgers;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
  }

  @Test
  void aChildFoundByComparingRegistriesWithNoSchoolIsWorkedByHerTownship() {
    ProcessInstance pi = start(BUREAU, withoutSchool("RECONCILIATION", "比对无学籍"));

    assertThat(pi).isWaitingAt("verify").task().hasCandidateGroup(TOWNSHIP_GROUP).isNotAssigned();
    assertThat(pi).variables()
        .containsEntry("schoolGroup", TOWNSHIP_GROUP)
        .containsEntry("townshipGroup", TOWNSHIP_GROUP)
        .containsEntry("schoolName", "无学籍")
        .containsEntry("source", "RECONCILIATION");
    DropoutCase opened = caseOf(pi);
    assertThat(opened.getSchoolCode()).isNull();
    assertThat(opened.getGrade()).isNull();
    assertThat(opened.schoolGroup()).isEqualTo(TOWNSHIP_GROUP);
    assertThat(opened.getStudent().getSchoolCode()).isNull();

    // The suspected ledger of her township lists her with no school.
    var page = ledgers.page(LedgerQueries.Ledger.SUSPECTED, new LedgerQueries.Filter(null, null, null, null, null, null, null, null),
        Jurisdiction.ofGroups(staff.groupIdsOf(OFFICIAL)), 0, 500);
    assertThat(page.rows()).filteredOn(row -> opened.getCaseNumber().equals(row.caseNumber()))
        .singleElement().satisfies(row -> {
          assertThat(row.school()).isEqualTo("无学籍");
          assertThat(row.grade()).isNull();
        });

    // The township verifies and picks her first helper from its own staff; the village cadre the second.
    complete(OFFICIAL, pi, Map.of("verifyResult", "CONFIRMED"));
    assertThat(pi).isWaitingAt("assignHelpers").task().hasCandidateGroup(TOWNSHIP_GROUP);
    assertThatThrownBy(() -> complete(OFFICIAL, pi, Map.of("teacherHelper", TEACHER, "cadreHelper", CADRE)))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class)
        .rootCause().hasMessageContaining("本案乡镇的工作人员");
    complete(OFFICIAL, pi, Map.of("teacherHelper", OFFICIAL, "cadreHelper", CADRE));
    assertThat(pi).isWaitingAt("homeVisit").task().hasCandidateUser(OFFICIAL).hasCandidateUser(CADRE);
    complete(CADRE, pi, Map.of("visitDate", BeijingTime.today().toString(), "metWith", "父亲", "childWhereabouts", "AT_HOME",
        "reason", "PARENT_UNSUPPORTIVE", "familyAttitude", "HESITANT", "visitNotes", "孩子从未入学，父亲同意送其上学"));
    assertThat(pi).isWaitingAt("persuadeSchool").task().hasCandidateGroup(TOWNSHIP_GROUP);
    assertThat(pi).hasPassedInOrder("caseReported", "verify", "assignHelpers", "homeVisit");
  }

  @Test
  void aDoorToDoorFindMayHaveNoSchoolButATeachersReportMayNot() {
    ProcessInstance pi = start(OFFICIAL, withoutSchool("SURVEY", "摸排无学籍"));
    assertThat(pi).isWaitingAt("verify").task().hasCandidateGroup(TOWNSHIP_GROUP);
    assertThat(caseOf(pi).getSource().name()).isEqualTo("SURVEY");

    long before = cases.count();
    assertThatThrownBy(() -> start(OFFICIAL, withoutSchool("REPORT", "上报无学籍")))
        .isInstanceOfSatisfying(InvalidCaseInputException.class,
            e -> assertThat(e.problems()).anyMatch(p -> p.contains("学校代码")).anyMatch(p -> p.contains("年级")));
    assertThat(cases.count()).isEqualTo(before);
  }

  private static Map<String, Object> withoutSchool(String source, String name) {
    Map<String, Object> variables = TestStudents.changanGirl();
    variables.remove("schoolCode");
    variables.remove("grade");
    variables.put("studentName", name);
    variables.put("source", source);
    variables.put("reason", "OTHER");
    return variables;
  }

  private ProcessInstance start(String user, Map<String, Object> variables) {
    identityService.setAuthentication(user, staff.groupIdsOf(user));
    try {
      return runtimeService.createProcessInstanceByKey("dropout-case").setVariables(variables).execute();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void complete(String user, ProcessInstance pi, Map<String, Object> variables) {
    String taskId = task(pi).getId();
    identityService.setAuthentication(user, staff.groupIdsOf(user));
    try {
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private DropoutCase caseOf(ProcessInstance pi) {
    return cases.findByCaseNumber(pi.getBusinessKey()).orElseThrow();
  }
}
