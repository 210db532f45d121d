package cn.baoxue.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A black-box client of Camunda's REST API as one demo user, with HTTP Basic: what a script or
 * another system would do, nothing more.
 */
public final class EngineRest {

  public static final String DEMO_PASSWORD = "demo";
  /** Rows per list, within `prod`'s query limit of 2000. */
  static final int PAGE = 1000;
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  private final TestRestTemplate rest;

  private EngineRest(TestRestTemplate rest) {
    this.rest = rest;
  }

  public static EngineRest as(TestRestTemplate anonymous, String user) {
    return as(anonymous, user, DEMO_PASSWORD);
  }

  public static EngineRest as(TestRestTemplate anonymous, String user, String password) {
    return new EngineRest(anonymous.withBasicAuth(user, password));
  }

  public ResponseEntity<Map<String, Object>> startCase(Map<String, Object> variables) {
    return post("/engine-rest/process-definition/key/dropout-case/start", Map.of("variables", typed(variables)));
  }

  public List<Map<String, Object>> tasks(String processInstanceId) {
    return getList("/engine-rest/task?processInstanceId=" + processInstanceId).getBody();
  }

  public List<Map<String, Object>> allTasks() {
    return getList("/engine-rest/task").getBody();
  }

  public ResponseEntity<Map<String, Object>> claim(String taskId, String user) {
    return post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
  }

  public ResponseEntity<Map<String, Object>> complete(String taskId, Map<String, Object> variables) {
    return post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(variables)));
  }

  public ResponseEntity<Map<String, Object>> get(String path) {
    return rest.exchange(path, HttpMethod.GET, null, OBJECT);
  }

  /**
   * A list, asked for as a page the way a client of `prod` must (its query limit refuses an
   * unbounded list): the first {@value #PAGE} rows unless the path names its own page.
   */
  public ResponseEntity<List<Map<String, Object>>> getList(String path) {
    String paged = path.contains("maxResults=") ? path
        : path + (path.contains("?") ? "&" : "?") + "firstResult=0&maxResults=" + PAGE;
    return rest.exchange(paged, HttpMethod.GET, null, LIST);
  }

  /** A filter's list as Tasklist asks for it: HAL, with the filter's variables embedded in each task. */
  public ResponseEntity<Map<String, Object>> filterListAsTasklist(String filterId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    return rest.exchange("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=" + PAGE, HttpMethod.GET,
        new HttpEntity<>(headers), OBJECT);
  }

  public ResponseEntity<Map<String, Object>> post(String path, Object body) {
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, json()), OBJECT);
  }

  public ResponseEntity<Map<String, Object>> put(String path, Object body) {
    return rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, json()), OBJECT);
  }

  public ResponseEntity<List<Map<String, Object>>> postList(String path, Object body) {
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, json()), LIST);
  }

  /** A file upload (multipart field {@code file}), as the import pages send it. */
  public ResponseEntity<Map<String, Object>> upload(String path, String fileName, String content) {
    return upload(path, fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  public ResponseEntity<Map<String, Object>> upload(String path, String fileName, byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), OBJECT);
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }
}
