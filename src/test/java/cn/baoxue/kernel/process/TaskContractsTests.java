package cn.baoxue.kernel.process;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.process.TaskContracts.Contract;
import cn.baoxue.kernel.process.TaskContracts.FieldType;
import cn.baoxue.kernel.validation.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The task contracts read from the repository's models and forms: every user task of both models
 * has one, each is its form's editable fields with their types, the case start is the report
 * form plus what API clients document, and what a contract refuses is refused field by field.
 */
@QuickTier
class TaskContractsTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TaskContracts contracts = TaskContracts.get();

  @Test
  void everyUserTaskOfBothModelsHasTheContractOfItsForm() throws IOException {
    List<String> checked = new ArrayList<>();
    for (String file : List.of("processes/dropout-case.bpmn", "processes/supervision.bpmn", "processes/case-transfer.bpmn",
        "processes/county-recheck.bpmn", "processes/unit-report.bpmn", "processes/prevention-plan.bpmn",
        "processes/disabled-placement.bpmn", "processes/home-delivery-schedule.bpmn")) {
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        for (Process process : Bpmn.readModelFromStream(in).getModelElementsByType(Process.class)) {
          for (UserTask task : process.getChildElementsByType(UserTask.class)) {
            Contract contract = contracts.declaredTask(process.getId(), task.getId()).orElseThrow(
                () -> new AssertionError("no contract for " + process.getId() + "/" + task.getId()));
            assertThat(contract.name()).isEqualTo(task.getName());
            // The form's fields, and those an earlier release's form still sends from its open tasks.
            Set<String> expected = new LinkedHashSet<>(editableFields("forms/" + task.getCamundaFormRef() + ".form"));
            TaskContracts.RETIRED_FIELDS.getOrDefault(process.getId() + "/" + task.getId(), List.of())
                .forEach(field -> expected.add(field.key()));
            assertThat(contract.fields().keySet()).as(task.getId()).isEqualTo(expected);
            checked.add(task.getId());
          }
        }
      }
    }
    assertThat(checked).containsExactlyInAnyOrder("verify", "assignHelpers", "homeVisit", "persuadeSchool", "persuadeJoint",
        "issueReturnOrder", "checkOrderCompliance", "legalReferral", "planPlacement", "followUp", "approveClosure",
        "superviseOverdueTask", "decideTransfer", "assignTransferredHelpers", "drawRecheckSample", "recheckCase",
        "submitReport", "urgeReport", "makePreventionPlan", "reviewPreventionPlan", "urgePreventionReview",
        "assessPlacement", "urgeByTownship", "urgeByCounty");
    // And the referral's two tasks (联控联保), which have no form: answered on Baoxue's referral pages only.
    assertThat(contracts.tasks()).hasSize(checked.size() + 2);
  }

  @Test
  void theReferralsTasksAcceptNoVariableThroughTheEngine() {
    for (String task : List.of(ProcessKeys.ANSWER_REFERRAL, ProcessKeys.RECORD_REFERRAL_ACTION)) {
      assertThat(contracts.declaredTask(ProcessKeys.REFERRAL, task)).as(task).hasValueSatisfying(contract ->
          assertThat(contract.fields()).isEmpty());
    }
  }

  @Test
  void theCaseStartIsTheReportFormAndTheSourceApiClientsSend() throws IOException {
    Set<String> start = contracts.start().fields().keySet();
    Set<String> expected = new LinkedHashSet<>(editableFields("forms/report-student.form"));
    expected.add("source");
    assertThat(start).isEqualTo(expected);
    // The one case-start contract: the form and the API's extra field are exactly CaseStart's variables.
    assertThat(start).containsExactlyInAnyOrderElementsOf(CaseStart.VARIABLES);
    // DESIGN.md's start variables are all there.
    assertThat(start).containsAll(List.of("studentName", "studentIdNumber", "gender", "birthDate", "schoolCode", "grade",
        "villageCode", "guardianName", "guardianPhone", "reason", "source", "specialGroups"));
    assertThat(contracts.start().fields().get("grade").type()).isEqualTo(FieldType.INTEGER);
    assertThat(contracts.start().fields().get("birthDate").type()).isEqualTo(FieldType.DATE);
    assertThat(contracts.start().fields().get("specialGroups").type()).isEqualTo(FieldType.TEXT_LIST);
    assertThat(contracts.start("supervision").fields()).isEmpty();
    assertThat(contracts.task("dropout-case", "noSuchTask", "某任务").fields()).isEmpty();
  }

  @Test
  void typesComeFromTheComponents() {
    Contract approve = contracts.declaredTask("dropout-case", "approveClosure").orElseThrow();
    // The explicit choice of the form; the checkbox of the earlier release, still sent by its open tasks.
    assertThat(approve.fields().get("closureDecision").type()).isEqualTo(FieldType.TEXT);
    assertThat(approve.fields().get("closureApproved").type()).isEqualTo(FieldType.BOOLEAN);
    assertThat(approve.fields().get("closureComment").type()).isEqualTo(FieldType.TEXT);
    // The table of the case's records shows; it submits nothing, and its data is no field.
    assertThat(approve.fields()).doesNotContainKeys("caseRecords", "Table_caseRecords");
    Contract visit = contracts.declaredTask("dropout-case", "homeVisit").orElseThrow();
    assertThat(visit.fields().get("visitDate").type()).isEqualTo(FieldType.DATE);
    assertThat(visit.fields().get("visitDate").label()).isEqualTo("家访日期");
    assertThat(visit.fields().get("childWhereabouts").type()).isEqualTo(FieldType.TEXT);
  }

  @Test
  void undeclaredAndDisplayOnlyFieldsAreRefusedByName() {
    Contract visit = contracts.declaredTask("dropout-case", "homeVisit").orElseThrow();
    assertThat(check(visit, "{\"visitDate\":{\"value\":\"2026-11-20\"},\"teacherHelper\":{\"value\":\"teacher-nantai\"}}"))
        .containsExactly(new Problem("teacherHelper", "入户家访不接受字段“teacherHelper”"));
    assertThat(check(visit, "{\"caseNumber\":{\"value\":\"X\"}}")).extracting(Problem::field).containsExactly("caseNumber");
    Contract followUp = contracts.declaredTask("dropout-case", "followUp").orElseThrow();
    assertThat(check(followUp, "{\"followUpResult\":{\"value\":\"STABLE\"},\"followUpUntil\":{\"value\":\"2020-01-01\",\"type\":\"Date\"}}"))
        .extracting(Problem::field).containsExactly("followUpUntil");
    assertThat(check(followUp, "{\"escalationListener\":{\"value\":\"off\"}}")).extracting(Problem::field)
        .containsExactly("escalationListener");
  }

  @Test
  void wrongTypesAndObjectsAreRefusedAndFormSubmissionsAccepted() {
    Contract visit = contracts.declaredTask("dropout-case", "homeVisit").orElseThrow();
    assertThat(check(visit, "{\"visitDate\":{\"value\":20261120}}"))
        .containsExactly(new Problem("visitDate", "家访日期须为日期（yyyy-MM-dd）（visitDate）"));
    assertThat(check(visit, "{\"metWith\":{\"value\":\"父亲\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.io.File\"}}}"))
        .extracting(Problem::message).containsExactly("见到的人不接受类型“Object”的值（metWith）");
    assertThat(check(visit, "{\"visitNotes\":{\"value\":\"x\",\"type\":\"Xml\"}}")).hasSize(1);
    assertThat(check(visit, "{\"visitNotes\":\"x\"}")).hasSize(1);
    assertThat(check(visit, "{\"visitDate\":{\"value\":\"2026-11-20\"},\"familyAttitude\":{\"value\":null},"
        + "\"visitNotes\":{\"value\":\"见到父亲\",\"type\":\"String\"}}")).isEmpty();

    Contract start = contracts.start();
    assertThat(check(start, "{\"grade\":{\"value\":{\"$gt\":0}}}"))
        .containsExactly(new Problem("grade", "年级须为1–9之间的整数（grade）"));
    assertThat(check(start, "{\"grade\":{\"value\":\"九年级\"}}")).extracting(Problem::field).containsExactly("grade");
    assertThat(check(start, "{\"grade\":{\"value\":6.5}}")).extracting(Problem::field).containsExactly("grade");
    assertThat(check(start, "{\"studentName\":{\"value\":\"x\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.io.File\","
        + "\"serializationDataFormat\":\"application/json\"}}}")).extracting(Problem::field).containsExactly("studentName");
    assertThat(check(start, "{\"attachment\":{\"value\":\"AAAA\",\"type\":\"File\"}}")).extracting(Problem::field)
        .containsExactly("attachment");
    assertThat(check(start, "{\"specialGroups\":{\"value\":[1,2]}}")).extracting(Problem::field).containsExactly("specialGroups");
    assertThat(check(start, "{\"specialGroups\":{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Json\"}}")).hasSize(1);
    // As Tasklist and the README's scripts send them.
    assertThat(check(start, "{\"grade\":{\"value\":6},\"specialGroups\":{\"value\":\"[\\\"ORPHAN\\\",\\\"留守\\\"]\",\"type\":\"Json\"},"
        + "\"birthDate\":{\"value\":\"2014-03-05\"},\"source\":{\"value\":\"API\"},\"gender\":{\"value\":\"F\"}}")).isEmpty();
    assertThat(check(start, "{\"grade\":{\"value\":\"6\",\"type\":\"Integer\"},\"specialGroups\":{\"value\":\"LEFT_BEHIND,ORPHAN\"}}"))
        .isEmpty();
    Contract approve = contracts.declaredTask("dropout-case", "approveClosure").orElseThrow();
    assertThat(check(approve, "{\"closureApproved\":{\"value\":true}}")).isEmpty();
    assertThat(check(approve, "{\"closureApproved\":{\"value\":\"yes\"}}")).extracting(Problem::field).containsExactly("closureApproved");
  }

  private static List<Problem> check(Contract contract, String variables) {
    try {
      return contract.check(JSON.readTree(variables), name -> null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A form's keyed components that are not disabled, read straight from the file. */
  private static Set<String> editableFields(String form) throws IOException {
    JsonNode schema = JSON.readTree(Path.of(form).toFile());
    return toList(schema.path("components")).stream()
        .filter(component -> component.hasNonNull("key") && !component.path("disabled").asBoolean(false))
        .map(component -> component.get("key").asText())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }
}
