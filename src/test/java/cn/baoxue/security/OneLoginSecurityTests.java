package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;

/**
 * One login for Baoxue's pages, /api, /engine-rest and the Camunda webapps; anonymous calls are
 * refused, and a teacher of 南台小学 can neither see nor touch a case of 长安村小学.
 */
@BaoxueWebTest
class OneLoginSecurityTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  private String processInstanceId;
  private String verifyTaskId;

  @BeforeEach
  void reportACaseAtChangan() {
    var started = EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl());
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
    processInstanceId = (String) started.getBody().get("id");
    verifyTaskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  @Test
  void anonymousCallsAreRefused() {
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/process-instance", "/api/cases",
        "/camunda/api/engine/engine/default/task"}) {
      assertThat(anonymous.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(anonymous.postForEntity("/engine-rest/task/" + verifyTaskId + "/complete", Map.of(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // Another user than the others here: a failed login locks its account for a few seconds.
    assertThat(anonymous.withBasicAuth("womenfed-zhenxiong", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(taskService.createTaskQuery().taskId(verifyTaskId).singleResult()).isNotNull();
  }

  @Test
  void pagesSendAnonymousVisitorsToTheLoginPage() {
    HttpHeaders browserAccept = new HttpHeaders();
    browserAccept.setAccept(List.of(MediaType.TEXT_HTML));
    var response = anonymous.exchange("/cases", HttpMethod.GET, new HttpEntity<>(browserAccept), String.class);
    // TestRestTemplate follows the redirect: what arrives is the login form.
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("name=\"password\"").doesNotContain("案件编号");
  }

  @Test
  void aTeacherOfAnotherSchoolCannotSeeClaimCompleteOrReadTheCase() {
    EngineRest nantai = EngineRest.as(anonymous, "teacher-nantai");

    assertThat(nantai.tasks(processInstanceId)).isEmpty();
    assertThat(nantai.getList("/engine-rest/task?candidateGroup=school_5306270001").getBody()).isEmpty();
    assertThat(nantai.get("/engine-rest/task/" + verifyTaskId).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(nantai.claim(verifyTaskId, "teacher-nantai").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(nantai.complete(verifyTaskId, Map.of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "FALSE_REPORT"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(nantai.get("/engine-rest/process-instance/" + processInstanceId + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // Neither query is on a teacher's list of engine operations (EngineOperations).
    assertThat(nantai.get("/engine-rest/process-instance?processInstanceIds=" + processInstanceId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(nantai.get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    Task untouched = taskService.createTaskQuery().taskId(verifyTaskId).singleResult();
    assertThat(untouched.getAssignee()).isNull();
    assertThat(taskService.getVariable(verifyTaskId, "verifyResult")).isNull();
  }

  @Test
  void theTeacherOfTheSchoolSeesAndClaimsIt() {
    EngineRest changan = EngineRest.as(anonymous, "teacher-changan");

    assertThat(changan.tasks(processInstanceId)).extracting(task -> task.get("id")).containsExactly(verifyTaskId);
    assertThat(changan.claim(verifyTaskId, "teacher-changan").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(verifyTaskId).singleResult().getAssignee()).isEqualTo("teacher-changan");
  }

  @Test
  void oneFormLoginOpensTheCamundaWebappsAndBaoxuesPages() throws Exception {
    HttpClient browser = loggedInBrowser("teacher-nantai");

    HttpResponse<String> whoAmI = browser.send(get("/camunda/api/admin/auth/user/default"), HttpResponse.BodyHandlers.ofString());
    assertThat(whoAmI.statusCode()).as(whoAmI.body()).isEqualTo(200);
    assertThat(whoAmI.body()).contains("\"userId\":\"teacher-nantai\"").contains("tasklist");

    HttpResponse<String> tasks = browser.send(get("/camunda/api/engine/engine/default/task?processInstanceId=" + processInstanceId),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).isEqualTo("[]");

    HttpResponse<String> casesPage = browser.send(get("/cases"), HttpResponse.BodyHandlers.ofString());
    assertThat(casesPage.statusCode()).as(casesPage.body()).isEqualTo(200);
    assertThat(casesPage.body()).contains("辍学个案").doesNotContain("王小梅");
  }

  @Test
  void tasklistShowsOnlyTheChineseReasonWhenAReportIsRefused() throws Exception {
    HttpClient browser = loggedInBrowser("teacher-changan");
    String xsrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    String badReport = """
        {"variables":{"studentName":{"value":"王小花"},"studentIdNumber":{"value":"530627201403051231"},
        "gender":{"value":"M"},"birthDate":{"value":"2014-03-05"},"schoolCode":{"value":"5306270001"},
        "grade":{"value":5},"villageCode":{"value":"530627205201"},"reason":{"value":"WORK"}}}""";

    HttpResponse<String> refused = browser.send(
        HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/process-definition/key/dropout-case/submit-form"))
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", xsrf)
            .POST(HttpRequest.BodyPublishers.ofString(badReport))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"message\":\"身份证号校验位不正确，请核对后重新输入：530627********1231\"");
  }

  /** Logs in on Baoxue's login page and opens Tasklist, as a person does in a browser. */
  private HttpClient loggedInBrowser(String user) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> login = browser.send(
        HttpRequest.newBuilder(url("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(
                "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    // Opening Tasklist hands the Spring login to the webapps.
    HttpResponse<String> tasklist = browser.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    return browser;
  }

  @Test
  void theWebappsKeepCamundasOwnCsrfProtection() {
    var response = anonymous.withBasicAuth("teacher-changan", "demo")
        .exchange("/camunda/api/engine/engine/default/task/" + verifyTaskId + "/claim", HttpMethod.POST,
            new HttpEntity<>(Map.of("userId", "teacher-changan")), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
    assertThat(taskService.createTaskQuery().taskId(verifyTaskId).singleResult().getAssignee()).isNull();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(url(path)).GET().build();
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
