package cn.baoxue.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.baoxue.testing.ClosureEvidence;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Evidence kept in an S3-compatible object store: s3rver (an S3 server from the npm registry,
 * installed by {@code npm ci}) runs on this machine, the application is pointed at it, and an
 * upload through the API is found in the bucket with the hash the audit chain holds, read back
 * through the same access rules; an object altered in the bucket is not served; an item the
 * database held before the switch is still read from the database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false"})
class ObjectEvidenceStoreTests {

  static final Path S3RVER = Path.of("node_modules", "s3rver", "bin", "s3rver.js");
  static final String BUCKET = "baoxue-evidence";
  static Process server;
  static URI endpoint;

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void objectStore(DynamicPropertyRegistry registry) throws Exception {
    if (!Files.exists(S3RVER)) {
      return;
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path data = Files.createTempDirectory("s3rver");
    server = new ProcessBuilder("node", S3RVER.toString(), "-d", data.toString(), "-a", "127.0.0.1", "-p",
        String.valueOf(port), "--silent", "--configure-bucket", BUCKET)
        .redirectErrorStream(true).redirectOutput(new File(data.toFile(), "s3rver.log")).start();
    waitForPort(port);
    endpoint = URI.create("http://127.0.0.1:" + port);
    registry.add("baoxue.evidence.object-store.endpoint", endpoint::toString);
    registry.add("baoxue.evidence.object-store.bucket", () -> BUCKET);
    registry.add("baoxue.evidence.object-store.access-key", () -> "S3RVER");
    registry.add("baoxue.evidence.object-store.secret-key", () -> "S3RVER");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.destroy();
    }
  }

  @Test
  void anUploadIsKeptInTheBucketUnderItsHashAndReadBackOnlyByThoseWhoMayReadTheCase() {
    assumeTrue(server != null, "s3rver not installed: run npm ci first (CI does)");
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    String caseNumber = (String) teacher.startCase(TestStudents.changanGirl()).getBody().get("businessKey");
    byte[] photo = ClosureEvidence.photo();

    ResponseEntity<Map<String, Object>> sent =
        ClosureEvidence.upload(anonymous, "teacher-changan", caseNumber, Map.of("step", "case"), "家访.jpg", photo);

    assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) sent.getBody().get("id")).longValue();
    Map<String, Object> row = jdbc.sql("select storage_kind, storage_key, sha256, content from evidence_item where id = ?")
        .param(id).query().singleRow();
    assertThat(row.get("storage_kind")).isEqualTo("OBJECT");
    assertThat(row.get("content")).as("the bytes are in the bucket, not in the row").isNull();
    String key = (String) row.get("storage_key");
    String sha256 = (String) row.get("sha256");
    assertThat(key).endsWith(sha256);
    byte[] inBucket;
    try (S3Client s3 = client()) {
      inBucket = s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asByteArray();
    }
    assertThat(EvidenceService.sha256(inBucket)).isEqualTo(sha256).isEqualTo(sent.getBody().get("sha256"));

    ResponseEntity<byte[]> read = content("teacher-changan", caseNumber, id);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(EvidenceService.sha256(read.getBody())).isEqualTo(sha256);
    assertThat(content("teacher-nantai", caseNumber, id).getStatusCode().is2xxSuccessful())
        .as("another township's teacher reads no evidence from the bucket either").isFalse();
    assertThat(EngineRest.as(anonymous, "auditor").get("/api/audit/verify").getBody()).containsEntry("intact", true);
  }

  @Test
  void anObjectAlteredInTheBucketIsNotServed() {
    assumeTrue(server != null, "s3rver not installed: run npm ci first (CI does)");
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    String caseNumber = (String) teacher.startCase(TestStudents.changanGirl()).getBody().get("businessKey");
    long id = ((Number) ClosureEvidence.upload(anonymous, "teacher-changan", caseNumber, Map.of("step", "case"),
        "家访.jpg", ClosureEvidence.photo()).getBody().get("id")).longValue();
    String key = jdbc.sql("select storage_key from evidence_item where id = ?").param(id).query(String.class).single();
    byte[] original;
    try (S3Client s3 = client()) {
      original = s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asByteArray();
      s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes("换掉的照片".getBytes()));
    }

    ResponseEntity<byte[]> read = content("teacher-changan", caseNumber, id);

    assertThat(read.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(read.getBody() == null ? "" : new String(read.getBody())).doesNotContain("换掉的照片");
    Map<String, Object> verified = EngineRest.as(anonymous, "auditor").get("/api/audit/verify").getBody();
    assertThat(verified).containsEntry("intact", false);
    assertThat(verified.get("problems").toString()).contains("佐证材料 #" + id + "（家访.jpg）的内容无法读取或已被改动");

    // Put back from the backup, the item is served and the chain verifies again.
    try (S3Client s3 = client()) {
      s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(original));
    }
    assertThat(content("teacher-changan", caseNumber, id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(EngineRest.as(anonymous, "auditor").get("/api/audit/verify").getBody()).containsEntry("intact", true);
  }

  @Test
  void anItemTheDatabaseHeldBeforeTheSwitchIsStillReadFromTheDatabase() {
    assumeTrue(server != null, "s3rver not installed: run npm ci first (CI does)");
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    String caseNumber = (String) teacher.startCase(TestStudents.changanGirl()).getBody().get("businessKey");
    long uploaded = ((Number) ClosureEvidence.upload(anonymous, "teacher-changan", caseNumber, Map.of("step", "case"),
        "家访.jpg", ClosureEvidence.photo()).getBody().get("id")).longValue();
    byte[] earlier = content("teacher-changan", caseNumber, uploaded).getBody();
    // As an item stored by the previous release: its bytes in its own row.
    jdbc.sql("insert into evidence_item (case_id, step, task_key, kind, content_type, file_name, size_bytes, sha256,"
        + " uploaded_by, uploaded_at, storage_kind, content) select case_id, step, task_key, kind, content_type,"
        + " file_name, size_bytes, sha256, uploaded_by, uploaded_at, 'DATABASE', ? from evidence_item where id = ?")
        .param(earlier).param(uploaded).update();
    long inDatabase = jdbc.sql("select max(id) from evidence_item where storage_kind = 'DATABASE'").query(Long.class).single();

    ResponseEntity<byte[]> read = content("teacher-changan", caseNumber, inDatabase);

    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody()).isEqualTo(earlier);
  }

  private ResponseEntity<byte[]> content(String user, String caseNumber, long id) {
    return anonymous.withBasicAuth(user, EngineRest.DEMO_PASSWORD)
        .exchange("/api/cases/" + caseNumber + "/evidence/" + id + "/content", HttpMethod.GET, null, byte[].class);
  }

  private static S3Client client() {
    return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
        .endpointOverride(endpoint).forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER"))).build();
  }

  private static void waitForPort(int port) throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException("s3rver did not open port " + port);
  }
}
