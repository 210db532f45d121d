package cn.baoxue.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.ClosureEvidence;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 佐证材料 through {@code /api/cases/{caseNumber}/evidence}, as a client (the field app, a script)
 * sends it: stored with its hashes and its place and time, stripped of everything else, readable
 * by those who may read the case, refused with a Chinese reason under the field's key.
 */
@BaoxueWebTest
class EvidenceApiTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void aPhotoIsStoredWithoutItsMetadataListedWithItsHashesAndReadBackByteForByte() throws Exception {
    OpenCase c = caseAtHomeVisit();
    byte[] photo = ClosureEvidence.photo();
    String originalSha = sha256(photo);

    ResponseEntity<Map<String, Object>> sent = ClosureEvidence.upload(anonymous, "cadre-changan", c.caseNumber,
        Map.of("step", c.homeVisitTask, "originalSha256", originalSha.toUpperCase(), "clientId", "phone-1:item-1"),
        "IMG_0001.jpg", photo);

    assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> item = sent.getBody();
    assertThat(item).containsEntry("step", c.homeVisitTask).containsEntry("taskKey", "homeVisit")
        .containsEntry("kind", "PHOTO").containsEntry("contentType", "image/jpeg").containsEntry("originalSha256", originalSha);
    // Place and time come from the photo's EXIF, into the item's own columns.
    assertThat(item.get("capturedAt")).isEqualTo("2026-11-20T10:15:30");
    assertThat((Double) item.get("latitude")).isCloseTo(27.8153, org.assertj.core.data.Offset.offset(1e-4));
    assertThat((Double) item.get("longitude")).isCloseTo(104.8671, org.assertj.core.data.Offset.offset(1e-4));

    List<Map<String, Object>> listed = EngineRest.as(anonymous, "official-jianshan")
        .getList("/api/cases/" + c.caseNumber + "/evidence").getBody();
    assertThat(listed).singleElement().satisfies(listedItem -> assertThat(listedItem)
        .containsKeys("id", "step", "sha256", "contentType", "size", "capturedAt")
        .containsEntry("sha256", item.get("sha256")).containsEntry("size", item.get("size")));

