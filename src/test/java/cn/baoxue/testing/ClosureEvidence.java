package cn.baoxue.testing;

import cn.baoxue.evidence.AddEvidence;
import cn.baoxue.evidence.EvidenceService;
import cn.baoxue.kernel.identity.Staff;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * 销号 needs 佐证材料 on the home visit and the follow-up (baoxue.evidence.required-for-closure):
 * tests that walk a case to its close attach them the way a helper would, through the real API or
 * the real service, before the township approves.
 */
public final class ClosureEvidence {

  /** A small photo of a house with EXIF (camera make and model, serial number, GPS, time), XMP and a comment. */
  public static final String PHOTO = "evidence/home-visit.jpg";
  /** Task definition keys 销号 needs evidence on by default. */
  public static final List<String> REQUIRED_STEPS = List.of("homeVisit", "followUp");

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  private ClosureEvidence() {}

  public static byte[] photo() {
    try (InputStream in = ClosureEvidence.class.getClassLoader().getResourceAsStream(PHOTO)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Through {@code POST /api/cases/{caseNumber}/evidence} as {@code user}: a photo on the latest task of each required step. */
  public static void attachThroughApi(TestRestTemplate anonymous, String user, String caseNumber) {
    EngineRest admin = EngineRest.as(anonymous, "admin");
    for (String key : REQUIRED_STEPS) {
      List<Map<String, Object>> tasks = admin.getList("/engine-rest/history/task?processInstanceBusinessKey=" + caseNumber
          + "&taskDefinitionKey=" + key + "&sortBy=startTime&sortOrder=desc").getBody();
      if (tasks == null || tasks.isEmpty()) {
        throw new IllegalStateException("Case " + caseNumber + " has no task " + key);
      }
      ResponseEntity<Map<String, Object>> sent =
          upload(anonymous, user, caseNumber, Map.of("step", (String) tasks.get(0).get("id")), "入户照片.jpg", photo());
      if (sent.getStatusCode() != HttpStatus.CREATED) {
        throw new IllegalStateException("Evidence refused: " + sent.getStatusCode() + " " + sent.getBody());
      }
    }
  }

  /** Through the service, for tests of the engine without HTTP: as {@code actor}, on the latest task of each required step. */
  public static void attachThroughService(EvidenceService evidence, HistoryService history, String processInstanceId,
      String caseNumber, Staff actor) {
    for (String key : REQUIRED_STEPS) {
      HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(key).list().stream().max(Comparator.comparing(HistoricTaskInstance::getStartTime))
          .orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " has no task " + key));
      evidence.add(new AddEvidence(caseNumber, task.getId(), "入户照片.jpg", "image/jpeg", photo(), null, null, null, null, null),
          actor);
    }
  }

  /** A multipart upload of one file with the given fields, with HTTP Basic. */
  public static ResponseEntity<Map<String, Object>> upload(TestRestTemplate anonymous, String user, String caseNumber,
      Map<String, String> fields, String fileName, byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    fields.forEach(form::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return anonymous.withBasicAuth(user, EngineRest.DEMO_PASSWORD)
        .exchange("/api/cases/" + caseNumber + "/evidence", HttpMethod.POST, new HttpEntity<>(form, headers), OBJECT);
  }
}
