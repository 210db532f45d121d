package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.operations.MaskPersonalVariablesMigration;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 个人信息遮蔽: a child's 身份证号 and her guardian's phone reach no one in full through the process
 * engine — its runtime and history tables hold them masked, whoever asks and through whichever
 * query — and Baoxue's own pages, documents and exports show them in full only to the roles
 * {@code PersonalDataPolicy} names (school, township, county), masked to the village cadre, the
 * women's federation, the auditor and the administrator.
 *
 * <p>Two cases of 长安村小学: V started through {@code /start} and waiting for its home visit (a task
 * the village cadre may work), O started through Tasklist's {@code submit-form} and past its
 * 责令限期复学通知书, waiting for its deadline. Each child has her own ID number and her guardian her own phone.
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataMaskingTests {

  enum Role {
    TEACHER("teacher-changan"),
    OFFICIAL("official-jianshan"),
    BUREAU("bureau-zhenxiong"),
    CADRE("cadre-changan"),
    WOMENFED("womenfed-zhenxiong"),
    AUDITOR("auditor"),
    ADMIN("admin");

    final String user;

    Role(String user) {
      this.user = user;
    }
  }

  static final Set<Role> IN_FULL = EnumSet.of(Role.TEACHER, Role.OFFICIAL, Role.BUREAU);
  static final String SUBMIT_FORM = "/engine-rest/process-definition/key/dropout-case/submit-form";
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  @Autowired TestRestTemplate anonymous;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired StaffDirectory staff;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  /** One case with the child's personal data as reported. */
  record Child(String processInstanceId, String caseNumber, String idNumber, String phone, LocalDate birthDate) {

    /** Every full spelling a door could leak. */
    List<String> inFull() {
      return List.of(idNumber, phone, birthDate.toString(), birthDate.format(CHINESE_DATE));
    }
  }

  Child visiting;
  Child ordered;
  String homeVisitTask;
  Long noticeId;
  final Map<Role, Caller> browsers = new EnumMap<>(Role.class);

  @BeforeAll
  void twoCasesReportedWithPersonalData() {
    ActingUsers users = new ActingUsers(engine, staff);
    visiting = report("/engine-rest/process-definition/key/dropout-case/start");
    users.complete("teacher-changan", users.taskOf(visiting.processInstanceId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(visiting.processInstanceId()).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan", "womenfedHelper", "womenfed-zhenxiong"));
    homeVisitTask = users.taskOf(visiting.processInstanceId()).getId();

    ordered = report(SUBMIT_FORM);
    String pi = ordered.processInstanceId();
    users.complete("teacher-changan", users.taskOf(pi).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(pi).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    users.complete("teacher-changan", users.taskOf(pi).getId(), Map.of("visitDate", LocalDate.now().toString(),
        "metWith", "祖母", "childWhereabouts", "WORKING_AWAY", "reason", "WORK", "visitNotes", "孩子随父母在昆明"));
    users.complete("teacher-changan", users.taskOf(pi).getId(), Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "电话劝返"));
    users.complete("cadre-changan", users.taskOf(pi).getId(), Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "联合劝返"));
    users.complete("official-jianshan", users.taskOf(pi).getId(), Map.of("orderDeadline", LocalDate.now().plusDays(5).toString(),
        "persuasionResult", "NOT_RETURNED", "persuasionNotes", "已送达"));
    noticeId = jdbc.queryForObject("select d.id from case_document d join dropout_case c on d.case_id = c.id"
        + " where c.case_number = ? and d.kind = 'RETURN_ORDER'", Long.class, ordered.caseNumber());
    for (Role role : Role.values()) {
      browsers.put(role, Caller.loggedIn(port, role.user));
    }
  }

  // ------------------------------------------------------------------ the engine keeps no full value

  @Test
  void noFullNumberIsStoredInTheEngineWhicheverWayTheCaseStarted() {
    for (Child child : List.of(visiting, ordered)) {
      for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
        for (String full : child.inFull()) {
          assertThat(jdbc.queryForObject("select count(*) from " + table + " where TEXT_ like ? or TEXT2_ like ?",
              Long.class, "%" + full + "%", "%" + full + "%")).as("%s holds %s", table, full).isZero();
        }
      }
      assertThat(engine.getRuntimeService().getVariable(child.processInstanceId(), "studentIdNumber"))
          .as("the runtime keeps the masked number").isEqualTo(masked(child.idNumber()));
      assertThat(engine.getRuntimeService().getVariable(child.processInstanceId(), "guardianPhone"))
          .isEqualTo(maskedPhone(child.phone()));
    }
    // Tasklist's start form is recorded field by field, and masked too.
    assertThat(jdbc.queryForList("select TEXT_ from ACT_HI_DETAIL where TYPE_ = 'FormProperty' and PROC_INST_ID_ = ?"
        + " and NAME_ in ('studentIdNumber', 'guardianPhone', 'birthDate')", String.class, ordered.processInstanceId()))
        .containsExactlyInAnyOrder(masked(ordered.idNumber()), maskedPhone(ordered.phone()), ordered.birthDate().getYear() + "-**-**");
  }

  @TestFactory
  Stream<DynamicContainer> noRoleReadsAFullNumberThroughTheEngine() {
    String both = visiting.processInstanceId() + "," + ordered.processInstanceId();
    List<String> scriptDoors = new ArrayList<>(List.of(
        "/engine-rest/variable-instance?processInstanceIdIn=" + both,
        "/engine-rest/variable-instance?variableName=studentIdNumber",
        "/engine-rest/variable-instance?variableName=guardianPhone",
        "/engine-rest/variable-instance?variableName=birthDate",
        "/engine-rest/task/" + homeVisitTask + "/variables",
        "/engine-rest/task/" + homeVisitTask + "/form-variables"));
    for (Child child : List.of(visiting, ordered)) {
      String pi = child.processInstanceId();
      scriptDoors.addAll(List.of(
          "/engine-rest/process-instance/" + pi + "/variables",
          "/engine-rest/history/variable-instance?processInstanceId=" + pi,
          "/engine-rest/history/variable-instance?variableName=studentIdNumber&processInstanceId=" + pi,
          "/engine-rest/history/detail?processInstanceId=" + pi,
          "/engine-rest/history/detail?variableUpdates=true&processInstanceId=" + pi,
          "/engine-rest/history/detail?formFields=true&processInstanceId=" + pi));
    }
    List<String> webappDoors = List.of(
        "/camunda/api/engine/engine/default/task/" + homeVisitTask + "/form-variables",
        "/camunda/api/engine/engine/default/variable-instance?processInstanceIdIn=" + both,
        "/camunda/api/engine/engine/default/history/detail?processInstanceId=" + ordered.processInstanceId());
    return Stream.of(Role.values()).map(role -> DynamicContainer.dynamicContainer(role.user, Stream.concat(
        scriptDoors.stream().map(door -> DynamicTest.dynamicTest(door, () -> {
          Reply reply = Caller.basic(port, role.user).get(door);
          assertNoFullValue(reply.body(), door + " as " + role.user);
        })),
        webappDoors.stream().map(door -> DynamicTest.dynamicTest(door, () -> {
          Reply reply = browsers.get(role).get(door);
          assertNoFullValue(reply.body(), door + " as " + role.user);
        })))));
  }

  @Test
  void theVillageCadreWorksHerHomeVisitWithTheMaskedNumberOnly() {
    Reply variables = Caller.basic(port, "cadre-changan").get("/engine-rest/task/" + homeVisitTask + "/form-variables");
    assertThat(variables.status()).as("%s", variables).isEqualTo(200);
    assertThat(variables.body()).contains(visiting.caseNumber());
    assertNoFullValue(variables.body(), "the cadre's form variables");
  }

  // ------------------------------------------------------------------ Baoxue's pages, documents and exports

  @TestFactory
  Stream<DynamicTest> theCasePageShowsTheNumbersAsThePolicySays() {
    return Stream.of(Role.values()).map(role -> DynamicTest.dynamicTest(role.user, () -> {
      ResponseEntity<String> page = asUser(role).getForEntity("/cases/" + visiting.caseNumber(), String.class);
      assertThat(page.getStatusCode().value()).as("%s", page).isEqualTo(200);
      if (IN_FULL.contains(role)) {
        assertThat(page.getBody()).contains(visiting.idNumber(), visiting.phone(), visiting.birthDate().toString());
      } else {
        assertThat(page.getBody()).contains(masked(visiting.idNumber()), maskedPhone(visiting.phone()));
        assertNoFullValue(page.getBody(), "the case page as " + role.user);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> thePersuasionRecordShowsThePhoneAsThePolicySays() {
    return Stream.of(Role.values()).map(role -> DynamicTest.dynamicTest(role.user, () -> {
      String text = pdfText(asUser(role).getForEntity("/cases/" + ordered.caseNumber() + "/persuasion-record.pdf", byte[].class));
      assertThat(text).contains("辍学学生劝返工作记录表");
      if (IN_FULL.contains(role)) {
        assertThat(text).contains(ordered.phone(), ordered.birthDate().format(CHINESE_DATE));
      } else {
        assertThat(text).contains(maskedPhone(ordered.phone()), "个人信息遮蔽件");
        assertNoFullValue(text, "the persuasion record as " + role.user);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> theWrittenOrderShowsTheNumberAsThePolicySays() {
    return Stream.of(Role.values()).map(role -> DynamicTest.dynamicTest(role.user, () -> {
      String text = pdfText(asUser(role).getForEntity("/cases/" + ordered.caseNumber() + "/documents/" + noticeId, byte[].class));
      assertThat(text).contains("责令限期复学通知书", ordered.caseNumber());
      if (IN_FULL.contains(role)) {
        assertThat(text).contains(ordered.idNumber()).doesNotContain("个人信息遮蔽件");
      } else {
        assertThat(text).contains(masked(ordered.idNumber()), "个人信息遮蔽件");
        assertNoFullValue(text, "the written order as " + role.user);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> theLedgerExportsShowTheNumbersAsThePolicySays() {
    return Stream.of(Role.values()).flatMap(role -> Stream.of("children", "suspected", "dropouts")
        .map(ledger -> DynamicTest.dynamicTest(role.user + " " + ledger, () -> {
          ResponseEntity<byte[]> xlsx = asUser(role).getForEntity("/ledgers/" + ledger + ".xlsx", byte[].class);
          if (xlsx.getStatusCode().value() != 200) {
            return; // a role without the ledgers reads nothing from them
          }
          String cells = cells(xlsx.getBody());
          boolean listsTheChild = !ledger.equals("suspected"); // the suspected ledger lists unverified cases only
          if (IN_FULL.contains(role)) {
            assertThat(cells).contains(listsTheChild ? ordered.idNumber() : "");
          } else {
            assertThat(cells).contains(listsTheChild ? masked(ordered.idNumber()) : "");
            assertNoFullValue(cells, ledger + ".xlsx as " + role.user);
          }
        })));
  }

  // ------------------------------------------------------------------ a database of the earlier release

  @Test
  void theUpgradeMasksWhatAnEarlierReleaseStoredAndTheCaseGoesOn() throws Exception {
    ActingUsers users = new ActingUsers(engine, staff);
    Child old = report("/engine-rest/process-definition/key/dropout-case/start");
    String pi = old.processInstanceId();
    // The earlier release kept the start variables, and their history, in full.
    Map<String, String> full = Map.of("studentIdNumber", old.idNumber(), "guardianPhone", old.phone(),
        "birthDate", old.birthDate().toString());
    full.forEach((name, value) -> {
      jdbc.update("update ACT_RU_VARIABLE set TEXT_ = ? where PROC_INST_ID_ = ? and NAME_ = ?", value, pi, name);
      jdbc.update("update ACT_HI_VARINST set TEXT_ = ? where PROC_INST_ID_ = ? and NAME_ = ?", value, pi, name);
      jdbc.update("update ACT_HI_DETAIL set TEXT_ = ? where PROC_INST_ID_ = ? and NAME_ = ?", value, pi, name);
    });
    assertThat(engine.getRuntimeService().getVariable(pi, "studentIdNumber")).isEqualTo(old.idNumber());

    try (Connection connection = dataSource.getConnection()) {
      assertThat(MaskPersonalVariablesMigration.maskAll(connection)).isGreaterThanOrEqualTo(3 * 3);
      assertThat(MaskPersonalVariablesMigration.maskAll(connection)).as("run again: nothing left to mask").isZero();
    }

    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      for (String value : full.values()) {
        assertThat(jdbc.queryForObject("select count(*) from " + table + " where TEXT_ like ?", Long.class, "%" + value + "%"))
            .as("%s holds %s", table, value).isZero();
      }
    }
    assertThat(engine.getRuntimeService().getVariables(pi)).containsEntry("studentIdNumber", masked(old.idNumber()))
        .containsEntry("guardianPhone", maskedPhone(old.phone()))
        .containsEntry("birthDate", old.birthDate().getYear() + "-**-**");
    // The open case goes on as before.
    users.complete("teacher-changan", users.taskOf(pi).getId(), Map.of("verifyResult", "CONFIRMED"));
    assertThat(users.taskOf(pi).getTaskDefinitionKey()).isEqualTo("assignHelpers");
  }

  // ------------------------------------------------------------------ fixtures

  private Child report(String path) {
    Map<String, Object> child = TestStudents.changanGirl();
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    child.put("guardianPhone", phone);
    Map<String, Object> typed = new LinkedHashMap<>();
    child.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    ResponseEntity<Map<String, Object>> started = EngineRest.as(anonymous, "teacher-changan").post(path, Map.of("variables", typed));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    String processInstanceId = (String) started.getBody().get("id");
    String caseNumber = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getBusinessKey();
    return new Child(processInstanceId, caseNumber, (String) child.get("studentIdNumber"), phone,
        LocalDate.parse((String) child.get("birthDate")));
  }

  private TestRestTemplate asUser(Role role) {
    return anonymous.withBasicAuth(role.user, EngineRest.DEMO_PASSWORD);
  }

  private void assertNoFullValue(String text, String where) {
    for (Child child : List.of(visiting, ordered)) {
      assertThat(text).as(where).doesNotContain(child.inFull());
    }
  }

  private static String masked(String idNumber) {
    return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
  }

  private static String maskedPhone(String phone) {
    return phone.substring(0, 3) + "****" + phone.substring(7);
  }

  private static String pdfText(ResponseEntity<byte[]> pdf) throws IOException {
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
  }

  private static String cells(byte[] xlsx) throws IOException {
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      return workbook.getFirstSheet().read().stream()
          .flatMap(row -> row.stream().map(cell -> cell == null ? "" : cell.getText()))
          .collect(Collectors.joining("|"));
    }
  }
}