    ResponseEntity<byte[]> read = anonymous.withBasicAuth("teacher-changan", "demo")
        .getForEntity("/api/cases/" + c.caseNumber + "/evidence/" + item.get("id") + "/content", byte[].class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(read.getHeaders().getFirst("Content-Disposition")).startsWith("inline").contains("IMG_0001.jpg");
    assertThat(read.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
    byte[] stored = read.getBody();
    assertThat(sha256(stored)).isEqualTo(item.get("sha256")).isNotEqualTo(originalSha);
    assertThat(stored.length).isEqualTo(((Number) item.get("size")).intValue()).isLessThan(photo.length);

    // Nothing of the camera, its owner or its software is left; the picture is the same.
    String text = new String(stored, StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("BaoxueCam", "Model X1", "SN-0042", "FieldPhoto", "Owner Name", "13800000000", "Exif", "xmpmeta");
    ImageMetadata left = Imaging.getMetadata(stored);
    assertThat(left == null || left.getItems().isEmpty()).as("metadata left: %s", left).isTrue();
    assertThat(Imaging.getBufferedImage(stored).getWidth()).isEqualTo(Imaging.getBufferedImage(photo).getWidth());

    // The case page and the timeline name the step, the uploader and the hash in people's terms.
    String page = anonymous.withBasicAuth("official-jianshan", "demo").getForObject("/cases/" + c.caseNumber, String.class);
    String evidence = page.substring(page.indexOf("id=\"evidence\""), page.indexOf("销号审批"));
    assertThat(evidence).contains("入户家访", "照片", "杨国富", (String) item.get("sha256"), "北纬27.81530°，东经104.86710°",
        "2026-11-20 10:15", "/api/cases/" + c.caseNumber + "/evidence/" + item.get("id") + "/content")
        .doesNotContain("cadre-changan", "homeVisit");
    String timeline = anonymous.withBasicAuth("auditor", "demo").getForObject("/cases/" + c.caseNumber + "/timeline", String.class);
    assertThat(timeline).contains("上传佐证材料：照片，拍摄于 2026-11-20 10:15", ((String) item.get("sha256")).substring(0, 16));
  }

  @Test
  void theSameClientIdSentTwiceIsStoredOnce() {
    OpenCase c = caseAtHomeVisit();
    Map<String, String> fields = Map.of("step", c.homeVisitTask, "clientId", "phone-7:visit-photo-1");
    var first = ClosureEvidence.upload(anonymous, "cadre-changan", c.caseNumber, fields, "a.jpg", ClosureEvidence.photo());
    var again = ClosureEvidence.upload(anonymous, "cadre-changan", c.caseNumber, fields, "a.jpg", ClosureEvidence.photo());

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    assertThat(itemsOf(c)).isOne();
    assertThat(auditEntriesOf(c)).isOne();
  }

  @Test
  void aProgramNamedLikeAPhotoAndAFileOverTheLimitAreRefusedByFieldAndNothingIsStored() {
    OpenCase c = caseAtHomeVisit();
    byte[] program = new byte[4096];
    byte[] header = "MZ\u0090\u0000This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(header, 0, program, 0, header.length);
    var renamed = ClosureEvidence.upload(anonymous, "cadre-changan", c.caseNumber, Map.of("step", c.homeVisitTask), "photo.jpg", program);

    assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(renamed)).containsExactly(Map.of("field", "file",
        "message", "不支持该文件类型：佐证材料只能是照片（JPEG、PNG）、PDF 文件或录音（WebM、Ogg、M4A、MP3）"));

    byte[] large = new byte[10 * 1024 * 1024 + 1];
    byte[] jpeg = ClosureEvidence.photo();
    System.arraycopy(jpeg, 0, large, 0, jpeg.length);
    var tooLarge = ClosureEvidence.upload(anonymous, "cadre-changan", c.caseNumber, Map.of("step", c.homeVisitTask), "big.jpg", large);

    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(tooLarge)).containsExactly(Map.of("field", "file", "message", "文件过大：单个佐证材料不能超过10MB"));

    var badFields = ClosureEvidence.upload(anonymous, "cadre-changan", c.caseNumber,
        Map.of("step", "not-a-task", "originalSha256", "abc", "latitude", "北纬", "uploadedBy", "admin"), "a.jpg", jpeg);
    assertThat(badFields.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(badFields)).extracting(e -> e.get("field")).containsExactlyInAnyOrder("uploadedBy", "latitude");
    var badValues = ClosureEvidence.upload(anonymous, "cadre-changan", c.caseNumber,
        Map.of("step", "not-a-task", "originalSha256", "abc", "kind", "AUDIO"), "a.jpg", jpeg);
    assertThat(errors(badValues)).extracting(e -> e.get("field")).containsExactlyInAnyOrder("step", "originalSha256", "kind");
    assertThat(errors(badValues)).extracting(e -> e.get("message"))
        .contains("所选环节不是本案的办理环节", "原始文件的 SHA-256 须为64位十六进制数", "材料类型“录音”与文件内容不符");
    assertThat(itemsOf(c)).isZero();
    assertThat(auditEntriesOf(c)).isZero();
  }

