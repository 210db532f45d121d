package cn.baoxue.workflow;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model, the forms and the listeners agree: the task ids of docs/architecture.md, a Chinese form for
 * each task holding exactly the fields its listener reads, and a listener on every completion.
 */
@QuickTier
class ProcessModelTests {

  /** The fields each form must submit: what the task's listener reads. */
  static final Map<String, List<String>> FORM_FIELDS =
      Map.ofEntries(
          Map.entry("report-student", List.of("studentName", "studentIdNumber", "gender", "birthDate", "schoolCode", "grade",
              "villageCode", "guardianName", "guardianPhone", "reason", "specialGroups", "reportNotes", "source")),
          Map.entry("verify", List.of("verifyResult", "notDropoutReason", "verifyNotes")),
          Map.entry("assign-helpers", List.of("teacherHelper", "cadreHelper", "womenfedHelper")),
          Map.entry("home-visit", List.of("visitDate", "metWith", "childWhereabouts", "reason", "familyAttitude", "visitNotes")),
          Map.entry("persuade", List.of("persuasionResult", "persuasionNotes")),
          Map.entry("issue-return-order", List.of("orderDeadline", "persuasionResult", "persuasionNotes")),
          Map.entry("plan-placement", List.of("placement", "placementPlan")),
          Map.entry("follow-up", List.of("followUpResult", "followUpNotes")),
          Map.entry("approve-closure", List.of("closureDecision", "closureComment")),
          Map.entry("supervise-overdue-task", List.of("supervisionAction", "newAssignee", "newDueDate", "supervisionNotes")),
          Map.entry("decide-transfer", List.of("transferDecision", "receivingVillageCode", "receivingSchoolCode",
              "transferDecisionReason")),
          // 四个一 report tasks (unit-report.bpmn): not a case's, so no case summary (NOT_CASE_FORMS).
          Map.entry("submit-report", List.of("students", "studentsReason", "newCases", "newCasesReason", "confirmed",
              "confirmedReason", "returned", "returnedReason", "openCases", "openCasesReason", "zeroReport", "reportRemarks")),
          Map.entry("urge-report", List.of("urgeNote")),
          // 季度复核 (county-recheck.bpmn): a county's round, and a sampled case re-checked (its own facts, no rung).
          Map.entry("draw-recheck-sample", List.of("samplePerTownship")),
          Map.entry("recheck-case", List.of("recheckResult", "recheckNotes")),
          Map.entry("make-prevention-plan", List.of("helper", "actions")),
          Map.entry("review-prevention-plan", List.of("reviewOutcome", "reviewNotes")),
          Map.entry("urge-prevention-review", List.of("urgeNote")),
          // 残疾儿童安置 and 送教上门: no dropout case; their steps (placementRecorder, homeDeliveryUrgeRecorder) read these.
          Map.entry("assess-placement", List.of("placement", "deliveryTeachers", "deferralReason", "deferralAppliedOn", "assessmentNote")),
          Map.entry("urge-home-delivery", List.of("urgeNote")));

  /**
   * Forms of tasks that are no step of a dropout case's lifecycle — the report tasks, the quarterly
   * re-check, 残疾儿童安置 and 送教上门 — so without the case summary's rung and report day.
   */
  static final java.util.Set<String> NOT_CASE_FORMS = java.util.Set.of("submit-report", "urge-report", "draw-recheck-sample",
      "recheck-case", "assess-placement", "urge-home-delivery");

  static BpmnModelInstance model;
  static Map<String, JsonNode> forms = new HashMap<>();

