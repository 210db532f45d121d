package cn.baoxue.placement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 残疾儿童安置 through its doors: 尖山乡 registers a disabled child of 长安村; 镇雄县's expert
 * committee (何淑芬) assesses her on the API or in Tasklist. Everyone else — another township, a
 * teacher, the county bureau, another county — is refused; undeclared fields and variables, a
 * deferral without its application, a 送教 teacher from elsewhere, odd path spellings and
 * cross-site writes are refused with nothing written.
 */
@BaoxueWebTest
class PlacementApiTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHILDREN = "/api/placement/children";
  private static final String EXPERTS = "experts-zhenxiong";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @Test
  void theTownshipRegistersAndTheCommitteePlacesTheChildAtHomeWithTwoTeachersEveryStepAudited() throws Exception {
    long auditBefore = auditEntries();
    String idNumber = PlacementChildren.idNumber();
    Reply created = Caller.basic(port, "official-jianshan").postJson(CHILDREN,
        PlacementChildren.child(idNumber, "王小雨", TestStudents.CHANGAN_VILLAGE, TestStudents.CHANGAN_SCHOOL));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode c = JSON.readTree(created.body());
    long id = c.get("id").asLong();
    assertThat(c.get("placementLabel").asText()).isEqualTo("待评估");
    assertThat(c.get("categoryLabel").asText() + c.get("levelLabel").asText()).isEqualTo("肢体残疾二级");
    assertThat(c.get("registeredByUnit").asText()).isEqualTo("尖山乡");
    assertThat(c.get("mayAssess").asBoolean()).isFalse();

    // The committee reads its county's child (the 身份证号 masked: it holds no case role) and may assess her.
    Caller experts = Caller.basic(port, EXPERTS);
    JsonNode seen = JSON.readTree(experts.get(CHILDREN + "/" + id).body());
    assertThat(seen.get("mayAssess").asBoolean()).isTrue();
    assertThat(JSON.readTree(experts.get(CHILDREN).body())).extracting(n -> n.get("id").asLong()).contains(id);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
        + " where t.task_def_key_ = 'assessPlacement' and l.group_id_ = 'experts_530627' and t.proc_inst_id_ = ?",
        Long.class, processOf(id))).isEqualTo(1);

    Reply placed = experts.postJson(CHILDREN + "/" + id + "/assessment",
        "{\"placement\":\"HOME_DELIVERED\",\"deliveryTeachers\":[\"teacher-changan\",\"official-jianshan\"],\"assessmentNote\":\"重度肢体残疾，不能到校\"}");
    assertThat(placed.status()).as("%s", placed).isEqualTo(200);
    JsonNode p = JSON.readTree(placed.body());
    assertThat(p.get("placementLabel").asText()).isEqualTo("送教上门");
    assertThat(p.get("assessedBy").asText()).isEqualTo("何淑芬");
    assertThat(p.get("teachers")).extracting(t -> t.get("id").asText()).containsExactlyInAnyOrder("teacher-changan", "official-jianshan");
    assertThat(p.get("mayAssess").asBoolean()).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = 'assessPlacement'",
        Long.class, processOf(id))).isZero();

    // A teacher of 送教 reads the child she visits.
    assertThat(Caller.basic(port, "teacher-changan").get(CHILDREN + "/" + id).status()).isEqualTo(200);
    // Once decided, it cannot be decided again.
    Reply again = experts.postJson(CHILDREN + "/" + id + "/assessment", "{\"placement\":\"INCLUSIVE_CLASS\"}");
    assertThat(again.status()).isEqualTo(409);

    assertThat(auditEntries() - auditBefore).isEqualTo(2);
    assertThat(jdbc.queryForList("select payload from audit_trail where entry_kind = 'DISABLED_CHILD' and ref_id = ?", String.class, id))
        .singleElement().asString().doesNotContain(idNumber).contains("group=township_530627205", "category=PHYSICAL");
    assertThat(jdbc.queryForList("select payload from audit_trail where entry_kind = 'PLACEMENT_DECISION' and ref_id = ? and actor = ?",
        String.class, id, EXPERTS)).singleElement().asString().contains("placement=HOME_DELIVERED");
    Reply verified = Caller.basic(port, "auditor").get("/api/audit/verify");
    assertThat(JSON.readTree(verified.body()).get("intact").asBoolean()).as("%s", verified).isTrue();
  }

  @Test
  void theCommitteeAssessesInTasklistThroughTheFormsContractOnly() throws Exception {
    long id = jianshanChild("赵小月");
    EngineRest engine = EngineRest.as(rest, EXPERTS);
    List<Map<String, Object>> tasks = engine.tasks(processOf(id));
    assertThat(tasks).singleElement().satisfies(t -> assertThat(t.get("name")).isEqualTo("评估残疾儿童并决定安置方式"));
    String taskId = (String) tasks.get(0).get("id");
    // Tasklist shows the committee its form, the 送教 picker filled with the child's school and township staff.
    var form = engine.get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.getStatusCode().value()).as("%s", form).isEqualTo(200);
    assertThat(String.valueOf(form.getBody())).contains("assess-placement", "deliveryTeachers");
    var choices = engine.get("/engine-rest/task/" + taskId + "/form-variables");
    assertThat(choices.getStatusCode().value()).isEqualTo(200);
    assertThat(choices.getBody()).containsKeys("deliveryTeacherChoices", "childName", "disability", "placeName");

    // A variable the form does not offer is refused before the engine writes anything.
    var undeclared = engine.complete(taskId, Map.of("placement", "SPECIAL_SCHOOL", "assessedBy", "official-jianshan"));
    assertThat(undeclared.getStatusCode().value()).as("%s", undeclared).isEqualTo(400);
    // A deferral without the family's application is refused by the step that records it, in one transaction.
    var deferral = engine.complete(taskId, Map.of("placement", "DEFERRED"));
    assertThat(deferral.getStatusCode().value()).as("%s", deferral).isEqualTo(400);
    assertThat(String.valueOf(deferral.getBody())).contains("延缓入学须依家长申请");
    assertThat(engine.tasks(processOf(id))).hasSize(1);
    assertThat(jdbc.queryForObject("select placement from disabled_child where id = ?", String.class, id)).isNull();

    // A township official may not: the task is the committee's.
    var township = EngineRest.as(rest, "official-jianshan").complete(taskId, Map.of("placement", "SPECIAL_SCHOOL"));
    assertThat(township.getStatusCode().value()).isBetween(400, 404);

    var done = engine.complete(taskId, Map.of("placement", "DEFERRED", "deferralReason", "术后康复，家长申请延缓一年",
        "deferralAppliedOn", LocalDate.now().minusDays(3).toString()));
    assertThat(done.getStatusCode().value()).as("%s", done).isEqualTo(204);
    assertThat(jdbc.queryForMap("select placement, assessed_by, deferral_applied_on from disabled_child where id = ?", id))
        .containsEntry("PLACEMENT", "DEFERRED").containsEntry("ASSESSED_BY", EXPERTS);
  }

  @Test
  void outsidersNeitherReadNorAssessNorRegister() throws Exception {
    long id = jianshanChild("钱小林");
    long[] before = counts();
    for (String outsider : List.of("official-nantai", "teacher-nantai", "cadre-nantai", "bureau-yiliang", "police-zhenxiong")) {
      Caller caller = Caller.basic(port, outsider);
      Reply read = caller.get(CHILDREN + "/" + id);
      assertThat(read.status()).as(outsider + " %s", read).isEqualTo(404);
      assertThat(read.body()).doesNotContain("钱小林");
      assertThat(caller.get(CHILDREN).body()).as(outsider).doesNotContain("钱小林");
      Reply assess = caller.postJson(CHILDREN + "/" + id + "/assessment", "{\"placement\":\"SPECIAL_SCHOOL\"}");
      assertThat(assess.status()).as(outsider + " %s", assess).isEqualTo(404);
    }
    // Readers of the child who are not the committee may not assess her.
    for (String reader : List.of("official-jianshan", "bureau-zhenxiong", "teacher-changan", "cadre-changan", "auditor")) {
      Reply assess = Caller.basic(port, reader).postJson(CHILDREN + "/" + id + "/assessment", "{\"placement\":\"SPECIAL_SCHOOL\"}");
      assertThat(assess.status()).as(reader + " %s", assess).isEqualTo(403);
    }
    // Only the county bureau and the townships register; 南台镇 not a child of 尖山乡.
    for (String registrar : List.of(EXPERTS, "teacher-changan", "cadre-changan", "bureau-zhaotong", "auditor")) {
      Reply refused = Caller.basic(port, registrar).postJson(CHILDREN,
          PlacementChildren.child(PlacementChildren.idNumber(), "钱小草", TestStudents.CHANGAN_VILLAGE, null));
      assertThat(refused.status()).as(registrar + " %s", refused).isEqualTo(403);
    }
    Reply foreign = Caller.basic(port, "official-nantai").postJson(CHILDREN,
        PlacementChildren.child(PlacementChildren.idNumber(), "钱小草", TestStudents.CHANGAN_VILLAGE, null));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("\"field\":\"villageCode\"", "长安村不在您的管辖范围内");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void badInputIsRefusedWithItsFieldAndAChineseMessageAndNothingIsWritten() throws Exception {
    long id = jianshanChild("孙小禾");
    Caller township = Caller.basic(port, "official-jianshan");
    long[] before = counts();
    String good = PlacementChildren.idNumber();
    Map<String, String> registerRefusals = Map.of(
        PlacementChildren.child(good, "孙小草", TestStudents.CHANGAN_VILLAGE, null).replace("}", ",\"placement\":\"SPECIAL_SCHOOL\"}"),
        "placement=残疾儿童登记不接受字段“placement”",
        PlacementChildren.child(good, "孙小草", TestStudents.CHANGAN_VILLAGE, null).replace("PHYSICAL", "AUTISM"), "category=",
        PlacementChildren.child(good, "孙小草", TestStudents.CHANGAN_VILLAGE, null).replace("LEVEL_2", "LEVEL_5"), "level=",
        PlacementChildren.child(TestStudents.idNumber(LocalDate.now().minusYears(3), true), "孙小草", TestStudents.CHANGAN_VILLAGE, null),
        "idNumber=不在义务教育适龄范围",
        PlacementChildren.child(good, "<b>孙</b>", TestStudents.CHANGAN_VILLAGE, null), "name=儿童姓名只能包含",
        PlacementChildren.child(good, "孙小草", "530627205999", null), "villageCode=没有这个村",
        PlacementChildren.child(good, "孙小草", TestStudents.CHANGAN_VILLAGE, "5306280001"), "schoolCode=角奎小学不在镇雄县");
    for (Map.Entry<String, String> refusal : registerRefusals.entrySet()) {
      Reply refused = township.postJson(CHILDREN, refusal.getKey());
      String field = refusal.getValue().substring(0, refusal.getValue().indexOf('='));
      assertThat(refused.status()).as("%s → %s", refusal.getKey(), refused).isEqualTo(400);
      assertThat(refused.body()).as(refusal.getKey()).contains("\"field\":\"" + field + "\"")
          .contains(refusal.getValue().substring(field.length() + 1));
    }
    String idNumber = jdbc.queryForObject("select id_number from disabled_child where id = ?", String.class, id);
    Reply twice = township.postJson(CHILDREN, PlacementChildren.child(idNumber, "孙小禾", TestStudents.CHANGAN_VILLAGE, null));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("\"field\":\"idNumber\"", "不能重复登记");

    Caller experts = Caller.basic(port, EXPERTS);
    String assess = CHILDREN + "/" + id + "/assessment";
    Map<String, String> assessRefusals = Map.of(
        "{\"placement\":\"SPECIAL_SCHOOL\",\"assessedBy\":\"official-jianshan\"}", "assessedBy=评估安置不接受字段“assessedBy”",
        "{\"placement\":\"HOSPITAL\"}", "placement=",
        "{}", "placement=请选择安置方式",
        "{\"placement\":\"DEFERRED\",\"deferralAppliedOn\":\"2026-09-01\"}", "deferralReason=延缓入学须依家长申请",
        "{\"placement\":\"DEFERRED\",\"deferralReason\":\"病\"}", "deferralAppliedOn=延缓入学须依家长申请，请填写申请日期",
        "{\"placement\":\"DEFERRED\",\"deferralReason\":\"病\",\"deferralAppliedOn\":\"" + LocalDate.now().plusDays(3) + "\"}",
        "deferralAppliedOn=申请日期不能晚于今天",
        "{\"placement\":\"SPECIAL_SCHOOL\",\"deferralReason\":\"病\"}", "deferralReason=只有延缓入学才填写申请理由",
        "{\"placement\":\"HOME_DELIVERED\"}", "deliveryTeachers=送教上门须指定至少一名送教教师",
        "{\"placement\":\"HOME_DELIVERED\",\"deliveryTeachers\":[\"teacher-nantai\"]}", "deliveryTeachers=送教教师须是该儿童所在学校或乡镇的工作人员",
        "{\"placement\":\"INCLUSIVE_CLASS\",\"deliveryTeachers\":\"teacher-changan\"}", "deliveryTeachers=只有送教上门才指定送教教师");
    for (Map.Entry<String, String> refusal : assessRefusals.entrySet()) {
      Reply refused = experts.postJson(assess, refusal.getKey());
      String field = refusal.getValue().substring(0, refusal.getValue().indexOf('='));
      assertThat(refused.status()).as("%s → %s", refusal.getKey(), refused).isEqualTo(400);
      assertThat(refused.body()).as(refusal.getKey()).contains("\"field\":\"" + field + "\"")
          .contains(refusal.getValue().substring(field.length() + 1));
    }
    assertThat(counts()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select placement from disabled_child where id = ?", String.class, id)).isNull();
  }

  @Test
  void oddPathSpellingsAndCrossSiteWritesAreRefusedAndNothingIsWritten() {
    long id = jianshanChild("周小岚");
    long[] before = counts();
    Caller township = Caller.basic(port, "official-jianshan");
    String create = PlacementChildren.child(PlacementChildren.idNumber(), "周小草", TestStudents.CHANGAN_VILLAGE, null);
    for (String path : List.of("/api/placement/children/", "//api/placement/children", "/api/placement%2Fchildren",
        "/API/placement/children", "/api/placement/Children", "/api/placement/children;jsessionid=0123",
        "/api/placement/%63hildren", "/api/placement/./children", "/api/placement/x/../children")) {
      Reply odd = township.send("POST", path, create);
      assertThat(odd.status()).as("%s: %s", path, odd).isBetween(400, 405);
    }
    Caller experts = Caller.basic(port, EXPERTS);
    String decision = "{\"placement\":\"SPECIAL_SCHOOL\"}";
    for (String path : List.of(CHILDREN + "/" + id + "/assessment/", CHILDREN + "/" + id + "%2Fassessment",
        CHILDREN + "/0" + id + "/assessment", CHILDREN + "/" + id + "/Assessment", CHILDREN + "//" + id + "/assessment",
        CHILDREN + "/" + id + ";x=1/assessment", CHILDREN + "/+" + id + "/assessment")) {
      Reply odd = experts.send("POST", path, decision);
      assertThat(odd.status()).as("%s: %s", path, odd).isBetween(400, 405);
    }
    assertThat(Caller.basic(port, "official-jianshan").header("Origin", "https://evil.example").postJson(CHILDREN, create).status())
        .isEqualTo(403);
    assertThat(Caller.basic(port, EXPERTS).header("Origin", "https://evil.example")
        .postJson(CHILDREN + "/" + id + "/assessment", decision).status()).isEqualTo(403);
    Caller tokenless = Caller.loggedIn(port, EXPERTS).withoutCsrfToken();
    assertThat(tokenless.postJson(CHILDREN + "/" + id + "/assessment", decision).status()).isEqualTo(403);
    assertThat(tokenless.postForm("/placement/" + id + "/assessment", Map.of("placement", "SPECIAL_SCHOOL")).status()).isEqualTo(403);
    assertThat(counts()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select placement from disabled_child where id = ?", String.class, id)).isNull();
  }

  @Test
  void theCommitteeAssessesFromItsPageAndARefusalComesBackUnderItsField() {
    long id = jianshanChild("吴小溪");
    Caller experts = Caller.loggedIn(port, EXPERTS);
    Reply list = experts.get("/placement");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("待评估安置", "吴小溪", "/placement/" + id).doesNotContain("登记适龄残疾儿童</h2>");
    Reply bad = experts.postForm("/placement/" + id + "/assessment", Map.of("placement", "HOME_DELIVERED"));
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body()).contains("送教上门须指定至少一名送教教师");
    Reply good = experts.postForm("/placement/" + id + "/assessment", Map.of("placement", "INCLUSIVE_CLASS", "assessmentNote", "可随班就读"));
    assertThat(good.status()).as("%s", good).isEqualTo(302);
    assertThat(experts.get("/placement/" + id).body()).contains("已评估安置", "随班就读", "何淑芬");
    Reply township = Caller.loggedIn(port, "official-jianshan").get("/placement");
    assertThat(township.body()).contains("登记适龄残疾儿童", "吴小溪");
  }

  @Test
  void onlyHerTeachersLogVisitsWithEvidenceAndEveryoneElseIsRefusedWithNothingWritten() throws Exception {
    long id = jianshanChild("陈小溪");
    assertThat(Caller.basic(port, EXPERTS).postJson(CHILDREN + "/" + id + "/assessment",
        "{\"placement\":\"HOME_DELIVERED\",\"deliveryTeachers\":[\"teacher-changan\"]}").status()).isEqualTo(200);
    String visits = CHILDREN + "/" + id + "/visits";
    String today = LocalDate.now().toString();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    String good = "{\"date\":\"" + today + "\",\"hours\":1.5,\"content\":\"识字与康复训练\",\"evidenceFileName\":\"送教.png\","
        + "\"evidenceBase64\":\"" + java.util.Base64.getEncoder().encodeToString(png) + "\"}";
    long[] before = visitCounts(id);

    // Readers who are not her 送教 teachers: 403; outsiders: 404.
    for (String reader : List.of("official-jianshan", "bureau-zhenxiong", EXPERTS, "principal-changan", "auditor")) {
      Reply refused = Caller.basic(port, reader).postJson(visits, good);
      assertThat(refused.status()).as(reader + " %s", refused).isEqualTo(403);
    }
    for (String outsider : List.of("teacher-nantai", "official-nantai", "bureau-yiliang")) {
      Reply refused = Caller.basic(port, outsider).postJson(visits, good);
      assertThat(refused.status()).as(outsider + " %s", refused).isEqualTo(404);
      assertThat(Caller.basic(port, outsider).get(visits).status()).isEqualTo(404);
    }
    Caller teacher = Caller.basic(port, "teacher-changan");
    Map<String, String> refusals = Map.of(
        "{\"date\":\"" + today + "\",\"hours\":2,\"content\":\"识字\",\"recordedBy\":\"official-jianshan\"}", "recordedBy=送教记录不接受字段“recordedBy”",
        "{\"date\":\"" + LocalDate.now().plusDays(1) + "\",\"hours\":2,\"content\":\"识字\"}", "date=送教日期不能晚于今天",
        "{\"date\":\"" + LocalDate.now().minusDays(30) + "\",\"hours\":2,\"content\":\"识字\"}", "date=送教日期不能早于安置日期",
        "{\"date\":\"" + today + "\",\"hours\":9,\"content\":\"识字\"}", "hours=送教时长须在0到8小时之间",
        "{\"date\":\"" + today + "\",\"hours\":\"两小时\",\"content\":\"识字\"}", "hours=送教时长须为数字",
        "{\"date\":\"" + today + "\",\"hours\":2}", "content=送教内容不能为空",
        "{\"date\":\"" + today + "\",\"hours\":2,\"content\":\"识字\",\"evidenceFileName\":\"a.exe\",\"evidenceBase64\":\"TVqQAAMAAAAEAAAA\"}",
        "evidenceBase64=佐证文件须为照片（JPG、PNG）或 PDF",
        "{\"date\":\"" + today + "\",\"hours\":2,\"content\":\"识字\",\"evidenceFileName\":\"a.png\",\"evidenceBase64\":\"!!\"}",
        "evidenceBase64=佐证文件须为 base64 编码");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      Reply refused = teacher.postJson(visits, refusal.getKey());
      String field = refusal.getValue().substring(0, refusal.getValue().indexOf('='));
      assertThat(refused.status()).as("%s → %s", refusal.getKey(), refused).isEqualTo(400);
      assertThat(refused.body()).as(refusal.getKey()).contains("\"field\":\"" + field + "\"")
          .contains(refusal.getValue().substring(field.length() + 1));
    }
    for (String path : List.of(visits + "/", CHILDREN + "/" + id + "%2Fvisits", CHILDREN + "/0" + id + "/visits",
        CHILDREN + "/" + id + "/Visits", CHILDREN + "//" + id + "/visits", CHILDREN + "/" + id + ";x=1/visits")) {
      Reply odd = teacher.send("POST", path, good);
      assertThat(odd.status()).as("%s: %s", path, odd).isBetween(400, 405);
    }
    assertThat(Caller.basic(port, "teacher-changan").header("Origin", "https://evil.example").postJson(visits, good).status())
        .isEqualTo(403);
    assertThat(Caller.loggedIn(port, "teacher-changan").withoutCsrfToken().postJson(visits, good).status()).isEqualTo(403);
    // A child not placed at home takes no visit.
    long inclusive = jianshanChild("陈小河");
    Caller.basic(port, EXPERTS).postJson(CHILDREN + "/" + inclusive + "/assessment", "{\"placement\":\"INCLUSIVE_CLASS\"}");
    assertThat(teacher.postJson(CHILDREN + "/" + inclusive + "/visits", good).status()).isIn(403, 404);
    assertThat(visitCounts(id)).isEqualTo(before);

    Reply logged = teacher.postJson(visits, good);
    assertThat(logged.status()).as("%s", logged).isEqualTo(201);
    JsonNode visit = JSON.readTree(logged.body());
    assertThat(visit.get("evidenceSha256").asText()).isEqualTo(cn.baoxue.kernel.integrity.Sha256.hex(png));
    assertThat(visit.get("hours").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(JSON.readTree(teacher.get(visits).body())).hasSize(1);
    assertThat(jdbc.queryForList("select payload from audit_trail where entry_kind = 'HOME_DELIVERY_VISIT' and ref_id = ? and actor = ?",
        String.class, visit.get("id").asLong(), "teacher-changan")).singleElement().asString()
        .contains("child=" + id, "evidence=" + cn.baoxue.kernel.integrity.Sha256.hex(png));
    Reply verified = Caller.basic(port, "auditor").get("/api/audit/verify");
    assertThat(JSON.readTree(verified.body()).get("intact").asBoolean()).as("%s", verified).isTrue();
  }

  private long[] visitCounts(long child) {
    return new long[] {
      jdbc.queryForObject("select count(*) from home_delivery_visit where child_id = ?", Long.class, child),
      jdbc.queryForObject("select count(*) from audit_trail where entry_kind = 'HOME_DELIVERY_VISIT'", Long.class)
    };
  }

  // --- helpers ---

  private long jianshanChild(String name) {
    Reply created = Caller.basic(port, "official-jianshan").postJson(CHILDREN,
        PlacementChildren.child(PlacementChildren.idNumber(), name, TestStudents.CHANGAN_VILLAGE, TestStudents.CHANGAN_SCHOOL));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    try {
      return JSON.readTree(created.body()).get("id").asLong();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String processOf(long id) {
    return jdbc.queryForObject("select process_instance_id from disabled_child where id = ?", String.class, id);
  }

  private long auditEntries() {
    return jdbc.queryForObject("select count(*) from audit_trail", Long.class);
  }

  private long[] counts() {
    return new long[] {
      jdbc.queryForObject("select count(*) from disabled_child", Long.class),
      jdbc.queryForObject("select count(*) from disabled_child where placement is not null", Long.class),
      jdbc.queryForObject("select count(*) from home_delivery_teacher", Long.class),
      jdbc.queryForObject("select count(*) from audit_trail where entry_kind in ('DISABLED_CHILD', 'PLACEMENT_DECISION', 'HOME_DELIVERY_VISIT')",
          Long.class)
    };
  }
}