  @Test
  void aDocumentOfExactlyTheLimitIsStoredWholeAndServedAsWhatItIs() throws Exception {
    OpenCase c = caseAtHomeVisit();
    byte[] pdf = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(pdf, (byte) ' ');
    byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(header, 0, pdf, 0, header.length);
    var stored = ClosureEvidence.upload(anonymous, "official-jianshan", c.caseNumber, Map.of("step", "case", "kind", "SCAN"),
        "承诺书.html", pdf);

    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(stored.getBody()).containsEntry("kind", "SCAN").containsEntry("contentType", "application/pdf")
        .containsEntry("sha256", sha256(pdf)).containsEntry("size", pdf.length);
    ResponseEntity<byte[]> read = anonymous.withBasicAuth("bureau-zhenxiong", "demo")
        .getForEntity("/api/cases/" + c.caseNumber + "/evidence/" + stored.getBody().get("id") + "/content", byte[].class);
    assertThat(read.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(sha256(read.getBody())).isEqualTo(sha256(pdf));
  }

  @Test
  void anotherTownshipsStaffNeitherReadNorAddAndAuditorsOnlyRead() {
    OpenCase c = caseAtHomeVisit();
    var stored = ClosureEvidence.upload(anonymous, "teacher-changan", c.caseNumber, Map.of("step", "case"), "a.jpg", ClosureEvidence.photo());
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String content = "/api/cases/" + c.caseNumber + "/evidence/" + stored.getBody().get("id") + "/content";

    for (String outsider : List.of("teacher-nantai", "cadre-nantai", "official-nantai")) {
      var added = ClosureEvidence.upload(anonymous, outsider, c.caseNumber, Map.of("step", "case"), "a.jpg", ClosureEvidence.photo());
      assertThat(added.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(added.getBody()).containsEntry("message", "案件不存在或不在您的管辖范围内");
      assertThat(EngineRest.as(anonymous, outsider).get("/api/cases/" + c.caseNumber + "/evidence").getStatusCode())
          .as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
      var read = anonymous.withBasicAuth(outsider, "demo").getForEntity(content, byte[].class);
      assertThat(read.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(new String(read.getBody(), StandardCharsets.ISO_8859_1)).doesNotContain("JFIF");
    }
    var byAuditor = ClosureEvidence.upload(anonymous, "auditor", c.caseNumber, Map.of("step", "case"), "a.jpg", ClosureEvidence.photo());
    assertThat(byAuditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(anonymous.withBasicAuth("auditor", "demo").getForEntity(content, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(itemsOf(c)).isOne();
  }

  @Test
  void oddSpellingsOfThePathAndCrossSiteUploadsStoreNothing() {
    OpenCase c = caseAtHomeVisit();
    byte[] photo = ClosureEvidence.photo();
    Caller script = Caller.basic(port, "cadre-changan");
    for (String path : List.of(
        "/api/cases/" + c.caseNumber + "/evidence/?step=case",
        "/api/cases/" + c.caseNumber + "//evidence?step=case",
        "/api//cases/" + c.caseNumber + "/evidence?step=case",
        "/api/cases/" + c.caseNumber + "%2Fevidence?step=case",
        "/api/cases%2F" + c.caseNumber + "/evidence?step=case",
        "/API/cases/" + c.caseNumber + "/evidence?step=case",
        "/api/cases/" + c.caseNumber + "/EVIDENCE?step=case",
        "/api/cases/" + c.caseNumber.toLowerCase() + "/evidence;x=1?step=case")) {
      Reply reply = script.upload(path, "file", "a.jpg", photo);
      assertThat(reply.status()).as("%s → %s", path, reply).isBetween(400, 499);
    }
    assertThat(itemsOf(c)).isZero();

    Caller browser = Caller.loggedIn(port, "cadre-changan");
    String path = "/api/cases/" + c.caseNumber + "/evidence?step=case";
    Reply foreign = browser.header("Origin", "https://evil.example").upload(path, "file", "a.jpg", photo);
    assertThat(foreign.status()).as("%s", foreign).isEqualTo(403);
    assertThat(foreign.body()).contains("拒绝跨站请求");
    Reply withoutToken = Caller.loggedIn(port, "cadre-changan").withoutCsrfToken().upload(path, "file", "a.jpg", photo);
    assertThat(withoutToken.status()).as("%s", withoutToken).isEqualTo(403);
    assertThat(itemsOf(c)).isZero();

    Reply ownPage = browser.header("Origin", browser.origin()).upload(path, "file", "a.jpg", photo);
    assertThat(ownPage.status()).as("%s", ownPage).isEqualTo(201);
    assertThat(itemsOf(c)).isOne();
  }

  @Test
  void theAuditChainHoldsEachItemsHashAndNamesAChangedFile() {
    OpenCase c = caseAtHomeVisit();
    var stored = ClosureEvidence.upload(anonymous, "cadre-changan", c.caseNumber, Map.of("step", c.homeVisitTask), "a.jpg",
        ClosureEvidence.photo());
    Object id = stored.getBody().get("id");
    String payload = jdbc.sql("select payload from audit_trail where entry_kind = 'EVIDENCE' and ref_id = ?").param(id)
        .query(String.class).single();
    assertThat(payload).contains("sha256=" + stored.getBody().get("sha256"), "key=homeVisit");
    EngineRest auditor = EngineRest.as(anonymous, "auditor");
    assertThat(auditor.get("/api/audit/verify").getBody()).containsEntry("intact", true);

    byte[] original = jdbc.sql("select content from evidence_item where id = ?").param(id).query(byte[].class).single();
    jdbc.sql("update evidence_item set content = ? where id = ?").param(ClosureEvidence.photo()).param(id).update();
    try {
      Map<String, Object> changed = auditor.get("/api/audit/verify").getBody();
      assertThat(changed).containsEntry("intact", false);
      assertThat(changed.get("problems").toString()).contains("佐证材料 #" + id + "（a.jpg）的内容已被改动");
    } finally {
      jdbc.sql("update evidence_item set content = ? where id = ?").param(original).param(id).update();
    }
    assertThat(auditor.get("/api/audit/verify").getBody()).containsEntry("intact", true);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> reply) {
    return (List<Map<String, Object>>) reply.getBody().get("errors");
  }

  @Test
  void theSameItemSentSeveralTimesAtOnceIsStoredOnce() throws Exception {
    OpenCase c = caseAtHomeVisit();
    Map<String, String> fields = Map.of("step", c.homeVisitTask, "clientId", "phone-9:burst-1");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<ResponseEntity<Map<String, Object>>>> sends = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sends.add(pool.submit(() -> ClosureEvidence.upload(anonymous, "cadre-changan", c.caseNumber, fields, "a.jpg",
            ClosureEvidence.photo())));
      }
      java.util.Set<Object> ids = new java.util.HashSet<>();
      for (var send : sends) {
        ResponseEntity<Map<String, Object>> reply = send.get();
        assertThat(reply.getStatusCode()).as("%s", reply.getBody()).isEqualTo(HttpStatus.CREATED);
        ids.add(reply.getBody().get("id"));
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(itemsOf(c)).isOne();
    assertThat(auditEntriesOf(c)).isOne();
  }

  /** A case of 长安村小学 whose helpers (teacher-changan, cadre-changan) are to visit the home. */
  OpenCase caseAtHomeVisit() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    Map<String, Object> started = teacher.startCase(TestStudents.changanGirl()).getBody();
    String pi = (String) started.get("id");
    String verify = (String) teacher.tasks(pi).get(0).get("id");
    teacher.claim(verify, "teacher-changan");
    teacher.complete(verify, Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校"));
    official.complete((String) official.tasks(pi).get(0).get("id"),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    List<Map<String, Object>> visit = teacher.tasks(pi);
    assertThat(visit).extracting(t -> t.get("taskDefinitionKey")).containsExactly("homeVisit");
    return new OpenCase(pi, (String) started.get("businessKey"), (String) visit.get(0).get("id"));
  }

  record OpenCase(String processInstanceId, String caseNumber, String homeVisitTask) {}

  long itemsOf(OpenCase c) {
    return jdbc.sql("select count(*) from evidence_item e join dropout_case d on d.id = e.case_id where d.case_number = ?")
        .param(c.caseNumber).query(Long.class).single();
  }

  long auditEntriesOf(OpenCase c) {
    return jdbc.sql("select count(*) from audit_trail a join dropout_case d on d.id = a.case_id where d.case_number = ? and a.entry_kind = 'EVIDENCE'")
        .param(c.caseNumber).query(Long.class).single();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
