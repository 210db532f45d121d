package cn.baoxue.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.ClosureEvidence;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 跨县移交 as a black box, over real HTTP as the demo users: 镇雄县 hands a case to 彝良县, which
 * accepts it and finishes it there, to 销号, with staff of 角奎镇 imported as an administrator would;
 * 镇雄县 reads it all along and works none of it. Every other caller is refused and nothing changes.
 * For a county outside the deployment, the 协查函.
 */
@BaoxueWebTest
class CountyTransferRestTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Baoxue#2026Move";
  private static final String OFFICIAL = "official-jiaokui";
  private static final String TEACHER = "teacher-jiaokui";
  private static final String CADRE = "cadre-fada";
  private static final String WEIXIN_BUREAU = "bureau-weixin";

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void staffOfTheReceivingCounty() {
    String staffFile = "用户名,姓名,单位代码,角色,初始密码\n"
        + OFFICIAL + ",何明," + CaseTransferProcessTests.JIAOKUI_TOWNSHIP + ",乡镇干部," + PASSWORD + "\n"
        + TEACHER + ",罗燕," + CaseTransferProcessTests.JIAOKUI_SCHOOL + ",教师," + PASSWORD + "\n"
        + CADRE + ",汪强," + CaseTransferProcessTests.FADA_VILLAGE + ",村干部," + PASSWORD + "\n"
        + WEIXIN_BUREAU + ",龙华,530629,教育局," + PASSWORD + "\n";
    Reply imported = Caller.basic(port, "admin").upload("/api/admin/staff", "file", "角奎镇.csv", staffFile.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
  }

  @Test
  void zhenxiongHandsACaseToYiliangWhichFinishesItThere() throws Exception {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest zhenxiong = EngineRest.as(anonymous, "bureau-zhenxiong");
    EngineRest yiliang = EngineRest.as(anonymous, "bureau-yiliang");
    EngineRest official = EngineRest.as(anonymous, OFFICIAL, PASSWORD);
    EngineRest newTeacher = EngineRest.as(anonymous, TEACHER, PASSWORD);
    String[] opened = caseAtHomeVisit();
    String pi = opened[0];
    String caseNumber = opened[1];

    var requested = zhenxiong.post("/api/cases/" + caseNumber + "/transfer",
        Map.of("toCounty", "530628", "reason", "家庭已迁居彝良县角奎镇"));
    assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(requested.getBody()).containsEntry("statusLabel", "待接收").containsEntry("toCounty", "彝良县");

    String transferTasks = "/engine-rest/task?processDefinitionKey=case-transfer&processInstanceBusinessKey=" + caseNumber;
    assertThat(zhenxiong.getList(transferTasks).getBody()).isEmpty();
    List<Map<String, Object>> decide = yiliang.getList(transferTasks).getBody();
    assertThat(decide).extracting(task -> task.get("taskDefinitionKey")).containsExactly("decideTransfer");
    String decideId = (String) decide.get(0).get("id");
    assertThat(yiliang.complete(decideId, Map.of("transferDecision", "ACCEPT", "receivingVillageCode",
        CaseTransferProcessTests.FADA_VILLAGE, "receivingSchoolCode", CaseTransferProcessTests.JIAOKUI_SCHOOL,
        "transferDecisionReason", "同意接收，由角奎镇包保")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // 镇雄县 reads the case it handed over and works none of it.
    assertThat(zhenxiong.get("/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(teacher.get("/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(teacher.tasks(pi)).isEmpty();
    String visit = onlyTask(official, pi, "homeVisit");
    var refused = EngineRest.as(anonymous, "admin").post("/engine-rest/task/" + visit + "/claim", Map.of("userId", "bureau-zhenxiong"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    var notHers = zhenxiong.complete(visit, homeVisit());
    assertThat(notHers.getStatusCode().is4xxClientError()).as(String.valueOf(notHers.getBody())).isTrue();
    EngineRest.as(anonymous, "admin").post("/engine-rest/task/" + visit + "/unclaim", Map.of());

    String assign = onlyTask(official, transferPi(caseNumber), "assignTransferredHelpers");
    assertThat(official.complete(assign, Map.of("teacherHelper", TEACHER, "cadreHelper", CADRE)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(newTeacher.complete(onlyTask(newTeacher, pi, "homeVisit"), homeVisit()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    newTeacher.complete(onlyTask(newTeacher, pi, "persuadeSchool"), Map.of("persuasionResult", "RETURNED", "persuasionNotes", "已回角奎小学上课"));
    newTeacher.complete(onlyTask(newTeacher, pi, "planPlacement"), Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "插班就读，结对帮扶"));
    EngineRest admin = EngineRest.as(anonymous, "admin");
    List<Map<String, Object>> timer = admin.getList("/engine-rest/job?processInstanceId=" + pi + "&activityId=followUpDue&timers=true").getBody();
    admin.post("/engine-rest/job/" + timer.get(0).get("id") + "/execute", Map.of());
    newTeacher.complete(onlyTask(newTeacher, pi, "followUp"), Map.of("followUpResult", "STABLE", "followUpNotes", "按时到校"));
    ClosureEvidence.attachThroughApi(anonymous, "bureau-yiliang", caseNumber);
    var closed = official.complete(onlyTask(official, pi, "approveClosure"), Map.of("closureDecision", "APPROVE", "closureComment", "同意销号"));
    assertThat(closed.getStatusCode()).as(String.valueOf(closed.getBody())).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(yiliang.get("/api/cases/" + caseNumber).getBody()).containsEntry("status", "CLOSED");
    assertThat(zhenxiong.get("/api/cases/" + caseNumber).getBody()).containsEntry("status", "CLOSED");
    JsonNode timeline = JSON.readTree(Caller.basic(port, "bureau-zhenxiong").get("/api/audit/cases/" + caseNumber + "/timeline").body());
    assertThat(timeline.findValuesAsText("description")).anyMatch(d -> d.contains("镇雄县将案件移交彝良县"))
        .anyMatch(d -> d.contains("彝良县接收案件，转由角奎镇、发达村、角奎小学办理"))
        .anyMatch(d -> d.contains("角奎镇指定包保责任人：罗燕"));
    JsonNode history = JSON.readTree(Caller.basic(port, "bureau-zhenxiong").get("/api/cases/" + caseNumber + "/transfers").body());
    assertThat(history.get(0).get("statusLabel").asText()).isEqualTo("已接收");
    assertThat(jdbc.queryForObject("select count(*) from audit_trail a join dropout_case c on c.id = a.case_id"
        + " where c.case_number = ? and a.entry_kind like 'COUNTY_TRANSFER%'", Long.class, caseNumber)).isEqualTo(3);
    Reply verified = Caller.basic(port, "auditor").get("/api/audit/verify");
    assertThat(JSON.readTree(verified.body()).get("intact").asBoolean()).as(verified.toString()).isTrue();
  }

  @Test
  void everyoneButTheCasesBureauIsRefusedAndNothingChanges() {
    String caseNumber = caseAtHomeVisit()[1];
    String path = "/api/cases/" + caseNumber + "/transfer";
    String body = "{\"toCounty\":\"530628\",\"reason\":\"家庭迁居\"}";

    for (String caller : List.of("official-jianshan", "teacher-changan", "cadre-changan", "auditor", "bureau-zhaotong")) {
      Reply refused = Caller.basic(port, caller).postJson(path, body);
      assertThat(refused.status()).as(caller + ": " + refused).isEqualTo(403);
    }
    // Another county does not even find it.
    Reply otherCounty = Caller.basic(port, "bureau-yiliang").postJson(path, body);
    assertThat(otherCounty.status()).as(otherCounty.toString()).isEqualTo(404);
    assertThat(otherCounty.body()).doesNotContain("长安");

    Caller bureau = Caller.basic(port, "bureau-zhenxiong");
    Reply undeclared = bureau.postJson(path, "{\"toCounty\":\"530628\",\"reason\":\"迁居\",\"toTownship\":\"530628100\"}");
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.body()).contains("toTownship", "跨县移交不接受字段“toTownship”");
    Reply outside = bureau.postJson(path, "{\"toCounty\":\"110101\",\"reason\":\"迁居北京\"}");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.body()).contains("toCounty", "不在本系统中", "协查函");
    Reply itself = bureau.postJson(path, "{\"toCounty\":\"530627\",\"reason\":\"迁居\"}");
    assertThat(itself.status()).isEqualTo(400);
    Reply noReason = bureau.postJson(path, "{\"toCounty\":\"530628\"}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    for (String odd : List.of(path + "/", "/api//cases/" + caseNumber + "/transfer", "/api/CASES/" + caseNumber + "/transfer",
        path + ";jsessionid=x", "/api/cases%2F" + caseNumber + "/transfer", "/api/cases/" + caseNumber + "/%74ransfer")) {
      Reply refused = bureau.postJson(odd, body);
      assertThat(refused.status()).as(odd + ": " + refused).isIn(400, 403, 404, 405);
    }
    Caller session = Caller.loggedIn(port, "bureau-zhenxiong");
    Reply crossSite = session.withoutCsrfToken().header("Origin", "https://evil.example").postJson(path, body);
    assertThat(crossSite.status()).isEqualTo(403);
    Reply crossSiteLetter = session.withoutCsrfToken().header("Origin", "https://evil.example")
        .postJson("/api/cases/" + caseNumber + "/assistance-letter", "{\"toAuthority\":\"某县教育局\",\"toPlace\":\"某地\",\"reason\":\"协查\"}");
    assertThat(crossSiteLetter.status()).isEqualTo(403);

    assertThat(transfersOf(caseNumber)).as("nothing recorded").isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? and PROC_DEF_ID_ like 'case-transfer%'",
        Long.class, caseNumber)).isZero();
    assertThat(jdbc.queryForObject("select county_code from dropout_case where case_number = ?", String.class, caseNumber)).isEqualTo("530627");
  }

  @Test
  void onlyTheReceivingCountyDecidesAndOnlyWithTheFormsFields() {
    String[] opened = caseAtHomeVisit();
    String caseNumber = opened[1];
    assertThat(EngineRest.as(anonymous, "bureau-zhenxiong").post("/api/cases/" + caseNumber + "/transfer",
        Map.of("toCounty", "530628", "reason", "孩子在彝良县务工")).getStatusCode()).isEqualTo(HttpStatus.OK);
    String transferTasks = "/engine-rest/task?processDefinitionKey=case-transfer&processInstanceBusinessKey=" + caseNumber;
    String decide = (String) EngineRest.as(anonymous, "bureau-yiliang").getList(transferTasks).getBody().get(0).get("id");
    Map<String, Object> accept = Map.of("transferDecision", "ACCEPT", "receivingVillageCode", CaseTransferProcessTests.FADA_VILLAGE);

    // A third county, the sending county, a township of the sending county.
    EngineRest weixin = EngineRest.as(anonymous, WEIXIN_BUREAU, PASSWORD);
    assertThat(weixin.getList(transferTasks).getBody()).isEmpty();
    for (EngineRest outsider : List.of(weixin, EngineRest.as(anonymous, "bureau-zhenxiong"), EngineRest.as(anonymous, "official-jianshan"))) {
      var refused = outsider.complete(decide, accept);
      assertThat(refused.getStatusCode().is4xxClientError()).as(String.valueOf(refused.getBody())).isTrue();
    }
    EngineRest yiliang = EngineRest.as(anonymous, "bureau-yiliang");
    // What Tasklist reads to show the receiving county its form: allowed, and its pickers list its own units by name.
    assertThat(yiliang.get("/engine-rest/task/" + decide + "/deployed-form").getStatusCode()).isEqualTo(HttpStatus.OK);
    Reply formVariables = Caller.basic(port, "bureau-yiliang").get("/engine-rest/task/" + decide + "/form-variables?deserializeValues=false");
    assertThat(formVariables.status()).isEqualTo(200);
    assertThat(formVariables.body()).contains("发达村（角奎镇）", "角奎小学", "镇雄县").doesNotContain("南台村");
    // A variable the form does not offer; a village of another county.
    var smuggled = yiliang.complete(decide, Map.of("transferDecision", "ACCEPT", "receivingVillageCode",
        CaseTransferProcessTests.FADA_VILLAGE, "countyGroup", "county_530629"));
    assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) smuggled.getBody().get("message")).contains("countyGroup");
    var wrongVillage = yiliang.complete(decide, Map.of("transferDecision", "ACCEPT", "receivingVillageCode", TestStudents.NANTAI_VILLAGE));
    assertThat(wrongVillage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) wrongVillage.getBody().get("message")).contains("不是彝良县的村");

    assertThat(jdbc.queryForObject("select t.status from county_transfer t join dropout_case c on c.id = t.case_id where c.case_number = ?",
        String.class, caseNumber)).isEqualTo("PENDING");
    assertThat(jdbc.queryForObject("select county_code from dropout_case where case_number = ?", String.class, caseNumber)).isEqualTo("530627");
    // A second transfer while one waits is refused.
    Reply twice = Caller.basic(port, "bureau-zhenxiong").postJson("/api/cases/" + caseNumber + "/transfer",
        "{\"toCounty\":\"530629\",\"reason\":\"又迁威信\"}");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("已在移交中");
  }

  @Test
  void aCountyOutsideTheDeploymentGetsA协查函AndTheCaseStaysOnTheLedgerMarked外地协查() throws IOException {
    String caseNumber = caseAtHomeVisit()[1];
    Caller bureau = Caller.basic(port, "bureau-zhenxiong");
    String letter = "{\"toAuthority\":\"广东省东莞市长安镇人民政府\",\"toPlace\":\"广东省东莞市长安镇\",\"reason\":\"据家长反映，孩子随亲戚在当地工厂务工\"}";

    assertThat(Caller.basic(port, "official-jianshan").postJson("/api/cases/" + caseNumber + "/assistance-letter", letter).status())
        .isEqualTo(403);
    Reply undeclared = bureau.postJson("/api/cases/" + caseNumber + "/assistance-letter",
        letter.replace("}", ",\"studentIdNumber\":\"x\"}"));
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.body()).contains("协查函不接受字段“studentIdNumber”");

    JsonNode summaryBefore = JSON.readTree(bureau.get("/api/reports/summary?scope=530627").body());
    Reply issued = bureau.postJson("/api/cases/" + caseNumber + "/assistance-letter", letter);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
    JsonNode answer = JSON.readTree(issued.body());
    assertThat(answer.get("mark").asText()).isEqualTo("外地协查");

    ResponseEntity<byte[]> pdf = anonymous.withBasicAuth("bureau-zhenxiong", "demo").getForEntity(answer.get("documentUrl").asText(), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
    String name = jdbc.queryForObject("select s.name from student s join dropout_case c on c.student_id = s.id where c.case_number = ?",
        String.class, caseNumber);
    assertThat(text).contains("协查函", "广东省东莞市长安镇人民政府：", name, caseNumber, "长安村小学", "广东省东莞市长安镇",
        "孩子随亲戚在当地工厂务工", "外地协查", "镇雄县教育局（盖章）", "义务教育法");
    assertThat(text).doesNotContain(jdbc.queryForObject(
        "select s.id_number from student s join dropout_case c on c.student_id = s.id where c.case_number = ?", String.class, caseNumber));

    Reply ledger = Caller.loggedIn(port, "bureau-zhenxiong").get("/ledgers/dropouts?size=200");
    assertThat(ledger.body()).contains(caseNumber);
    String row = ledger.body().substring(ledger.body().indexOf(caseNumber));
    assertThat(row.substring(0, row.indexOf("</tr>"))).contains("外地协查");
    assertThat(jdbc.queryForObject("select county_code from dropout_case where case_number = ?", String.class, caseNumber)).isEqualTo("530627");
    JsonNode summaryAfter = JSON.readTree(bureau.get("/api/reports/summary?scope=530627").body());
    assertThat(summaryAfter.get("cases").asLong()).as("the county's summary still counts it").isEqualTo(summaryBefore.get("cases").asLong());
    assertThat(summaryAfter.get("confirmed").asLong()).isEqualTo(summaryBefore.get("confirmed").asLong());
    assertThat(summaryAfter.get("confirmed").asLong()).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from audit_trail a join dropout_case c on c.id = a.case_id"
        + " where c.case_number = ? and a.entry_kind = 'ASSISTANCE_LETTER'", Long.class, caseNumber)).isEqualTo(1);
  }

  @Test
  void theCasesBureauHandsItOverFromThePageAndOthersOnlyRead() {
    String caseNumber = caseAtHomeVisit()[1];
    String page = "/cases/" + caseNumber + "/transfer";

    Reply teacherPage = Caller.loggedIn(port, "teacher-changan").get(page);
    assertThat(teacherPage.status()).isEqualTo(200);
    assertThat(teacherPage.body()).contains("跨县移交与外地协查", "没有移交或协查记录").doesNotContain("transfer-form", "letter-form");
    assertThat(Caller.loggedIn(port, "teacher-changan").get("/cases/" + caseNumber).body()).contains("跨县移交与外地协查");
    assertThat(Caller.loggedIn(port, "bureau-yiliang").get(page).status()).isEqualTo(404);

    Caller bureau = Caller.loggedIn(port, "bureau-zhenxiong");
    Reply form = bureau.get(page);
    assertThat(form.body()).contains("transfer-form", "letter-form", "彝良县", "威信县").doesNotContain(">镇雄县</option>");
    Reply empty = bureau.postForm(page, Map.of("toCounty", "530628"));
    assertThat(empty.status()).isEqualTo(302);
    assertThat(bureau.get(page).body()).contains("移交理由不能为空");
    assertThat(transfersOf(caseNumber)).isZero();

    Reply sent = bureau.postForm(page, Map.of("toCounty", "530628", "reason", "家庭已迁居彝良县"));
    assertThat(sent.status()).isEqualTo(302);
    Reply after = bureau.get(page);
    assertThat(after.body()).contains("已将案件移交彝良县，等待其接收。", "镇雄县 → 彝良县", "待接收", "家庭已迁居彝良县")
        .doesNotContain("transfer-form");
    assertThat(transfersOf(caseNumber)).isOne();
  }

  /** A case of 长安村小学 verified and with its helpers, waiting at the home visit: its process instance id and number. */
  private String[] caseAtHomeVisit() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    var started = teacher.startCase(TestStudents.changanGirl());
    String pi = (String) started.getBody().get("id");
    teacher.complete(onlyTask(teacher, pi, "verify"), Map.of("verifyResult", "CONFIRMED"));
    EngineRest township = EngineRest.as(anonymous, "official-jianshan");
    township.complete(onlyTask(township, pi, "assignHelpers"), Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    return new String[] {pi, (String) started.getBody().get("businessKey")};
  }

  private String transferPi(String caseNumber) {
    return jdbc.queryForObject("select t.process_instance_id from county_transfer t join dropout_case c on c.id = t.case_id"
        + " where c.case_number = ? and t.kind = 'TRANSFER'", String.class, caseNumber);
  }

  private long transfersOf(String caseNumber) {
    return jdbc.queryForObject("select count(*) from county_transfer t join dropout_case c on c.id = t.case_id where c.case_number = ?",
        Long.class, caseNumber);
  }

  private static Map<String, Object> homeVisit() {
    return Map.of("visitDate", LocalDate.now().toString(), "metWith", "母亲", "childWhereabouts", "AT_HOME", "reason", "WEARY",
        "familyAttitude", "HESITANT", "visitNotes", "在角奎镇家中见到孩子");
  }

  private static String onlyTask(EngineRest user, String pi, String taskKey) {
    List<Map<String, Object>> tasks = user.tasks(pi);
    assertThat(tasks).extracting(task -> task.get("taskDefinitionKey")).containsExactly(taskKey);
    return (String) tasks.get(0).get("id");
  }
}