  @BeforeAll
  static void read() throws IOException {
    model = Bpmn.readModelFromFile(Path.of("processes/dropout-case.bpmn").toFile());
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        forms.put(form.get("id").asText(), form);
      }
    }
  }

  @Test
  void userTasksAreTheNamesOfTheContract() {
    assertThat(userTasks()).extracting(UserTask::getId).containsExactlyInAnyOrder(
        "verify", "assignHelpers", "homeVisit", "persuadeSchool", "persuadeJoint", "issueReturnOrder",
        "checkOrderCompliance", "legalReferral", "planPlacement", "followUp", "approveClosure");
  }

  @Test
  void everyTaskHasAChineseNameADeployedFormAndACompletionListener() {
    for (UserTask task : userTasks()) {
      assertThat(task.getName()).as(task.getId()).matches(".*\\p{IsHan}.*");
      assertThat(forms).as(task.getId()).containsKey(task.getCamundaFormRef());
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      Collection<CamundaTaskListener> listeners =
          task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list();
      assertThat(listeners).as(task.getId())
          .anySatisfy(listener -> {
            assertThat(listener.getCamundaEvent()).isEqualTo("complete");
            assertThat(listener.getCamundaDelegateExpression()).endsWith("Listener}");
          });
    }
    StartEvent start = model.getModelElementsByType(StartEvent.class).iterator().next();
    assertThat(forms).containsKey(start.getCamundaFormRef());
  }

  @Test
  void everyTaskHasAWorkingDayDeadlineAndEscalatesWhenItIsMissed() {
    for (UserTask task : userTasks()) {
      assertThat(task.getCamundaDueDate()).isEqualTo("${deadlines.dueDate('" + task.getId() + "')}");
      assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
          .as(task.getId())
          .anySatisfy(listener -> {
            assertThat(listener.getCamundaEvent()).isEqualTo("timeout");
            assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${escalationListener}");
            assertThat(listener.getTimeouts()).singleElement()
                .satisfies(timeout -> assertThat(timeout.getTimeCycle().getTextContent())
                    .isEqualTo("${deadlines.escalationCycle('" + task.getId() + "')}"));
          });
    }
  }

  @Test
  void eachFormSubmitsExactlyTheFieldsItsListenerReads() {
    assertThat(forms.keySet()).containsExactlyInAnyOrderElementsOf(FORM_FIELDS.keySet());
    FORM_FIELDS.forEach((formId, fields) -> {
      List<JsonNode> submitted = fields(forms.get(formId)).stream().filter(c -> !c.path("disabled").asBoolean()).toList();
      assertThat(submitted).as(formId).extracting(c -> c.get("key").asText()).containsExactlyInAnyOrderElementsOf(fields);
      assertThat(submitted).as(formId + " labels").allSatisfy(c -> assertThat(label(c)).matches(".*\\p{IsHan}.*"));
    });
  }

  @Test
  void everyTaskFormShowsTheCaseSummary() {
    forms.forEach((formId, form) -> {
      // The prevention plan's forms are no case's: they show the pupil, her school and points instead.
      if (formId.contains("prevention")) {
        assertThat(fields(form)).as(formId).filteredOn(c -> c.path("disabled").asBoolean()).extracting(c -> c.get("key").asText())
            .contains("studentName", "schoolName", "riskPoints");
      } else if (!formId.equals("report-student") && !NOT_CASE_FORMS.contains(formId)) {
        assertThat(fields(form)).as(formId)
            .filteredOn(c -> c.path("disabled").asBoolean())
            .extracting(c -> c.get("key").asText())
            .contains("caseNumber", "studentName", "schoolName", "villageName", "currentRung", "reportedOn");
      }
    });
  }

  /** Date fields carry their label as dateLabel. */
  private static String label(JsonNode component) {
    return component.has("dateLabel") ? component.get("dateLabel").asText() : component.path("label").asText();
  }

  private static Collection<UserTask> userTasks() {
    return model.getModelElementsByType(UserTask.class);
  }

  private static List<JsonNode> fields(JsonNode container) {
    List<JsonNode> fields = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      if (component.has("key")) {
        fields.add(component);
      }
      fields.addAll(fields(component));
    }
    return fields;
  }
}
