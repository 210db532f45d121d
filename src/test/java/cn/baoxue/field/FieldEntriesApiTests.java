package cn.baoxue.field;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.ContactLogRepository;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.HomeVisitRepository;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/field/entries} and the field app's reads, over real HTTP with a logged-in
 * session: an entry is recorded once however often it comes, through the step's own task and
 * listener; another township's case, an undeclared field, an odd spelling of the path and a
 * foreign page are refused, and nothing is changed; a step done meanwhile by the other helper is
 * a conflict that the user settles.
 */
@BaoxueWebTest
class FieldEntriesApiTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate anonymous;
  @Autowired HomeVisitRepository visits;
  @Autowired ContactLogRepository contacts;
  @Autowired DropoutCaseRepository cases;
  @Autowired FieldEntryLog entryLog;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  @Test
  void theCadreSeesTheOfferedHomeVisitAndTheCaseCardMaskedAsElsewhere() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    Caller cadre = Caller.loggedIn(port, "cadre-changan");

    JsonNode today = JSON.readTree(cadre.get("/api/field/today").body());
    JsonNode item = find(today, "taskId", changan.homeVisitTaskId());
    assertThat(item.path("kind").asText()).isEqualTo("HOME_VISIT");
    assertThat(item.path("taskName").asText()).isEqualTo("入户家访");
    assertThat(item.path("due").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

    JsonNode card = JSON.readTree(cadre.get("/api/field/cases/" + changan.caseNumber()).body());
    assertThat(card.path("studentName").asText()).isEqualTo("王小梅");
    assertThat(card.path("idNumber").asText()).contains("****");
    assertThat(card.path("guardianPhone").asText()).isEqualTo("138****0001");
    assertThat(card.path("masked").asBoolean()).isTrue();
    assertThat(card.path("village").asText()).isEqualTo("长安村");
    assertThat(card.path("helpers").toString()).contains("李明华", "杨国富").doesNotContain("teacher-changan", "cadre-changan");
    assertThat(JSON.readTree(cadre.get("/api/field/cases").body()).toString()).contains(changan.caseNumber());

    // The teacher of the school sees the card in full, as on the case page.
    JsonNode teacherCard = JSON.readTree(Caller.loggedIn(port, "teacher-changan").get("/api/field/cases/" + changan.caseNumber()).body());
    assertThat(teacherCard.path("guardianPhone").asText()).isEqualTo("13800000001");

    JsonNode session = JSON.readTree(cadre.get("/api/field/session").body());
    assertThat(session.path("user").asText()).startsWith("杨国富");
    assertThat(session.path("cacheDays").asInt()).isEqualTo(7);
    assertThat(session.path("forms").path("HOME_VISIT").toString()).contains("visitDate", "家访日期", "在家", "外出务工");
  }

  @Test
  void theSameEntrySentTwiceIsRecordedOnceAndAnsweredWithTheFirstOutcome() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    Caller cadre = Caller.loggedIn(port, "cadre-changan");
    String entry = homeVisitEntry(UUID.randomUUID().toString(), changan, FieldCases.visit("孩子在家，答应下周返校"));

    Reply first = cadre.postJson("/api/field/entries", entry);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    Reply again = cadre.postJson("/api/field/entries", entry);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(first.body()));
    assertThat(JSON.readTree(first.body()).path("outcome").asText()).isEqualTo("APPLIED");

    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseId(changan))).singleElement()
        .satisfies(visit -> assertThat(visit.getRecordedBy()).isEqualTo("cadre-changan"));
    assertThat(taskService.createTaskQuery().processInstanceId(changan.processInstanceId()).list())
        .extracting(task -> task.getTaskDefinitionKey()).containsExactly("persuadeSchool");
    assertThat(entryLog.countFor(changan.caseNumber())).isEqualTo(1);
  }

  @Test
  void theTeachersPersuasionIsTheSchoolRungOfTheLadder() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    Caller teacher = Caller.loggedIn(port, "teacher-changan");
    assertThat(teacher.postJson("/api/field/entries", homeVisitEntry(UUID.randomUUID().toString(), changan, FieldCases.visit("在家")))
        .status()).isEqualTo(201);
    String persuade = FieldCases.only(EngineRest.as(anonymous, "teacher-changan"), changan.processInstanceId(), "persuadeSchool");
    JsonNode today = JSON.readTree(teacher.get("/api/field/today").body());
    assertThat(find(today, "taskId", persuade).path("kind").asText()).isEqualTo("PERSUASION");

    Reply recorded = teacher.postJson("/api/field/entries", JSON.writeValueAsString(Map.of("clientId", UUID.randomUUID().toString(),
        "kind", "PERSUASION", "taskId", persuade, "caseNumber", changan.caseNumber(),
        "fields", Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "谈心两次，家长仍不同意"))));
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    assertThat(JSON.readTree(recorded.body()).path("message").asText()).startsWith("劝返（学校劝返）已登记");
    assertThat(taskService.createTaskQuery().processInstanceId(changan.processInstanceId()).list())
        .extracting(task -> task.getTaskDefinitionKey()).containsExactly("persuadeJoint");
  }

  @Test
  void anotherTownshipsCaseIsRefusedAndUnchanged() throws Exception {
    FieldCases.AtHomeVisit nantai = FieldCases.nantai(anonymous);
    Caller cadre = Caller.loggedIn(port, "cadre-changan");

    Reply refused = cadre.postJson("/api/field/entries", homeVisitEntry(UUID.randomUUID().toString(), nantai, FieldCases.visit("越权")));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
    assertThat(refused.body()).contains("不在您的管辖范围内");
    assertThat(cadre.get("/api/field/cases/" + nantai.caseNumber()).status()).isEqualTo(404);
    Reply contact = cadre.postJson("/api/field/entries", contactEntry(UUID.randomUUID().toString(), nantai.caseNumber()));
    assertThat(contact.status()).as(contact.toString()).isEqualTo(404);
    assertUnchanged(nantai);
  }

  @Test
  void anUndeclaredFieldOrKeyIsRefusedWithItsNameAndNothingIsWritten() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    Caller cadre = Caller.loggedIn(port, "cadre-changan");
    Map<String, Object> smuggled = new LinkedHashMap<>(FieldCases.visit("想换包保人"));
    smuggled.put("teacherHelper", "teacher-nantai");

    Reply refused = cadre.postJson("/api/field/entries", homeVisitEntry(UUID.randomUUID().toString(), changan, smuggled));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("field").asText()).isEqualTo("teacherHelper");
    assertThat(refused.body()).contains("不接受字段");

    ObjectNodeBuilder extraKey = new ObjectNodeBuilder(homeVisitEntry(UUID.randomUUID().toString(), changan, FieldCases.visit("多一个键")));
    Reply alsoRefused = cadre.postJson("/api/field/entries", extraKey.with("assignee", "cadre-changan"));
    assertThat(alsoRefused.status()).isEqualTo(400);
    assertThat(alsoRefused.body()).contains("assignee");

    Map<String, Object> withoutDate = new LinkedHashMap<>(FieldCases.visit("没写日期"));
    withoutDate.remove("visitDate");
    Reply invalid = cadre.postJson("/api/field/entries", homeVisitEntry(UUID.randomUUID().toString(), changan, withoutDate));
    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(JSON.readTree(invalid.body()).path("errors").get(0).path("field").asText()).isEqualTo("visitDate");
    assertThat(invalid.body()).contains("家访日期");
    assertUnchanged(changan);
  }

  @Test
  void oddSpellingsOfThePathAreRefusedAndNothingIsWritten() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    Caller cadre = Caller.loggedIn(port, "cadre-changan");
    for (String path : List.of("/api/field/entries/", "//api/field/entries", "/api//field/entries", "/api/field/%65ntries",
        "/api/field/entries%2F", "/API/field/entries", "/api/Field/Entries", "/api/field/entries;x=1", "/api/field/./entries")) {
      Reply reply = cadre.postJson(path, homeVisitEntry(UUID.randomUUID().toString(), changan, FieldCases.visit("拼写")));
      assertThat(reply.status()).as(path + " → " + reply).isBetween(400, 499);
    }
    assertUnchanged(changan);
  }

  @Test
  void aForeignPagesPostIsRefusedAndNothingIsWritten() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    String entry = homeVisitEntry(UUID.randomUUID().toString(), changan, FieldCases.visit("跨站"));

    Caller foreign = Caller.loggedIn(port, "cadre-changan").header("Origin", "http://evil.example");
    assertThat(foreign.postJson("/api/field/entries", entry).status()).isEqualTo(403);
    Caller withoutToken = Caller.loggedIn(port, "cadre-changan").withoutCsrfToken();
    assertThat(withoutToken.postJson("/api/field/entries", entry).status()).isEqualTo(403);
    Caller auditor = Caller.loggedIn(port, "auditor");
    assertThat(auditor.postJson("/api/field/entries", entry).status()).isEqualTo(403);
    assertThat(Caller.anonymous(port).postJson("/api/field/entries", entry).status()).isIn(401, 403);
    assertUnchanged(changan);
  }

  @Test
  void aVisitTheTeacherRecordedMeanwhileIsAConflictTheCadreKeepsAsAContact() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    assertThat(teacher.complete(changan.homeVisitTaskId(), FieldCases.visit("李老师先到了")).getStatusCode().value()).isEqualTo(204);

    Caller cadre = Caller.loggedIn(port, "cadre-changan");
    String clientId = UUID.randomUUID().toString();
    String entry = homeVisitEntry(clientId, changan, FieldCases.visit("杨国富离线记录：孩子在放牛"));
    Reply conflict = cadre.postJson("/api/field/entries", entry);
    assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
    JsonNode body = JSON.readTree(conflict.body());
    assertThat(body.path("message").asText()).contains("入户家访", "李明华", "办理完成");
    assertThat(body.path("conflict").asText()).isEqualTo("TASK_DONE");
    assertThat(body.path("choices").findValuesAsText("label")).containsExactly("保留为联系记录", "放弃");
    assertThat(entryLog.countFor(changan.caseNumber())).isZero();

    String kept = new ObjectNodeBuilder(entry).with("resolution", "CONTACT");
    Reply first = cadre.postJson("/api/field/entries", kept);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(JSON.readTree(first.body()).path("outcome").asText()).isEqualTo("KEPT_AS_CONTACT");
    assertThat(cadre.postJson("/api/field/entries", kept).status()).isEqualTo(200);
    assertThat(cadre.postJson("/api/field/entries", entry).status()).isEqualTo(200);

    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseId(changan))).singleElement()
        .satisfies(visit -> assertThat(visit.getRecordedBy()).isEqualTo("teacher-changan"));
    assertThat(contacts.findByCaseIdOrderByRecordedAtAscIdAsc(caseId(changan))).singleElement()
        .satisfies(contact -> assertThat(contact.getNotes()).contains("孩子在放牛", "见到的人：父亲王大山", "孩子去向：在家"));
  }

  @Test
  void whenTheCadreRecordedTheVisitFirstTheTeacherIsOfferedTheStepNowOpenForHer() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    Caller cadre = Caller.loggedIn(port, "cadre-changan");
    assertThat(cadre.postJson("/api/field/entries", homeVisitEntry(UUID.randomUUID().toString(), changan, FieldCases.visit("杨国富先到")))
        .status()).isEqualTo(201);

    Caller teacher = Caller.loggedIn(port, "teacher-changan");
    Reply conflict = teacher.postJson("/api/field/entries", homeVisitEntry(UUID.randomUUID().toString(), changan, FieldCases.visit("李明华离线登记")));
    assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
    JsonNode body = JSON.readTree(conflict.body());
    assertThat(body.path("message").asText()).contains("杨国富");
    JsonNode reenter = find(body.path("choices"), "code", "REENTER");
    assertThat(reenter.path("label").asText()).isEqualTo("在当前环节重新填写");
    assertThat(reenter.path("taskName").asText()).isEqualTo("学校劝返");
    assertThat(reenter.path("kind").asText()).isEqualTo("PERSUASION");
    assertThat(reenter.path("taskId").asText())
        .isEqualTo(FieldCases.only(EngineRest.as(anonymous, "teacher-changan"), changan.processInstanceId(), "persuadeSchool"));
    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseId(changan))).hasSize(1);
  }

  @Test
  void aContactIsRecordedThroughTheContactLog() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    Caller cadre = Caller.loggedIn(port, "cadre-changan");
    Reply recorded = cadre.postJson("/api/field/entries", contactEntry(UUID.randomUUID().toString(), changan.caseNumber()));
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    assertThat(contacts.findByCaseIdOrderByRecordedAtAscIdAsc(caseId(changan))).singleElement()
        .satisfies(contact -> assertThat(contact.getNotes()).isEqualTo("电话询问孩子近况"));
  }

  @Test
  void aVisitWithAPhotoAndASignatureIsStoredWithItsEvidenceOnceAndABadFileStoresNothing() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    Caller cadre = Caller.loggedIn(port, "cadre-changan");
    byte[] photo = Files.readAllBytes(Path.of("src", "test", "resources", "evidence", "home-visit.jpg"));
    byte[] signature = Files.readAllBytes(Path.of("src", "main", "resources", "static", "m", "icon-192.png"));

    Map<String, Object> badEntry = entryWithEvidence(UUID.randomUUID().toString(), changan);
    Reply refused = cadre.postMultipart("/api/field/entries", List.of(
        new Caller.Part("entry", "entry.json", "application/json", JSON.writeValueAsBytes(badEntry)),
        new Caller.Part("file0", "photo.jpg", "image/jpeg", "不是照片".getBytes(StandardCharsets.UTF_8)),
        new Caller.Part("file1", "signature.png", "image/png", signature)));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("field").asText()).isEqualTo("file");
    assertUnchanged(changan);

    Map<String, Object> entry = entryWithEvidence(UUID.randomUUID().toString(), changan);
    List<Caller.Part> parts = List.of(
        new Caller.Part("entry", "entry.json", "application/json", JSON.writeValueAsBytes(entry)),
        new Caller.Part("file0", "photo.jpg", "image/jpeg", photo),
        new Caller.Part("file1", "signature.png", "image/png", signature));
    Reply first = cadre.postMultipart("/api/field/entries", parts);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(JSON.readTree(first.body()).path("message").asText()).contains("佐证材料 2 件");
    assertThat(cadre.postMultipart("/api/field/entries", parts).status()).isEqualTo(200);

    JsonNode evidence = JSON.readTree(Caller.basic(port, "teacher-changan").get("/api/cases/" + changan.caseNumber() + "/evidence").body());
    assertThat(evidence).hasSize(2);
    assertThat(evidence.findValuesAsText("step")).containsOnly(changan.homeVisitTaskId());
    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseId(changan))).hasSize(1);
  }

  private static Map<String, Object> entryWithEvidence(String clientId, FieldCases.AtHomeVisit atHomeVisit) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("clientId", clientId);
    entry.put("kind", "HOME_VISIT");
    entry.put("taskId", atHomeVisit.homeVisitTaskId());
    entry.put("caseNumber", atHomeVisit.caseNumber());
    entry.put("fields", FieldCases.visit("带照片和签名"));
    entry.put("evidence", List.of(
        Map.of("part", "file0", "fileName", "现场照片.jpg", "kind", "PHOTO", "capturedAt", "2026-03-05T02:30:00Z"),
        Map.of("part", "file1", "fileName", "监护人签名.png", "kind", "SIGNATURE")));
    return entry;
  }

  private void assertUnchanged(FieldCases.AtHomeVisit atHomeVisit) {
    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseId(atHomeVisit))).isEmpty();
    assertThat(contacts.findByCaseIdOrderByRecordedAtAscIdAsc(caseId(atHomeVisit))).isEmpty();
    assertThat(entryLog.countFor(atHomeVisit.caseNumber())).isZero();
    var task = taskService.createTaskQuery().taskId(atHomeVisit.homeVisitTaskId()).singleResult();
    assertThat(task).isNotNull();
    assertThat(task.getAssignee()).isNull();
  }

  private Long caseId(FieldCases.AtHomeVisit atHomeVisit) {
    return cases.findByCaseNumber(atHomeVisit.caseNumber()).orElseThrow().getId();
  }

  static String homeVisitEntry(String clientId, FieldCases.AtHomeVisit atHomeVisit, Map<String, Object> fields) throws Exception {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("clientId", clientId);
    entry.put("kind", "HOME_VISIT");
    entry.put("taskId", atHomeVisit.homeVisitTaskId());
    entry.put("caseNumber", atHomeVisit.caseNumber());
    entry.put("fields", fields);
    return JSON.writeValueAsString(entry);
  }

  private static String contactEntry(String clientId, String caseNumber) throws Exception {
    return JSON.writeValueAsString(Map.of("clientId", clientId, "kind", "CONTACT", "caseNumber", caseNumber,
        "fields", Map.of("type", "PHONE", "date", LocalDate.now().toString(), "notes", "电话询问孩子近况")));
  }

  private static JsonNode find(JsonNode list, String key, String value) {
    for (JsonNode node : list) {
      if (value.equals(node.path(key).asText())) {
        return node;
      }
    }
    throw new AssertionError("no " + key + "=" + value + " in " + list);
  }

  /** One more key on an entry's JSON. */
  private record ObjectNodeBuilder(String json) {
    String with(String key, String value) throws Exception {
      var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
      node.put(key, value);
      return JSON.writeValueAsString(node);
    }
  }
}
