package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.Rosters;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JacksonJsonParser;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 恶意输入: a corpus of hostile inputs sent to every door that takes input — case reports through
 * /engine-rest (start and submit-form), task completion, the roster import, the attendance feed,
 * enrolment changes, and the contact log as API and as the case page's form. Each is refused with
 * a clear 4xx (with a Chinese reason where the door is Baoxue's own) and nothing is stored; what
 * is legitimately free text is stored as typed, never evaluated, and shown escaped.
 */
@BaoxueWebTest
class HostileInputTests {

  /** What no person's name contains. */
  static final List<String> HOSTILE_NAMES = List.of(
      "<script>alert('xss')</script>",
      "<img src=x onerror=alert(1)>",
      "王小梅'; DROP TABLE student; --",
      "1' OR '1'='1",
      "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}",
      "#{7*7}",
      "=HYPERLINK(\"http://evil.example\",\"点我\")",
      "../../etc/passwd",
      "王".repeat(300));

  /** Free text that may be stored, as typed: markup and expressions in it must stay inert. */
  static final String MARKUP_NOTE = "<script>alert('笔记')</script><b>加粗</b> ${7*7} #{7*7}";
  static final String ESCAPED_NOTE = "&lt;script&gt;alert(&#39;笔记&#39;)&lt;/script&gt;&lt;b&gt;加粗&lt;/b&gt; ${7*7} #{7*7}";

  @Autowired TestRestTemplate anonymous;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  // ---------------------------------------------------------------- case reports (/engine-rest)

  @Test
  void hostileNamesInAReportAreRefusedWithTheChineseReasonAndNothingIsStored() {
    Caller teacher = Caller.basic(port, "teacher-changan");
    Counts before = counts();
    for (String hostile : HOSTILE_NAMES) {
      for (String field : List.of("studentName", "guardianName")) {
        Map<String, Object> report = TestStudents.changanGirl();
        report.put(field, hostile);
        Reply refused = teacher.postJson(START, startBody(report));
        assertRefusedInChinese(refused, 400, field.equals("studentName") ? "学生姓名" : "监护人姓名");
      }
      Map<String, Object> viaForm = TestStudents.changanGirl();
      viaForm.put("studentName", hostile);
      assertRefusedInChinese(teacher.postJson(SUBMIT_FORM, startBody(viaForm)), 400, "学生姓名");
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void wrongTypesSqlFragmentsAndBrokenJsonInAReportAreRefused() {
    Caller teacher = Caller.basic(port, "teacher-changan");
    Counts before = counts();
    Map<String, Object> grade = TestStudents.changanGirl();
    grade.put("grade", "九年级");
    assertRefusedInChinese(teacher.postJson(START, startBody(grade)), 400, "年级");
    Map<String, Object> idNumber = TestStudents.changanGirl();
    idNumber.put("studentIdNumber", "530627' OR '1'='1");
    assertRefusedInChinese(teacher.postJson(START, startBody(idNumber)), 400, "身份证号");
    Map<String, Object> birthDate = TestStudents.changanGirl();
    birthDate.put("birthDate", "2014-02-30'; DELETE FROM student; --");
    assertRefusedInChinese(teacher.postJson(START, startBody(birthDate)), 400, "出生日期");
    Map<String, Object> school = TestStudents.changanGirl();
    school.put("schoolCode", "../../5306270001");
    assertRefusedInChinese(teacher.postJson(START, startBody(school)), 400, "学校代码");
    Map<String, Object> gender = TestStudents.changanGirl();
    gender.put("gender", "<b>M</b>");
    assertRefusedInChinese(teacher.postJson(START, startBody(gender)), 400, "性别");
    Map<String, Object> notes = TestStudents.changanGirl();
    notes.put("reportNotes", "说".repeat(2001));
    assertRefusedInChinese(teacher.postJson(START, startBody(notes)), 400, "情况说明不能超过2000个字");

    Map<String, Object> padded = TestStudents.changanGirl();
    padded.put("padding", "填".repeat(4001));
    assertRefusedInChinese(teacher.postJson(START, startBody(padded)), 400, "变量“padding”过长");

    // Camunda's own parsing refuses these before Baoxue sees them: 400, and no stack trace.
    String javaSerialized = "{\"variables\":{\"studentName\":{\"type\":\"Object\",\"value\":\""
        + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 0x74, 0, 1, 0x41})
        + "\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}";
    assertRefused(teacher.postJson(START, javaSerialized), 400);
    assertRefused(teacher.postJson(START, "{\"variables\":{\"studentName\":"), 400);
    assertRefused(teacher.postJson(START, "[\"variables\"]"), 400);
    assertRefused(teacher.postJson(START, "{\"variables\":{\"grade\":{\"value\":\"6\",\"type\":\"Integer\"}}}x"), 400);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aReportCannotSkipTheIntakeOrStartHalfwayThroughTheProcess() {
    Caller teacher = Caller.basic(port, "teacher-changan");
    Caller tasklist = Caller.loggedIn(port, "teacher-changan");
    Counts before = counts();
    long anotherCase = jdbc.queryForObject("select coalesce(max(id), 0) from dropout_case", Long.class);
    for (String instructions : List.of(
        "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"approveClosure\"}],\"skipCustomListeners\":true,",
        "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"approveClosure\"}],",
        "\"skipCustomListeners\":true,\"skipIoMappings\":true,")) {
      Map<String, Object> report = TestStudents.changanGirl();
      report.put("townshipGroup", "school_" + TestStudents.CHANGAN_SCHOOL);
      report.put("caseId", anotherCase);
      String body = startBody(report).replaceFirst("^\\{", "{" + Matcher.quoteReplacement(instructions));
      assertRefusedInChinese(teacher.postJson(START, body), 403, "案件只能从上报开始办理");
      assertRefusedInChinese(tasklist.postJson("/camunda/api/engine/engine/default/process-definition/key/dropout-case/start", body), 403, "案件只能从上报开始办理");
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void expressionsInVariablesAreStoredAsTypedAndNeverEvaluated() {
    Map<String, Object> report = TestStudents.changanGirl();
    report.put("reportNotes", "${execution.setVariable('pwned', true)} #{execution.setVariable('pwned', true)}");
    Reply started = Caller.basic(port, "teacher-changan").postJson(START, startBody(report));
    assertThat(started.status()).as("%s", started).isEqualTo(200);
    String processInstanceId = json(started, "id");

    assertThat(runtimeService.getVariable(processInstanceId, "reportNotes"))
        .isEqualTo("${execution.setVariable('pwned', true)} #{execution.setVariable('pwned', true)}");
    assertThat(runtimeService.getVariable(processInstanceId, "pwned")).isNull();
  }

  // ---------------------------------------------------------------- task completion

  @Test
  void aTaskRefusesHostileInputAndStaysOpen() {
    String processInstanceId = EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl()).getBody().get("id").toString();
    String verify = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    Caller teacher = Caller.basic(port, "teacher-changan");

    assertRefusedInChinese(teacher.postJson("/engine-rest/task/" + verify + "/complete",
        "{\"variables\":{\"verifyResult\":{\"value\":\"<script>alert(1)</script>\"}}}"), 400, "核实结果");
    assertRefusedInChinese(teacher.postJson("/engine-rest/task/" + verify + "/complete",
        "{\"variables\":{\"verifyResult\":{\"value\":\"${true}\"}}}"), 400, "核实结果");
    assertRefusedInChinese(teacher.postJson("/engine-rest/task/" + verify + "/complete",
        "{\"variables\":{\"verifyResult\":{\"value\":\"CONFIRMED\"},\"verifyNotes\":{\"value\":\"" + "核".repeat(2001) + "\"}}}"),
        400, "核实情况不能超过2000个字");
    assertRefused(teacher.postJson("/engine-rest/task/" + verify + "/complete", "{\"variables\":"), 400);
    assertRefusedInChinese(teacher.postJson("/engine-rest/task/" + verify + "/complete",
        "{\"variables\":{\"verifyResult\":{\"value\":\"CONFIRMED\"},\"remark\":{\"value\":\"" + "备".repeat(4001) + "\"}}}"),
        400, "变量“remark”过长");

    assertThat(taskService.createTaskQuery().taskId(verify).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select status from dropout_case where process_instance_id = ?", String.class,
        processInstanceId)).isEqualTo("REPORTED");
  }

  @Test
  void aTaskCannotReRouteItsCaseToAnotherTownship() {
    String processInstanceId = EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl()).getBody().get("id").toString();
    String verify = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

    Reply refused = Caller.basic(port, "teacher-changan").postJson("/engine-rest/task/" + verify + "/complete",
        "{\"variables\":{\"verifyResult\":{\"value\":\"CONFIRMED\"},\"townshipGroup\":{\"value\":\"township_530627104\"}}}");

    assertRefusedInChinese(refused, 400, "townshipGroup");
    assertThat(taskService.createTaskQuery().taskId(verify).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(processInstanceId, "townshipGroup")).isEqualTo("township_530627205");
  }

  @Test
  void markupInNotesIsStoredAsTypedAndTheCasePageShowsItEscaped() {
    var started = EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl()).getBody();
    String processInstanceId = started.get("id").toString();
    String caseNumber = started.get("businessKey").toString();
    String verify = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    Reply done = Caller.basic(port, "teacher-changan").postJson("/engine-rest/task/" + verify + "/complete",
        "{\"variables\":{\"verifyResult\":{\"value\":\"CONFIRMED\"},\"verifyNotes\":{\"value\":\"" + MARKUP_NOTE.replace("\"", "\\\"") + "\"}}}");
    assertThat(done.status()).as("%s", done).isEqualTo(204);

    assertThat(jdbc.queryForObject("select verify_notes from dropout_case where case_number = ?", String.class, caseNumber))
        .isEqualTo(MARKUP_NOTE);
    String page = Caller.loggedIn(port, "teacher-changan").get("/cases/" + caseNumber).body();
    assertThat(page).contains(ESCAPED_NOTE).doesNotContain("<script>alert('笔记')").doesNotContain("<b>加粗");
  }

  // ---------------------------------------------------------------- task contracts (TaskContracts)

  @Test
  void aStepTakesOnlyTheFieldsOfItsFormThroughEveryDoorAndSpelling() {
    String processInstanceId = caseAt("homeVisit");
    String visit = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    CaseState before = caseState(processInstanceId);
    // The whole visit, plus the helper of another township's school: she would get the follow-up.
    String handOver = "{\"variables\":{" + VISIT + ",\"teacherHelper\":{\"value\":\"teacher-nantai\"}}}";
    Caller teacher = Caller.basic(port, "teacher-changan");
    Caller tasklist = Caller.loggedIn(port, "teacher-changan");

    List<String> engineDoors = List.of("/engine-rest/task/" + visit + "/complete", "/engine-rest/task/" + visit + "/complete/",
        "/engine-rest/task/" + visit + "/submit-form", "/engine-rest/task/" + visit + "/resolve",
        "/engine-rest/engine/default/task/" + visit + "/complete");
    for (String door : engineDoors) {
      assertRefusedForFieldOrOffTheList(teacher.postJson(door, handOver), "teacherHelper", "入户家访不接受字段“teacherHelper”");
    }
    assertRefusedForField(teacher.postJson(engineDoors.get(0), handOver), "teacherHelper", "入户家访不接受字段“teacherHelper”");
    asAdminEveryDoorMeetsTheContract(engineDoors, handOver, "teacherHelper", "入户家访不接受字段“teacherHelper”");
    for (String door : List.of(WEBAPP_API + "/task/" + visit + "/submit-form", WEBAPP_API + "/task/" + visit + "/submit-form/",
        WEBAPP_API + "/task/" + visit + "/complete")) {
      assertRefusedForFieldOrOffTheList(tasklist.postJson(door, handOver), "teacherHelper", "入户家访不接受字段“teacherHelper”");
    }
    // Spellings that reach no resource (Spring Security's firewall, or Jersey finds none): refused all the same.
    for (String door : List.of("/engine-rest//task/" + visit + "//complete", "/engine-rest/task/" + visit + "/complete;x=1",
        "/engine-rest/task/" + visit + "/%63omplete", WEBAPP_API + "//task/" + visit + "/submit-form")) {
      Reply reply = door.startsWith(WEBAPP_API) ? tasklist.postJson(door, handOver) : teacher.postJson(door, handOver);
      assertThat(reply.status()).as("%s %s", door, reply).isIn(400, 403, 404);
      if (reply.status() == 400 && reply.body().contains("problems")) {
        assertRefusedForField(reply, "teacherHelper", "入户家访不接受字段“teacherHelper”");
      }
    }
    // Someone who may not see the task learns nothing of its form: the engine's refusal.
    Reply stranger = Caller.basic(port, "teacher-nantai").postJson("/engine-rest/task/" + visit + "/complete", handOver);
    assertThat(stranger.status()).as("%s", stranger).isIn(403, 404);
    assertThat(stranger.body()).doesNotContain("teacherHelper");
    // A field the form shows but never submits (disabled) is no way in either.
    assertRefusedForField(teacher.postJson("/engine-rest/task/" + visit + "/complete",
        "{\"variables\":{" + VISIT + ",\"caseNumber\":{\"value\":\"530627-2026-00001\"}}}"), "caseNumber", "caseNumber");

    assertThat(taskService.createTaskQuery().taskId(visit).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(processInstanceId, "teacherHelper")).isEqualTo("teacher-changan");
    assertThat(caseState(processInstanceId)).isEqualTo(before);
  }

  @Test
  void aFollowUpCannotShortenItsFollowUpPeriod() {
    String processInstanceId = caseAt("followUp");
    String followUp = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    Object until = runtimeService.getVariable(processInstanceId, "followUpUntil");
    CaseState before = caseState(processInstanceId);
    String skip = "{\"variables\":{\"followUpResult\":{\"value\":\"STABLE\"},\"followUpNotes\":{\"value\":\"按时到校\"},"
        + "\"followUpUntil\":{\"value\":\"2000-01-01T00:00:00.000+0800\",\"type\":\"Date\"}}}";

    assertRefusedForField(Caller.basic(port, "teacher-changan").postJson("/engine-rest/task/" + followUp + "/complete", skip),
        "followUpUntil", "跟踪回访不接受字段“followUpUntil”");
    assertRefusedForFieldOrOffTheList(Caller.loggedIn(port, "teacher-changan").postJson(WEBAPP_API + "/task/" + followUp + "/submit-form/", skip),
        "followUpUntil", "跟踪回访不接受字段“followUpUntil”");

    assertThat(taskService.createTaskQuery().taskId(followUp).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(processInstanceId, "followUpUntil")).isEqualTo(until);
    assertThat(caseState(processInstanceId)).isEqualTo(before);
  }

  @Test
  void aVariableNamedLikeABeanIsRefusedAndEscalationStillHappens() {
    String processInstanceId = caseAt("verify");
    String verify = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    CaseState before = caseState(processInstanceId);
    String shadow = "{\"variables\":{\"verifyResult\":{\"value\":\"CONFIRMED\"},\"escalationListener\":{\"value\":\"off\"}}}";

    assertRefusedForField(Caller.basic(port, "teacher-changan").postJson("/engine-rest/task/" + verify + "/complete", shadow),
        "escalationListener", "核实是否辍学不接受字段“escalationListener”");
    assertRefusedForField(Caller.loggedIn(port, "teacher-changan").postJson(WEBAPP_API + "/task/" + verify + "/submit-form", shadow),
        "escalationListener", "escalationListener");
    // Not past the form either, not even by an administrator.
    assertRefused(Caller.basic(port, "teacher-changan").putJson("/engine-rest/process-instance/" + processInstanceId
        + "/variables/escalationListener", "{\"value\":\"off\"}"), 403);
    assertRefusedForField(Caller.basic(port, "admin").putJson("/engine-rest/process-instance/" + processInstanceId
        + "/variables/escalationListener/", "{\"value\":\"off\"}"), "escalationListener", "系统组件同名");
    assertRefusedForField(Caller.basic(port, "admin").postJson("/engine-rest/process-instance/" + processInstanceId
        + "/variables", "{\"modifications\":{\"deadlines\":{\"value\":\"off\"}}}"), "deadlines", "系统组件同名");

    assertThat(taskService.createTaskQuery().taskId(verify).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(processInstanceId, "escalationListener")).isNull();
    assertThat(runtimeService.getVariable(processInstanceId, "deadlines")).isNull();
    assertThat(caseState(processInstanceId)).isEqualTo(before);

    // The deadline passes: the escalation listener still runs, and the township gets the task.
    EngineRest admin = EngineRest.as(anonymous, "admin");
    List<Map<String, Object>> timers =
        admin.getList("/engine-rest/job?processInstanceId=" + processInstanceId + "&activityId=verify&timers=true").getBody();
    assertThat(timers).hasSize(1);
    assertThat(admin.post("/engine-rest/job/" + timers.get(0).get("id") + "/execute", Map.of()).getStatusCode().value()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select count(*) from escalation e join dropout_case c on c.id = e.case_id"
        + " where c.process_instance_id = ? and e.task_key = 'verify'", Long.class, processInstanceId)).isEqualTo(1);
    assertThat(EngineRest.as(anonymous, "official-jianshan").tasks(processInstanceId))
        .extracting(task -> task.get("taskDefinitionKey")).containsExactly("verify");
  }

  @Test
  void aStepRefusesValuesOfTheWrongType() {
    String processInstanceId = caseAt("homeVisit");
    String visit = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    CaseState before = caseState(processInstanceId);
    String numberDate = "{\"variables\":{" + VISIT.replaceFirst("\"visitDate\":\\{\"value\":\"[^\"]+\"}", "\"visitDate\":{\"value\":20261120}") + "}}";
    assertThat(numberDate).contains("\"visitDate\":{\"value\":20261120}");

    assertRefusedForField(Caller.basic(port, "teacher-changan").postJson("/engine-rest/task/" + visit + "/complete", numberDate),
        "visitDate", "家访日期须为日期");
    assertRefusedForField(Caller.loggedIn(port, "teacher-changan").postJson(WEBAPP_API + "/task/" + visit + "/submit-form", numberDate),
        "visitDate", "家访日期须为日期");
    assertRefusedForField(Caller.basic(port, "teacher-changan").postJson("/engine-rest/task/" + visit + "/complete",
        "{\"variables\":{\"visitNotes\":{\"value\":\"AAAA\",\"type\":\"Bytes\"}}}"), "visitNotes", "不接受类型“Bytes”");
    assertRefused(Caller.basic(port, "teacher-changan").postJson("/engine-rest/task/" + visit + "/complete",
        "{\"variables\":{" + VISIT + ",\"visitNotes\":{\"value\":\"再写一遍\"}}}"), 400);
    assertThat(taskService.createTaskQuery().taskId(visit).count()).isEqualTo(1);
    assertThat(caseState(processInstanceId)).isEqualTo(before);

    Counts counts = counts();
    Caller reporter = Caller.basic(port, "teacher-changan");
    String gradeObject = startBody(TestStudents.changanGirl()).replaceFirst("\"grade\":\\{\"value\":6}", "\"grade\":{\"value\":{\"\\$gt\":0}}");
    assertThat(gradeObject).contains("\"grade\":{\"value\":{\"$gt\":0}}");
    assertRefusedForField(reporter.postJson(START, gradeObject), "grade", "年级须为1–9之间的整数");
    assertRefusedForFieldOrOffTheList(reporter.postJson(START + "/", gradeObject), "grade", "年级须为1–9之间的整数");
    assertRefusedForField(Caller.basic(port, "admin").postJson(START + "/", gradeObject), "grade", "年级须为1–9之间的整数");
    assertRefusedForField(Caller.loggedIn(port, "teacher-changan").postJson(WEBAPP_API + "/process-definition/key/dropout-case/submit-form",
        gradeObject), "grade", "年级须为1–9之间的整数");
    assertThat(counts()).isEqualTo(counts);
  }

  @Test
  void aFileObjectAddedToAReportIsRefusedAndNoCaseIsOpened() {
    Caller teacher = Caller.basic(port, "teacher-changan");
    Caller tasklist = Caller.loggedIn(port, "teacher-changan");
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("dropout-case").latestVersion()
        .singleResult().getId();
    Counts before = counts();
    String file = ",\"evidence\":{\"type\":\"Object\",\"value\":\"{\\\"path\\\":\\\"/etc/passwd\\\"}\","
        + "\"valueInfo\":{\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}}}";
    String report = startBody(TestStudents.changanGirl());
    String withFile = report.substring(0, report.length() - 2) + file;

    List<String> startDoors = List.of(START, START + "/", SUBMIT_FORM, "/engine-rest/process-definition/" + definitionId + "/start",
        "/engine-rest/process-definition/" + definitionId + "/submit-form/", "/engine-rest/engine/default/process-definition/key/dropout-case/start");
    for (String door : startDoors) {
      assertRefusedForFieldOrOffTheList(teacher.postJson(door, withFile), "evidence", "发现疑似辍学不接受字段“evidence”");
    }
    assertRefusedForField(teacher.postJson(START, withFile), "evidence", "发现疑似辍学不接受字段“evidence”");
    asAdminEveryDoorMeetsTheContract(startDoors, withFile, "evidence", "发现疑似辍学不接受字段“evidence”");
    // The tenant's door is off the allowlist; no tenant has its own definition (for an administrator the engine answers 404).
    assertRefused(teacher.postJson("/engine-rest/process-definition/key/dropout-case/tenant-id/530627/start", withFile), 403);
    assertRefused(Caller.basic(port, "admin").postJson("/engine-rest/process-definition/key/dropout-case/tenant-id/530627/start",
        withFile), 404);
    assertRefusedForField(tasklist.postJson(WEBAPP_API + "/process-definition/" + definitionId + "/submit-form", withFile),
        "evidence", "evidence");
    // Declared fields take no objects either.
    String nameAsFile = report.replaceFirst("\"studentName\":\\{\"value\":\"王小梅\"}", "\"studentName\":{\"type\":\"Object\",\"value\":\"{}\","
        + "\"valueInfo\":{\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}");
    assertThat(nameAsFile).contains("java.io.File");
    assertRefusedForField(teacher.postJson(START, nameAsFile), "studentName", "不接受类型“Object”");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void variablesCannotBeWrittenPastTheFormsExceptByAnAdministrator() {
    String processInstanceId = caseAt("followUp");
    String followUp = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    Object until = runtimeService.getVariable(processInstanceId, "followUpUntil");
    CaseState before = caseState(processInstanceId);
    Caller teacher = Caller.basic(port, "teacher-changan");
    Caller tasklist = Caller.loggedIn(port, "teacher-changan");
    String date = "{\"value\":\"2000-01-01T00:00:00.000+0800\",\"type\":\"Date\"}";
    String modifications = "{\"modifications\":{\"followUpUntil\":" + date + "}}";

    assertRefused(teacher.putJson("/engine-rest/task/" + followUp + "/variables/followUpUntil", date), 403);
    assertRefused(teacher.putJson("/engine-rest/task/" + followUp + "/localVariables/followUpUntil/", date), 403);
    assertRefused(teacher.postJson("/engine-rest/task/" + followUp + "/variables", modifications), 403);
    assertRefused(teacher.postJson("/engine-rest/task/" + followUp + "/localVariables/", modifications), 403);
    assertRefused(teacher.postJson("/engine-rest/process-instance/" + processInstanceId + "/variables", modifications), 403);
    assertRefused(teacher.postJson("/engine-rest/execution/" + processInstanceId + "/localVariables", modifications), 403);
    assertRefused(teacher.delete("/engine-rest/task/" + followUp + "/variables/followUpUntil"), 403);
    assertRefused(tasklist.putJson(WEBAPP_API + "/task/" + followUp + "/variables/followUpUntil", date), 403);
    assertRefused(tasklist.postJson(WEBAPP_API + "/process-instance/" + processInstanceId + "/variables/", modifications), 403);
    assertRefused(teacher.postJson("/engine-rest/task/" + followUp + "/bpmnEscalation",
        "{\"escalationCode\":\"x\",\"variables\":{\"followUpUntil\":" + date + "}}"), 403);

    assertThat(runtimeService.getVariable(processInstanceId, "followUpUntil")).isEqualTo(until);
    assertThat(taskService.getVariableLocal(followUp, "followUpUntil")).isNull();
    assertThat(taskService.createTaskQuery().taskId(followUp).count()).isEqualTo(1);
    assertThat(caseState(processInstanceId)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- roster import

  @Test
  void aRosterWithHostileNamesIsRefusedRowByRowAndNothingIsImported() {
    StringBuilder csv = new StringBuilder(ROSTER_HEADER);
    LocalDate birthDate = LocalDate.now().minusYears(10);
    for (String hostile : HOSTILE_NAMES) {
      csv.append(hostile.replace(",", "，").replace("\"", "“")).append(',').append(TestStudents.idNumber(birthDate, true))
          .append(",男,").append(birthDate).append(',').append(TestStudents.CHANGAN_SCHOOL).append(",4,")
          .append(TestStudents.CHANGAN_VILLAGE).append(",赵大山,13800000001,在校,,\n");
    }
    Counts before = counts();
    Reply refused = Caller.basic(port, "teacher-changan").upload("/api/imports/roster", "file", "roster.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    assertRefusedInChinese(refused, 400, "整份文件未导入");
    assertThat(refused.body()).contains("\"badRowCount\":" + HOSTILE_NAMES.size()).contains("姓名");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void rosterFilesWithPathsInTheirNamesOrThatAreNoRosterAreRefused() {
    Caller teacher = Caller.basic(port, "teacher-changan");
    byte[] goodRoster = (ROSTER_HEADER + "赵小兵," + TestStudents.idNumber(LocalDate.now().minusYears(10), true) + ",男,"
        + LocalDate.now().minusYears(10) + "," + TestStudents.CHANGAN_SCHOOL + ",4," + TestStudents.CHANGAN_VILLAGE
        + ",赵大山,13800000001,在校,,\n").getBytes(StandardCharsets.UTF_8);
    Counts before = counts();
    for (String name : List.of("../../../../tmp/roster.csv", "..\\..\\windows\\roster.csv", "/etc/cron.d/roster.csv",
        "roster\u0007.csv")) {
      assertRefusedInChinese(teacher.upload("/api/imports/roster", "file", name, goodRoster), 400, "文件名不合法");
    }
    assertRefusedInChinese(teacher.upload("/api/imports/roster", "file", "roster.xlsx", new byte[0]), 400, "空的");
    assertRefusedInChinese(teacher.upload("/api/imports/roster", "file", "roster.xlsx",
        "MZ\u0090\u0000not a spreadsheet".getBytes(StandardCharsets.ISO_8859_1)), 400, "文件");
    assertRefusedInChinese(teacher.upload("/api/imports/roster", "file", "roster.xlsx",
        new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8}), 400, "Excel");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anXlsxZipBombIsRefusedBeforeTheReaderInflatesIt() throws IOException {
    byte[] bomb = zipBomb(64 * 1024 * 1024);
    assertThat(bomb.length).isLessThan(1024 * 1024);
    Counts before = counts();
    long started = System.nanoTime();
    Reply refused = Caller.basic(port, "teacher-changan").upload("/api/imports/roster", "file", "roster.xlsx", bomb);
    assertRefusedInChinese(refused, 400, "压缩炸弹");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anXlsxDeclaringRowsOrColumnsBeyondTheLimitIsRefusedBeforeItIsReadAndNothingIsImported() {
    Caller teacher = Caller.basic(port, "teacher-changan");
    LocalDate birthDate = LocalDate.now().minusYears(10);
    String idNumber = TestStudents.idNumber(birthDate, true);
    List<String> pupil = List.of("赵小炸", idNumber, "男", birthDate.toString(), TestStudents.CHANGAN_SCHOOL, "4",
        TestStudents.CHANGAN_VILLAGE, "赵大山", "13800000001", "在校", "", "");
    Counts before = counts();
    long heapBefore = usedHeap();
    Map<String, byte[]> bombs = Map.of(
        "row 2,000,000,000", sheet("A1:L2000000000", 2_000_000_000L, 1, pupil),
        "dimension of the whole sheet", sheet("A1:XFD1048576", 2, 1, pupil),
        "cells up to column XFD", sheet("A1:L2", 2, 16_384 - 11, pupil));
    bombs.forEach((bomb, xlsx) -> {
      assertThat(xlsx.length).as("about 2 KB: %s", bomb).isLessThan(2560);
      long started = System.nanoTime();
      Reply refused = teacher.upload("/api/imports/roster", "file", "roster.xlsx", xlsx);
      assertRefusedInChinese(refused, 400, "超过一次导入的上限");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as(bomb).isLessThan(Duration.ofSeconds(10));
    });
    assertThat(counts()).isEqualTo(before);
    assertThat(usedHeap() - heapBefore).as("heap grown by the refusals").isLessThan(256L * 1024 * 1024);

    Reply accepted = teacher.upload("/api/imports/roster", "file", "roster.xlsx", sheet("A1:L2", 2, 1, pupil));
    assertThat(accepted.status()).as("the same file with its row where it belongs: %s", accepted).isEqualTo(200);
  }

  @Test
  void aCsvWithMoreColumnsOrRowsThanTheLimitIsRefusedAndNothingIsImported() {
    Caller teacher = Caller.basic(port, "teacher-changan");
    Counts before = counts();
    String wide = ROSTER_HEADER.strip() + ",备注".repeat(39) + "\n";
    assertRefusedInChinese(teacher.upload("/api/imports/roster", "file", "roster.csv", wide.getBytes(StandardCharsets.UTF_8)),
        400, "超过50列");
    String tall = ROSTER_HEADER + ",,,,,,,,,,,\n".repeat(100_001);
    assertRefusedInChinese(teacher.upload("/api/imports/roster", "file", "roster.csv", tall.getBytes(StandardCharsets.UTF_8)),
        400, "超过100000行");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anUploadOverTheLimitIsRefusedWith413InChinese() throws IOException {
    // Announce 60 MB and send the first megabyte: the server must answer without waiting for the rest.
    String boundary = "----baoxue-huge";
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n";
    long length = 60L * 1024 * 1024;
    String credentials = Base64.getEncoder().encodeToString("teacher-changan:demo".getBytes(StandardCharsets.UTF_8));
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/imports/roster HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
          + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length
          + "\r\nConnection: close\r\n\r\n" + head).getBytes(StandardCharsets.UTF_8));
      try {
        out.write(new byte[1024 * 1024]);
        out.flush();
      } catch (IOException closedEarly) {
        // The server may close its side once it has answered; the answer is still there to read.
      }
      String response = readAll(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response).contains("上传的文件过大").doesNotContain("Exception");
    }
  }

  // ---------------------------------------------------------------- attendance feed

  @Test
  void theAttendanceFeedRefusesBrokenJsonWrongTypesAndSql() {
    Caller teacher = Caller.basic(port, "teacher-changan");
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long before = count("absence");
    assertRefusedInChinese(teacher.postJson("/api/attendance", "{\"records\":["), 400, "请求内容无法读取");
    assertRefusedInChinese(teacher.postJson("/api/attendance", "{\"records\":\"<script>alert(1)</script>\"}"), 400, "请求内容无法读取");
    assertRefusedInChinese(teacher.postJson("/api/attendance",
        "{\"records\":[{\"studentIdNumber\":\"" + pupil + "\",\"date\":\"" + LocalDate.now() + "\",\"excused\":\"也许\"}]}"), 400, "请求内容无法读取");
    assertRefusedInChinese(teacher.postJson("/api/attendance",
        "{\"records\":[{\"studentIdNumber\":\"' OR 1=1 --\",\"date\":\"" + LocalDate.now() + "\",\"excused\":false}]}"), 400, "第1条");
    assertRefusedInChinese(teacher.postJson("/api/attendance",
        "{\"records\":[{\"studentIdNumber\":\"" + pupil + "\",\"date\":\"2026-11-20'; DROP TABLE absence; --\",\"excused\":false}]}"), 400, "日期");
    assertRefusedInChinese(teacher.postJson("/api/attendance", "{\"records\":[]}"), 400, "没有缺勤记录");
    Reply plain = Caller.basic(port, "teacher-changan").upload("/api/attendance", "records", "a.json", "{}".getBytes(StandardCharsets.UTF_8));
    assertRefusedInChinese(plain, 415, "JSON");
    assertThat(count("absence")).isEqualTo(before);
  }

  // ---------------------------------------------------------------- enrolment changes

  @Test
  void enrolmentChangesRefuseHostileInputAndThePageShowsStoredTextEscaped() {
    Caller teacher = Caller.basic(port, "teacher-changan");
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long before = count("enrolment_change");
    String schoolDay = "2026-11-20"; // in the term whose roll is read below, whenever this runs
    assertRefusedInChinese(teacher.postJson("/api/students/" + URLEncoder.encode("530627' OR '1'='1", StandardCharsets.UTF_8)
        + "/changes", "{\"type\":\"TRANSFER_OUT\",\"date\":\"" + schoolDay + "\",\"toSchoolCode\":\"5306270002\"}"), 400, "没有身份证号");
    assertRefusedInChinese(teacher.postJson("/api/students/" + pupil + "/changes",
        "{\"type\":\"<script>\",\"date\":\"" + schoolDay + "\",\"toSchoolCode\":\"5306270002\"}"), 400, "异动类型");
    assertRefusedInChinese(teacher.postJson("/api/students/" + pupil + "/changes",
        "{\"type\":\"TRANSFER_OUT\",\"date\":\"" + schoolDay + "\",\"toSchoolCode\":\"../5306270002\"}"), 400, "转入学校代码不存在");
    assertRefusedInChinese(teacher.postJson("/api/students/" + pupil + "/changes",
        "{\"type\":\"TRANSFER_OUT\",\"date\":\"" + schoolDay + "\",\"toSchoolCode\":\"5306270002\",\"reason\":\"" + "因".repeat(501) + "\"}"),
        400, "异动原因不能超过500个字");
    assertRefusedInChinese(teacher.postJson("/api/students/" + pupil + "/changes", "{\"type\":"), 400, "请求内容无法读取");
    assertThat(count("enrolment_change")).isEqualTo(before);

    Reply recorded = teacher.postJson("/api/students/" + pupil + "/changes", "{\"type\":\"TRANSFER_OUT\",\"date\":\"" + schoolDay
        + "\",\"toSchoolCode\":\"5306270002\",\"reason\":\"" + MARKUP_NOTE.replace("\"", "\\\"") + "\"}");
    assertThat(recorded.status()).as("%s", recorded).isEqualTo(200);
    String page = Caller.loggedIn(port, "teacher-changan").get("/students/changes?term=" + URLEncoder.encode("2026年秋季学期", StandardCharsets.UTF_8)).body();
    assertThat(page).contains(ESCAPED_NOTE).doesNotContain("<script>alert('笔记')");
  }

  @Test
  void transferRequestsRefuseHostileInputAndBothSidesSeeTheReasonEscaped() {
    Caller nantai = Caller.basic(port, "teacher-nantai");
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long before = count("transfer_request");
    String ask = "{\"idNumber\":\"%s\",\"toSchoolCode\":\"%s\",\"date\":\"2026-11-20\",\"reason\":\"%s\"}";
    assertRefusedInChinese(nantai.postJson("/api/students/transfers", ask.formatted("530627' OR '1'='1", "5306270002", "")),
        400, "身份证号");
    assertRefusedInChinese(nantai.postJson("/api/students/transfers", ask.formatted(pupil, "../5306270002", "")), 400,
        "转入学校代码不能超过12个字");
    assertRefusedInChinese(nantai.postJson("/api/students/transfers", ask.formatted(pupil, "530627000'", "")), 400,
        "转入学校代码不存在");
    assertRefusedInChinese(nantai.postJson("/api/students/transfers", ask.formatted(pupil, "5306270002", "因".repeat(501))), 400,
        "转学原因不能超过500个字");
    assertRefusedInChinese(nantai.postJson("/api/students/transfers", "{\"idNumber\":"), 400, "请求内容无法读取");
    assertRefusedInChinese(nantai.postJson("/api/students/transfers/1%20OR%201=1/consent", "{}"), 400, "格式不对");
    assertThat(count("transfer_request")).isEqualTo(before);

    Reply asked = nantai.postJson("/api/students/transfers", ask.formatted(pupil, "5306270002", MARKUP_NOTE.replace("\"", "\\\"")));
    assertThat(asked.status()).as("%s", asked).isEqualTo(202);
    assertThat(Caller.loggedIn(port, "teacher-changan").get("/students/changes").body())
        .contains(ESCAPED_NOTE).doesNotContain("<script>alert('笔记')");
    assertThat(Caller.loggedIn(port, "teacher-nantai").get("/students/changes").body())
        .contains(ESCAPED_NOTE).doesNotContain("<script>alert('笔记')");
  }

  // ---------------------------------------------------------------- contact log

  @Test
  void theContactLogRefusesHostileInputThroughTheApiAndTheCasePageForm() {
    String caseNumber = EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl()).getBody()
        .get("businessKey").toString();
    Caller official = Caller.basic(port, "official-jianshan");
    String path = "/api/cases/" + caseNumber + "/contacts";
    String today = LocalDate.now().toString();
    Supplier<Long> contacts = () -> jdbc.queryForObject(
        "select count(*) from contact_log l join dropout_case c on l.case_id = c.id where c.case_number = ?", Long.class, caseNumber);

    assertRefusedInChinese(official.postJson(path, "{\"type\":\"PHONE\",\"date\":\"" + today + "\",\"notes\":\"" + "帮".repeat(2001) + "\"}"),
        400, "帮扶内容不能超过2000个字");
    assertRefusedInChinese(official.postJson(path, "{\"type\":\"<script>\",\"date\":\"" + today + "\"}"), 400, "帮扶方式");
    assertRefusedInChinese(official.postJson(path, "{\"type\":\"PHONE\",\"date\":\"' OR 1=1 --\"}"), 400, "帮扶日期");
    assertRefusedInChinese(official.postJson(path, "{\"type\":\"FUNDS\",\"date\":\"" + today + "\",\"amountYuan\":{\"$gt\":0}}"), 400, "资助金额");
    assertRefusedInChinese(official.postJson(path, "{\"type\":\"FUNDS\",\"date\":\"" + today + "\",\"amountYuan\":1e999}"), 400, "资助金额");
    assertRefusedInChinese(official.postJson(path, "{\"type\":"), 400, "请求内容无法读取");
    assertThat(contacts.get()).isZero();

    Caller browser = Caller.loggedIn(port, "official-jianshan");
    Reply tooLong = browser.postForm("/cases/" + caseNumber + "/contacts", Map.of("type", "PHONE", "date", today, "notes", "帮".repeat(2001)));
    assertThat(tooLong.status()).isEqualTo(302);
    assertThat(browser.get("/cases/" + caseNumber).body()).contains("帮扶内容不能超过2000个字");
    assertThat(contacts.get()).isZero();

    Reply recorded = browser.postForm("/cases/" + caseNumber + "/contacts", Map.of("type", "PHONE", "date", today, "notes", MARKUP_NOTE));
    assertThat(recorded.status()).isEqualTo(302);
    assertThat(contacts.get()).isEqualTo(1);
    assertThat(browser.get("/cases/" + caseNumber).body()).contains(ESCAPED_NOTE).doesNotContain("<script>alert('笔记')");
  }

  // ---------------------------------------------------------------- the case belongs to its process

  /**
   * What issue 15's attack left behind — a process started at 销号 past the intake, naming another
   * township's case by its id and routed to the attacker's township — closes nothing, through
   * whichever door the completion comes, for its user and for an administrator alike.
   */
  @Test
  void aProcessStartedPastTheIntakeClosesNoCaseWhateverTheDoor() {
    String nantai = EngineRest.as(anonymous, "teacher-nantai").startCase(nantaiBoy()).getBody().get("id").toString();
    Map<String, Object> target = jdbc.queryForMap("select id, case_number from dropout_case where process_instance_id = ?", nantai);
    String forged = runtimeService.createProcessInstanceByKey("dropout-case")
        .startBeforeActivity("approveClosure")
        .setVariables(Map.of("caseId", target.get("id"), "caseNumber", target.get("case_number"),
            "townshipGroup", "township_530627205", "countyGroup", "county_530627"))
        .execute(true, true)
        .getId();
    String task = taskService.createTaskQuery().processInstanceId(forged).singleResult().getId();
    String body = "{\"variables\":{\"closureApproved\":{\"value\":true},\"closureComment\":{\"value\":\"同意销号\"}}}";

    for (Caller caller : List.of(Caller.basic(port, "official-jianshan"), Caller.basic(port, "admin"))) {
      for (String door : List.of("/complete", "/submit-form")) {
        assertRefusedInChinese(caller.postJson("/engine-rest/task/" + task + door, body), 400, "该流程没有经上报登记的案件");
      }
    }
    assertRefusedInChinese(Caller.loggedIn(port, "official-jianshan")
        .postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form", body), 400, "该流程没有经上报登记的案件");

    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    Map<String, Object> after = jdbc.queryForMap("select status, closed_at from dropout_case where id = ?", target.get("id"));
    assertThat(after.get("status")).isEqualTo("REPORTED");
    assertThat(after.get("closed_at")).isNull();
    assertThat(jdbc.queryForObject("select count(*) from closure_review where case_id = ?", Long.class, target.get("id"))).isZero();
    runtimeService.deleteProcessInstance(forged, "test");
  }

  /** A teacher of 南台小学 who holds a 长安 task (an administrator made her its assignee) records nothing on it. */
  @Test
  void aTaskGivenToATeacherOfAnotherSchoolRecordsNothingOnItsCase() {
    String changan = EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl()).getBody().get("id").toString();
    String verify = taskService.createTaskQuery().processInstanceId(changan).singleResult().getId();
    taskService.setAssignee(verify, "teacher-nantai");

    Reply refused = Caller.basic(port, "teacher-nantai").postJson("/engine-rest/task/" + verify + "/complete",
        "{\"variables\":{\"verifyResult\":{\"value\":\"NOT_DROPOUT\"},\"notDropoutReason\":{\"value\":\"FALSE_REPORT\"}}}");

    assertRefusedInChinese(refused, 403, "不在您的管辖范围内");
    assertThat(taskService.createTaskQuery().taskId(verify).count()).isEqualTo(1);
    Map<String, Object> after = jdbc.queryForMap("select status, verified_by from dropout_case where process_instance_id = ?", changan);
    assertThat(after.get("status")).isEqualTo("REPORTED");
    assertThat(after.get("verified_by")).isNull();
  }

  // ---------------------------------------------------------------- helpers

  static final String WEBAPP_API = "/camunda/api/engine/engine/default";
  /** 入户家访's fields as Tasklist submits them. */
  static final String VISIT = "\"visitDate\":{\"value\":\"" + LocalDate.now() + "\"},\"metWith\":{\"value\":\"父亲\"},"
      + "\"childWhereabouts\":{\"value\":\"AT_HOME\"},\"reason\":{\"value\":\"WEARY\"},\"familyAttitude\":{\"value\":null},"
      + "\"visitNotes\":{\"value\":\"孩子在家\"}";

  /** What a refused step may have changed: the case's row and its records. */
  record CaseState(Map<String, Object> caseRow, long homeVisits, long persuasions, long followUps, long escalations) {}

  private CaseState caseState(String processInstanceId) {
    Map<String, Object> row = jdbc.queryForMap("select * from dropout_case where process_instance_id = ?", processInstanceId);
    Object caseId = row.get("ID");
    return new CaseState(row, countOf("home_visit", caseId), countOf("persuasion_attempt", caseId), countOf("follow_up", caseId),
        countOf("escalation", caseId));
  }

  private long countOf(String table, Object caseId) {
    return jdbc.queryForObject("select count(*) from " + table + " where case_id = ?", Long.class, caseId);
  }

  /** A new case of 长安村小学 walked through REST, as its staff would, to the task {@code taskKey}. */
  private String caseAt(String taskKey) {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    String processInstanceId = teacher.startCase(TestStudents.changanGirl()).getBody().get("id").toString();
    List<Map.Entry<String, Map<String, Object>>> steps = List.of(
        Map.entry("verify", Map.of("verifyResult", "CONFIRMED")),
        Map.entry("assignHelpers", Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan")),
        Map.entry("homeVisit", Map.of("visitDate", LocalDate.now().toString(), "metWith", "父亲", "childWhereabouts", "AT_HOME",
            "reason", "WEARY", "visitNotes", "孩子在家")),
        Map.entry("persuadeSchool", Map.of("persuasionResult", "RETURNED", "persuasionNotes", "谈心后返校")),
        Map.entry("planPlacement", Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班")));
    for (Map.Entry<String, Map<String, Object>> step : steps) {
      if (step.getKey().equals(taskKey)) {
        return processInstanceId;
      }
      String task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step.getKey())
          .singleResult().getId();
      EngineRest user = step.getKey().equals("assignHelpers") ? official : teacher;
      assertThat(user.complete(task, step.getValue()).getStatusCode().value()).as(step.getKey()).isEqualTo(204);
    }
    EngineRest admin = EngineRest.as(anonymous, "admin");
    Object timer = admin.getList("/engine-rest/job?processInstanceId=" + processInstanceId + "&activityId=followUpDue&timers=true")
        .getBody().get(0).get("id");
    admin.post("/engine-rest/job/" + timer + "/execute", Map.of());
    assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getTaskDefinitionKey())
        .isEqualTo(taskKey);
    return processInstanceId;
  }

  /** Refused with 400 before the engine wrote anything, the field named for the form to point at. */
  /**
   * A refused write through a door a caller outside camunda-admin may use (400 from the task
   * contract, naming the field) or may not (403 from the engine REST allowlist, which stands in
   * front of the contract). The administrators, whom the allowlist lets through, meet the contract
   * on every door: see {@link #asAdminEveryDoorMeetsTheContract}.
   */
  private static void assertRefusedForFieldOrOffTheList(Reply reply, String field, String reason) {
    if (reply.status() == 403) {
      assertThat(reply.body()).as("%s", reply).containsAnyOf("无权调用该接口", "请求路径的写法不规范");
      return;
    }
    assertRefusedForField(reply, field, reason);
  }

  /** The contract on every door and spelling, for the administrators whom the allowlist lets through. */
  private void asAdminEveryDoorMeetsTheContract(List<String> doors, String body, String field, String reason) {
    Caller admin = Caller.basic(port, "admin");
    for (String door : doors) {
      if (door.startsWith("/engine-rest")) {
        assertRefusedForField(admin.postJson(door, body), field, reason);
      }
    }
  }

  private static void assertRefusedForField(Reply reply, String field, String reason) {
    assertRefusedInChinese(reply, 400, reason);
    assertThat(reply.body()).as("%s", reply).contains("\"field\":\"" + field + "\"");
  }

  static final String START = "/engine-rest/process-definition/key/dropout-case/start";
  static final String SUBMIT_FORM = "/engine-rest/process-definition/key/dropout-case/submit-form";
  static final String ROSTER_HEADER = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n";

  /** What a refusal may be stored as: nothing of it. */
  record Counts(long cases, long students, long processInstances, long rosterImports) {}

  private Counts counts() {
    return new Counts(count("dropout_case"), count("student"), runtimeService.createProcessInstanceQuery().count(),
        count("roster_import where accepted = true"));
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  /** Refused with this status, the reason in Chinese, and nothing of the server's insides. */
  private static void assertRefusedInChinese(Reply reply, int status, String reason) {
    assertRefused(reply, status);
    assertThat(reply.body()).as("%s", reply).contains(reason).containsPattern("\"message\":\"[^\"]*[\\u4e00-\\u9fa5]");
  }

  private static void assertRefused(Reply reply, int status) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.body()).as("no stack trace or SQL in %s", reply)
        .doesNotContainPattern("\\sat [a-z]+\\.[a-zA-Z.]+\\(")
        .doesNotContain(".java:")
        .doesNotContain("SQLException")
        .doesNotContainIgnoringCase("select ")
        .doesNotContainIgnoringCase("insert into");
  }

  /** A child of 南台小学 and 南台村: another school, village and township than 长安's. */
  private static Map<String, Object> nantaiBoy() {
    Map<String, Object> boy = TestStudents.changanGirl();
    boy.put("studentName", "李小军");
    boy.put("schoolCode", TestStudents.NANTAI_SCHOOL);
    boy.put("villageCode", TestStudents.NANTAI_VILLAGE);
    return boy;
  }

  private static String startBody(Map<String, Object> variables) {
    StringBuilder body = new StringBuilder("{\"variables\":{");
    variables.forEach((name, value) -> body.append(body.charAt(body.length() - 1) == '{' ? "" : ",").append('"').append(name)
        .append("\":{\"value\":").append(value instanceof Number ? value.toString() : jsonString(value.toString())).append('}'));
    return body.append("}}").toString();
  }

  private static String jsonString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String json(Reply reply, String field) {
    return String.valueOf(new JacksonJsonParser().parseMap(reply.body()).get(field));
  }

  private static long usedHeap() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /**
   * A hand-built roster .xlsx: the roster header in row 1, the pupil in row {@code pupilRow}
   * starting at column {@code firstColumn}, and the sheet's {@code <dimension>} as given.
   */
  private static byte[] sheet(String dimension, long pupilRow, int firstColumn, List<String> pupil) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
        + "\"><dimension ref=\"" + dimension + "\"/><sheetData><row r=\"1\">");
    List<String> header = List.of(ROSTER_HEADER.strip().split(","));
    for (int c = 0; c < header.size(); c++) {
      xml.append(inlineCell(column(c + 1) + 1, header.get(c)));
    }
    xml.append("</row><row r=\"").append(pupilRow).append("\">");
    for (int c = 0; c < pupil.size(); c++) {
      xml.append(inlineCell(column(firstColumn + c) + pupilRow, pupil.get(c)));
    }
    xml.append("</row></sheetData></worksheet>");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      Map<String, String> parts = new java.util.LinkedHashMap<>();
      parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" "
          + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN + "\" "
          + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
          + "<sheet name=\"花名册\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" "
          + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
      parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN + "\">"
          + "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
      parts.put("xl/worksheets/sheet1.xml", xml.toString());
      for (Map.Entry<String, String> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

  private static String inlineCell(String reference, String text) {
    return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  /** 1 → A, 12 → L, 16384 → XFD. */
  private static String column(int number) {
    StringBuilder letters = new StringBuilder();
    for (int n = number; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  /** A well-formed .xlsx whose one sheet inflates to {@code inflatedBytes} of blank XML. */
  private static byte[] zipBomb(int inflatedBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
          + "</Types>").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
          .getBytes(StandardCharsets.UTF_8));
      byte[] blanks = new byte[1024 * 1024];
      Arrays.fill(blanks, (byte) ' ');
      for (int written = 0; written < inflatedBytes; written += blanks.length) {
        zip.write(blanks);
      }
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** The response, read until its JSON body is complete (the server may keep swallowing the upload). */
  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        response.write(buffer, 0, n);
        String text = response.toString(StandardCharsets.UTF_8);
        if (text.contains("\r\n\r\n") && (text.stripTrailing().endsWith("}") || text.contains("\r\n0\r\n"))) {
          break;
        }
      }
    } catch (IOException reset) {
      // A reset after the answer: what was read is the answer.
    }
    return response.toString(StandardCharsets.UTF_8);
  }
}
