package cn.baoxue.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
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
