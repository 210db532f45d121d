package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditEntryRepository;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.LoginForm;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The hardened defaults of the default run, each by what it does to a request: headers, cookie
 * flags, login throttling, logged and audited logins, refused Java serialization, validated JSON
 * types, no expressions from clients, filters and deployments for administrators only, bounded
 * queries, error bodies without stack traces or SQL, no script engine. The `prod` additions are
 * in {@link ProductionProfileTests}.
 */
@BaoxueWebTest
@ExtendWith(OutputCaptureExtension.class)
class HardenedDefaultsTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired AuditEntryRepository audit;
  @LocalServerPort int port;

  private String processInstanceId;

  @BeforeEach
  void reportACase() {
    var started = EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl());
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
    processInstanceId = (String) started.getBody().get("id");
  }

  // --- headers and cookies ---

  @Test
  void baoxuesPagesSendAStrictContentSecurityPolicyAndNoHstsOverHttp() {
    ResponseEntity<String> login = anonymous.getForEntity("/login", String.class);
    HttpHeaders headers = login.getHeaders();
    assertThat(headers.get("Content-Security-Policy")).containsExactly(PageHeaders.CONTENT_SECURITY_POLICY);
    assertThat(PageHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self';", "style-src 'self';")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()");
    assertThat(headers.containsKey("Strict-Transport-Security")).isFalse();
  }

  @Test
  void theWebappsSendTheirOwnPolicyWithANonceAndNoEval() {
    ResponseEntity<String> tasklist =
        anonymous.withBasicAuth("teacher-changan", "demo").getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> policies = tasklist.getHeaders().get("Content-Security-Policy");
    assertThat(policies).as("one policy: Camunda's, not also Baoxue's").hasSize(1);
    assertThat(policies.get(0)).contains("'nonce-", "'strict-dynamic'", "frame-ancestors 'none'", "object-src 'none'")
        .doesNotContain("unsafe-eval", "https:", "script-src $NONCE 'strict-dynamic' 'unsafe-inline'");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
    HttpResponse<String> login = new LoginForm(port).logIn("teacher-jianshan", "demo");
    assertThat(login.statusCode()).isEqualTo(302);
    String session = login.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly").contains("SameSite=Lax");
  }

  // --- logins ---

  @Test
  void loginsFailedLoginsAndLogoutsAreLoggedAndAudited(CapturedOutput output) throws Exception {
    LoginForm browser = new LoginForm(port);
    assertThat(browser.logIn("cadre-nantai", "wrong").headers().firstValue("Location").orElse("")).endsWith("/login?error");
    identityService.unlockUser("cadre-nantai");
    assertThat(browser.logIn("cadre-nantai", "demo").statusCode()).isEqualTo(302);
    assertThat(browser.logOut("/").headers().firstValue("Location").orElse("")).endsWith("/login?logout");

    assertThat(output).contains("Failed login as 'cadre-nantai'").contains("Login of user 'cadre-nantai'")
        .contains("Logout of user 'cadre-nantai'");
    assertThat(audit.findByKindAndActorOrderByIdAsc(AuditEntry.Kind.LOGIN_FAILED, "cadre-nantai")).isNotEmpty()
        .allSatisfy(entry -> assertThat(entry.getPayload()).contains("address=").contains("reason=BadCredentialsException"));
    assertThat(audit.findByKindAndActorOrderByIdAsc(AuditEntry.Kind.LOGIN, "cadre-nantai")).isNotEmpty();
    assertThat(audit.findByKindAndActorOrderByIdAsc(AuditEntry.Kind.LOGOUT, "cadre-nantai")).isNotEmpty();
  }

  @Test
  void theEngineLocksAnAccountForAWhileAfterAWrongPassword() {
    String user = newUser("locked-once");
    assertThat(status(user, "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(status(user, "demo")).as("right password within the lock delay").isEqualTo(HttpStatus.UNAUTHORIZED);
    identityService.unlockUser(user);
    assertThat(status(user, "demo")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theSixthAttemptAfterFiveWrongPasswordsIsRefusedEvenWithTheRightOne() {
    String user = newUser("guessed");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(status(user, "guess-" + attempt)).isEqualTo(HttpStatus.UNAUTHORIZED);
      identityService.unlockUser(user); // take the engine's own lock out of the way: this is the throttle
    }
    assertThat(status(user, "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(audit.findByKindAndActorOrderByIdAsc(AuditEntry.Kind.LOGIN_FAILED, user))
        .extracting(AuditEntry::getPayload).last().asString().contains("LockedException");
  }

  // --- variables ---

  @Test
  void aJavaSerializedVariableIsRefused(CapturedOutput output) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(List.of("payload")));
    }
    ResponseEntity<Map<String, Object>> refused = EngineRest.as(anonymous, "admin").put(
        "/engine-rest/process-instance/" + processInstanceId + "/variables/gadget",
        Map.of("value", Base64.getEncoder().encodeToString(bytes.toByteArray()), "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
                "serializationDataFormat", "application/x-java-serialized-object")));

    // Camunda answers 500 for a variable it cannot set; the reason is in the log, not the answer.
    assertThat(refused.getStatusCode().isError()).isTrue();
    assertThat(String.valueOf(refused.getBody().get("message"))).doesNotContain("java.");
    assertThat(output).contains("Java serialization format is prohibited");
    assertThat(runtimeService.getVariable(processInstanceId, "gadget")).isNull();
  }

  @Test
  void aJsonVariableDeserializesOnlyIntoAnAllowedType() {
    EngineRest admin = EngineRest.as(anonymous, "admin");
    ResponseEntity<Map<String, Object>> stored = admin.put(
        "/engine-rest/process-instance/" + processInstanceId + "/variables/remote",
        Map.of("value", "\"/etc/passwd\"", "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json")));
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<Map<String, Object>> read =
        admin.get("/engine-rest/process-instance/" + processInstanceId + "/variables/remote");
    assertThat(read.getStatusCode().is2xxSuccessful()).as("%s", read.getBody()).isFalse();
    assertThat(admin.get("/engine-rest/process-instance/" + processInstanceId + "/variables/remote?deserializeValue=false")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  // --- queries and filters ---

  @Test
  void queriesFromClientsMayNotCarryExpressions() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    ResponseEntity<String> adhoc = anonymous.withBasicAuth("teacher-changan", "demo").getForEntity(
        URI.create("http://localhost:" + port + "/engine-rest/task/count?assigneeExpression=%24%7BcurrentUser()%7D"), String.class);
    assertThat(adhoc.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(adhoc.getBody()).contains("Expressions are forbidden in adhoc queries");

    String unitTasks = filterService.createFilterQuery().filterName("本单位待办").singleResult().getId();
    ResponseEntity<Map<String, Object>> extended =
        teacher.post("/engine-rest/filter/" + unitTasks + "/count", Map.of("assigneeExpression", "${currentUser()}"));
    assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void onlyAdministratorsStoreQueriesWhileTheSharedFiltersKeepWorking() {
    Map<String, Object> filter = Map.of("resourceType", "Task", "name", "我的查询",
        "query", Map.of("assigneeExpression", "${currentUser()}"));
    assertThat(EngineRest.as(anonymous, "teacher-changan").post("/engine-rest/filter/create", filter).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).list()) {
      if (grant.isPermissionGranted(Permissions.CREATE) || grant.isPermissionGranted(Permissions.UPDATE)) {
        assertThat(grant.getGroupId()).as("who may create or change a filter").isEqualTo("camunda-admin");
      }
    }
    ResponseEntity<Map<String, Object>> created = EngineRest.as(anonymous, "admin").post("/engine-rest/filter/create", filter);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    filterService.deleteFilter((String) created.getBody().get("id"));

    // The shared filters evaluate ${currentUserGroups()} for whoever opens them.
    String unitTasks = filterService.createFilterQuery().filterName("本单位待办").singleResult().getId();
    String verifyTask = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    assertThat(EngineRest.as(anonymous, "teacher-changan")
            .postList("/engine-rest/filter/" + unitTasks + "/list?firstResult=0&maxResults=500", Map.of()).getBody())
        .extracting(task -> task.get("id")).contains(verifyTask);
    assertThat(EngineRest.as(anonymous, "teacher-nantai")
            .postList("/engine-rest/filter/" + unitTasks + "/list?firstResult=0&maxResults=500", Map.of()).getBody())
        .extracting(task -> task.get("id")).doesNotContain(verifyTask);
  }

  // --- deployments and scripts ---

  @Test
  void onlyAdministratorsMayDeploy() {
    for (User user : identityService.createUserQuery().list()) {
      List<String> groups = identityService.createGroupQuery().groupMember(user.getId()).list().stream().map(Group::getId).toList();
      boolean mayDeploy = authorizationService.isUserAuthorized(user.getId(), groups, Permissions.CREATE, Resources.DEPLOYMENT);
      assertThat(mayDeploy).as("%s may deploy", user.getId()).isEqualTo(groups.contains("camunda-admin"));
    }
    assertThat(deploy("teacher-changan").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy("auditor").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void noScriptEngineRunsAndNoneMayLoadExternalResources() {
    assertThat(new ScriptEngineManager().getEngineByName("javascript")).isNull();
    assertThat(engine.isEnableScriptEngineLoadExternalResources()).isFalse();
    assertThat(engine.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(engine.isDeserializationTypeValidationEnabled()).isTrue();
  }

  // --- errors ---

  @Test
  void anEngineErrorTellsNeitherSqlNorStackTrace() {
    Map<String, Object> tooLongName = Map.of(
        "profile", Map.of("id", "long-name", "firstName", "名".repeat(300), "lastName", "长", "email", "x@demo.baoxue.cn"),
        "credentials", Map.of("password", "demo"));
    ResponseEntity<String> failed = anonymous.withBasicAuth("admin", "demo").exchange(
        "/engine-rest/user/create", HttpMethod.POST, json(tooLongName), String.class);

    assertThat(failed.getStatusCode().is5xxServerError()).as(failed.getBody()).isTrue();
    assertThat(failed.getBody()).contains("参考编号")
        .doesNotContainIgnoringCase("sql").doesNotContain("ACT_ID_USER", "###", "at org.", "Exception:");
  }

  @Test
  void springErrorsTellNeitherStackTraceNorMessage() {
    ResponseEntity<String> failed = anonymous.withBasicAuth("bureau-zhenxiong", "demo")
        .getForEntity("/api/reports/summary?scope=530627&from=not-a-date", String.class);
    assertThat(failed.getStatusCode().is4xxClientError()).as(failed.getBody()).isTrue();
    assertThat(failed.getBody()).doesNotContain("\"trace\"", "\"exception\"", "at cn.baoxue", "at org.", "DateTimeParseException", "ConversionFailed");
  }

  private HttpStatus status(String user, String password) {
    return HttpStatus.valueOf(anonymous.withBasicAuth(user, password)
        .getForEntity("/engine-rest/task/count", String.class).getStatusCode().value());
  }

  private String newUser(String prefix) {
    String id = prefix + "-" + (System.nanoTime() % 100_000);
    User user = identityService.newUser(id);
    user.setFirstName("测试");
    user.setLastName("用户");
    user.setPassword("demo");
    identityService.saveUser(user);
    return id;
  }

  private ResponseEntity<String> deploy(String user) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "unwanted");
    parts.add("data", new ByteArrayResource("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
          <process id="unwanted" isExecutable="true"><startEvent id="s"/></process>
        </definitions>""".getBytes()) {
      @Override
      public String getFilename() {
        return "unwanted.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return anonymous.withBasicAuth(user, "demo")
        .exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
