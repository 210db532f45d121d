package cn.baoxue.handover;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.HelperAssignment;
import cn.baoxue.cases.HelperAssignmentRepository;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.security.WithoutEngineAuthorization;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 工作交接: a teacher of 长安村小学 leaves holding a verification she claimed, a home visit offered to
 * her by name and the 包保教师 role of that case. Her township hands all of it to a colleague of the
 * same school in one recorded operation; everyone else is refused and nothing moves; her account
 * cannot be deleted or taken out of the school while she holds open work.
 */
@BaoxueWebTest
class StaffHandoverTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHOOL_GROUP = "school_" + TestStudents.CHANGAN_SCHOOL;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired WithoutEngineAuthorization withoutEngineAuthorization;
  @Autowired DropoutCaseRepository cases;
  @Autowired HelperAssignmentRepository assignments;
  @Autowired JdbcTemplate jdbc;

  private ActingUsers users;
  private String leaver;
  private String successor;
  private ProcessInstance claimedCase;
  private ProcessInstance helpedCase;

  @BeforeEach
  void aTeacherWithOpenWork() throws Exception {
    users = new ActingUsers(engine, staff);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    leaver = "leaver-" + suffix;
    successor = "successor-" + suffix;
    createTeacher(leaver, "林", "晓燕");
    createTeacher(successor, "黄", "志明");

    claimedCase = users.reportAtChangan();
    Task verify = users.taskOf(claimedCase.getId());
    users.as(leaver, () -> {
      engine.getTaskService().claim(verify.getId(), leaver);
      return null;
    });

    helpedCase = users.reportAtChangan();
    users.complete("teacher-changan", users.taskOf(helpedCase.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(helpedCase.getId()).getId(),
        Map.of("teacherHelper", leaver, "cadreHelper", "cadre-changan"));

    // 结对关爱: 尖山乡 pairs her with an orphan of 长安村.
    Reply paired = Caller.basic(port, "official-jianshan").postJson("/api/care/pairings", "{\"kind\":\"ORPHAN\",\"idNumber\":\""
        + TestStudents.idNumber(java.time.LocalDate.now().minusYears(6).minusDays(PAIRED.incrementAndGet()), false)
        + "\",\"name\":\"王小朵\",\"helper\":\"" + leaver + "\",\"villageCode\":\"" + TestStudents.CHANGAN_VILLAGE + "\"}");
    assertThat(paired.status()).as("%s", paired).isEqualTo(201);
    pairing = JSON.readTree(paired.body()).get("id").asLong();
  }

  private static final java.util.concurrent.atomic.AtomicInteger PAIRED = new java.util.concurrent.atomic.AtomicInteger();
  private long pairing;

  @Test
  void herTownshipHandsAllHerOpenWorkToAColleagueInOneRecordedOperation() throws Exception {
    Caller township = Caller.basic(port, "official-jianshan");

    Reply preview = township.get("/api/staff/" + leaver + "/handover?successor=" + successor);
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    JsonNode plan = JSON.readTree(preview.body());
    assertThat(plan.get("leaverName").asText()).isEqualTo("林晓燕（长安村小学）");
    assertThat(plan.get("successorName").asText()).isEqualTo("黄志明（长安村小学）");
    assertThat(plan.at("/work/tasks")).extracting(t -> t.get("taskName").asText() + "/" + t.get("hold").asText())
        .containsExactlyInAnyOrder("核实是否辍学/ASSIGNED", "入户家访/CANDIDATE");
    assertThat(plan.at("/work/roles")).extracting(r -> r.get("caseNumber").asText() + "/" + r.get("label").asText())
        .containsExactly(helpedCase.getBusinessKey() + "/包保教师");
    assertThat(plan.at("/work/pairings")).extracting(p -> p.get("personName").asText() + "/" + p.get("kindLabel").asText())
        .containsExactly("王小朵/孤儿");
    assertThat(openWorkOf(leaver)).as("a preview moves nothing").isEqualTo(3);

    Reply done = township.postJson("/api/staff/" + leaver + "/handover", "{\"successor\":\"" + successor + "\"}");
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(JSON.readTree(done.body()).get("tasksMoved").asInt()).isEqualTo(2);
    assertThat(JSON.readTree(done.body()).get("casesMoved").asInt()).isEqualTo(2);
    assertThat(JSON.readTree(done.body()).get("pairingsMoved").asInt()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select helper from care_pairing where id = ?", String.class, pairing)).isEqualTo(successor);

    assertThat(users.taskOf(claimedCase.getId()).getAssignee()).isEqualTo(successor);
    Task visit = users.taskOf(helpedCase.getId());
    assertThat(visit.getTaskDefinitionKey()).isEqualTo("homeVisit");
    assertThat(candidateUsers(visit)).containsExactlyInAnyOrder(successor, "cadre-changan");
    assertThat(engine.getRuntimeService().getVariable(helpedCase.getId(), "teacherHelper")).isEqualTo(successor);
    List<HelperAssignment> history = assignments.findByCaseIdOrderByRecordedAtAscIdAsc(
        cases.findByCaseNumber(helpedCase.getBusinessKey()).orElseThrow().getId());
    assertThat(history).extracting(HelperAssignment::getTeacherHelper).containsExactly(leaver, successor);
    assertThat(history.get(1).getCadreHelper()).isEqualTo("cadre-changan");
    assertThat(history.get(1).getRecordedBy()).isEqualTo("official-jianshan");
    assertThat(openWorkOf(leaver)).isZero();

    Map<String, Object> recorded = jdbc.queryForMap("select * from staff_handover where leaver = ?", leaver);
    assertThat(recorded).containsEntry("SUCCESSOR", successor).containsEntry("HANDED_BY", "official-jianshan");
    assertThat(jdbc.queryForObject("select count(*) from audit_trail where entry_kind = 'HANDOVER' and payload like ?",
        Long.class, "%" + leaver + "%\"carePairings\":[" + pairing + "]%")).isEqualTo(1);
    Reply verified = Caller.basic(port, "auditor").get("/api/audit/verify");
    assertThat(JSON.readTree(verified.body()).get("intact").asBoolean()).as(verified.toString()).isTrue();

    // With no open work left, her account may go.
    Reply deleted = Caller.basic(port, "admin").delete("/engine-rest/user/" + leaver);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
  }

  @Test
  void everyoneElseIsRefusedAndNothingMoves() {
    String body = "{\"successor\":\"" + successor + "\"}";
    String path = "/api/staff/" + leaver + "/handover";

    // Another township; a colleague of the school; the county's own auditor.
    for (String outsider : List.of("official-nantai", "teacher-changan", "auditor")) {
      Reply refused = Caller.basic(port, outsider).postJson(path, body);
      assertThat(refused.status()).as(outsider + ": " + refused).isEqualTo(403);
      assertThat(openWorkOf(successor)).as(outsider).isZero();
    }
    Reply nantaiPreview = Caller.basic(port, "official-nantai").get(path + "?successor=" + successor);
    assertThat(nantaiPreview.status()).isEqualTo(403);
    assertThat(nantaiPreview.body()).contains("只有该工作人员所在乡镇或系统管理员可以办理其工作交接").doesNotContain("核实是否辍学");

    Caller township = Caller.basic(port, "official-jianshan");
    // A successor who does not work at her school.
    Reply otherSchool = township.postJson(path, "{\"successor\":\"teacher-nantai\"}");
    assertThat(otherSchool.status()).isEqualTo(400);
    assertThat(otherSchool.body()).contains("successor", "不在长安村小学工作");
    // A field the command does not declare.
    Reply undeclared = township.postJson(path, "{\"successor\":\"" + successor + "\",\"tasks\":[\"all\"]}");
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.body()).contains("工作交接不接受字段“tasks”");
    // Odd spellings of the path.
    for (String odd : List.of(path + "/", "/api//staff/" + leaver + "/handover", "/api/STAFF/" + leaver + "/handover",
        "/api/staff/" + leaver + "/handover;jsessionid=x", "/api/staff%2F" + leaver + "/handover")) {
      Reply refused = township.postJson(odd, body);
      assertThat(refused.status()).as(odd + ": " + refused).isIn(400, 404, 405);
    }
    // A cross-site form post with the official's session: no CSRF token, a foreign origin.
    Caller session = Caller.loggedIn(port, "official-jianshan");
    Reply crossSite = session.withoutCsrfToken().header("Origin", "https://evil.example").postJson(path, body);
    assertThat(crossSite.status()).isEqualTo(403);
    Reply crossSiteForm = session.withoutCsrfToken().postForm("/caseload/handover", Map.of("user", leaver, "successor", successor));
    assertThat(crossSiteForm.status()).isEqualTo(403);

    assertThat(openWorkOf(leaver)).as("nothing moved").isEqualTo(3);
    assertThat(jdbc.queryForObject("select helper from care_pairing where id = ?", String.class, pairing)).isEqualTo(leaver);
    assertThat(openWorkOf(successor)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from staff_handover where leaver = ?", Long.class, leaver)).isZero();
  }

  @Test
  void anAccountHoldingOpenWorkCannotBeDeletedOrTakenOutOfItsSchool() {
    Caller admin = Caller.basic(port, "admin");

    Reply delete = admin.delete("/engine-rest/user/" + leaver);
    assertThat(delete.status()).as(delete.toString()).isEqualTo(400);
    assertThat(delete.body()).contains("仍有 4 项未办结的待办、包保个案或结对关爱", "工作交接");
    Reply leaveSchool = admin.delete("/engine-rest/group/" + SCHOOL_GROUP + "/members/" + leaver);
    assertThat(leaveSchool.status()).as(leaveSchool.toString()).isEqualTo(400);

    assertThat(staff.user(leaver)).isNotNull();
    assertThat(staff.isMember(leaver, SCHOOL_GROUP)).isTrue();
    // Someone with no open work leaves freely.
    Reply free = admin.delete("/engine-rest/group/" + SCHOOL_GROUP + "/members/" + successor);
    assertThat(free.status()).as(free.toString()).isEqualTo(204);
  }

  @Test
  void aStaffFileMovingHerToAnotherSchoolIsRefusedOnHerRowUntilHerWorkIsHandedOver() {
    byte[] file = ("用户名,姓名,单位代码,角色,初始密码\n" + leaver + ",林晓燕," + TestStudents.NANTAI_SCHOOL + ",教师,\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    Reply refused = Caller.basic(port, "admin").upload("/api/admin/staff", "file", "调动.csv", file);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("仍有 4 项未办结的待办、包保个案或结对关爱", "工作交接");
    assertThat(staff.isMember(leaver, SCHOOL_GROUP)).isTrue();
    assertThat(staff.isMember(leaver, "school_" + TestStudents.NANTAI_SCHOOL)).isFalse();

    Reply handedOver = Caller.basic(port, "official-jianshan")
        .postJson("/api/staff/" + leaver + "/handover", "{\"successor\":\"" + successor + "\"}");
    assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(200);
    Reply moved = Caller.basic(port, "admin").upload("/api/admin/staff", "file", "调动.csv", file);
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(staff.isMember(leaver, "school_" + TestStudents.NANTAI_SCHOOL)).isTrue();
    assertThat(staff.isMember(leaver, SCHOOL_GROUP)).isFalse();
  }

  @Test
  void theCaseloadShowsWhoHoldsWhatWithinTheReadersJurisdictionOnly() throws Exception {
    JsonNode jianshan = JSON.readTree(Caller.basic(port, "official-jianshan").get("/api/caseload").body());
    JsonNode held = find(jianshan.get("helpers"), leaver);
    assertThat(held).isNotNull();
    assertThat(held.get("person").asText()).isEqualTo("林晓燕（长安村小学）");
    assertThat(held.get("cases").asLong()).isEqualTo(1);
    assertThat(held.get("assigned").asLong()).isEqualTo(1);
    assertThat(held.get("offered").asLong()).isEqualTo(1);
    assertThat(jianshan.get("villages")).anySatisfy(v -> {
      assertThat(v.get("village").asText()).isEqualTo("长安村");
      assertThat(v.get("helpers").toString()).contains("林晓燕");
    });

    JsonNode nantai = JSON.readTree(Caller.basic(port, "official-nantai").get("/api/caseload").body());
    assertThat(find(nantai.get("helpers"), leaver)).isNull();
    assertThat(nantai.get("villages").toString()).doesNotContain("长安村");

    Reply page = Caller.loggedIn(port, "official-jianshan").get("/caseload");
    assertThat(page.body()).contains("包保工作量", "林晓燕（长安村小学）", "/caseload/handover?user=" + leaver);
    Reply nantaiPage = Caller.loggedIn(port, "official-nantai").get("/caseload");
    assertThat(nantaiPage.body()).doesNotContain("林晓燕");
  }

  private static JsonNode find(JsonNode helpers, String userId) {
    for (JsonNode helper : helpers) {
      if (helper.get("userId").asText().equals(userId)) {
        return helper;
      }
    }
    return null;
  }

  private long openWorkOf(String userId) {
    return jdbc.queryForObject("select (select count(*) from ACT_RU_TASK where ASSIGNEE_ = ?)"
        + " + (select count(*) from ACT_RU_IDENTITYLINK where USER_ID_ = ? and TYPE_ = 'candidate' and TASK_ID_ is not null)"
        + " + (select count(*) from ACT_RU_VARIABLE where NAME_ in ('teacherHelper', 'cadreHelper', 'womenfedHelper')"
        + " and TEXT_ = ? and EXECUTION_ID_ = PROC_INST_ID_)", Long.class, userId, userId, userId);
  }

  private List<String> candidateUsers(Task task) {
    return withoutEngineAuthorization.call(() -> engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId).toList());
  }

  private void createTeacher(String id, String lastName, String firstName) {
    IdentityService identity = engine.getIdentityService();
    withoutEngineAuthorization.run(() -> {
      User user = identity.newUser(id);
      user.setLastName(lastName);
      user.setFirstName(firstName);
      user.setPassword("Handover-" + UUID.randomUUID());
      identity.saveUser(user);
      identity.createMembership(id, SCHOOL_GROUP);
    });
  }
}
