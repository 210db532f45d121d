package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditEntryRepository;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.OtherAddress;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.LoginForm;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
import org.springframework.jdbc.core.JdbcTemplate;
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
  @Autowired JdbcTemplate jdbc;
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
    assertThat(headers.get("Permissions-Policy")).containsExactly(PageHeaders.NO_PERMISSIONS);
    assertThat(headers.containsKey("Strict-Transport-Security")).isFalse();
  }

  /** Only the field app may ask for the phone's position (the place of a visit); no page for anything else. */
  @Test
  void onlyTheFieldAppMayAskForThePhonesPosition() {
    HttpHeaders fieldApp = anonymous.withBasicAuth("cadre-changan", "demo").getForEntity("/m/", String.class).getHeaders();
    assertThat(fieldApp.get("Permissions-Policy")).containsExactly(PageHeaders.FIELD_APP_PERMISSIONS);
    assertThat(PageHeaders.FIELD_APP_PERMISSIONS).contains("geolocation=(self)", "camera=()", "microphone=()");
    for (String path : List.of("/", "/cases", "/mobile/")) {
      assertThat(anonymous.withBasicAuth("cadre-changan", "demo").getForEntity(path, String.class).getHeaders()
          .get("Permissions-Policy")).as(path).containsExactly(PageHeaders.NO_PERMISSIONS);
    }
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
  void theEngineNeverLocksAnAccountNeitherForAWhileNorForGood() {
    String user = newUser("never-locked");
    assertThat(status(user, "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(status(user, "demo")).as("right password right after a wrong one").isEqualTo(HttpStatus.OK);
    for (int attempt = 1; attempt <= 12; attempt++) {
      assertThat(identityService.checkPassword(user, "guess-" + attempt)).isFalse();
    }
    assertThat(identityService.checkPassword(user, "demo")).as("after more failures than login-max-attempts was").isTrue();
  }

  @Test
  void theSixthAttemptAfterFiveWrongPasswordsIsRefusedEvenWithTheRightOne() {
    String user = newUser("guessed");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(status(user, "guess-" + attempt)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(status(user, "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(audit.findByKindAndActorOrderByIdAsc(AuditEntry.Kind.LOGIN_FAILED, user))
        .extracting(AuditEntry::getPayload).last().asString().contains("LockedException");
  }

  @Test
  void failuresForAdminFromTwoAddressesNeverKeepHerOutAndDelayThoseAddressesForABoundedTime() {
    for (String attacker : List.of("127.0.0.2", "127.0.0.3")) {
      for (int attempt = 1; attempt <= 12; attempt++) {
        assertThat(OtherAddress.basicGet(port, attacker, "/engine-rest/task/count", "admin", "guess-" + attempt)).isEqualTo(401);
      }
    }
    assertThat(audit.findByKindAndActorOrderByIdAsc(AuditEntry.Kind.LOGIN_FAILED, "admin"))
        .extracting(AuditEntry::getPayload).anyMatch(payload -> payload.contains("address=127.0.0.2"))
        .anyMatch(payload -> payload.contains("address=127.0.0.3"));
    assertThat(status("admin", "demo")).as("from her own address, at once").isEqualTo(HttpStatus.OK);
    assertThat(OtherAddress.basicGet(port, "127.0.0.5", "/engine-rest/task/count", "admin", "demo"))
        .as("from a third address, at once").isEqualTo(200);

    assertThat(OtherAddress.basicGet(port, "127.0.0.2", "/engine-rest/task/count", "admin", "demo"))
        .as("from a guessing address, not at once").isEqualTo(401);
    long started = System.nanoTime();
    int status = 401;
    while (status == 401 && System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
      pause(500);
      status = OtherAddress.basicGet(port, "127.0.0.2", "/engine-rest/task/count", "admin", "demo");
    }
    assertThat(status).as("from the guessing address after the delay").isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the delay after five failures").isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void aSpoofedXForwardedForDoesNotChangeTheAddressThatIsCounted() {
    String user = newUser("spoofed");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(OtherAddress.basicGet(port, "127.0.0.4", "/engine-rest/task/count", user, "guess-" + attempt,
          "X-Forwarded-For", "198.51.100." + attempt)).isEqualTo(401);
    }
    assertThat(OtherAddress.basicGet(port, "127.0.0.4", "/engine-rest/task/count", user, "demo",
        "X-Forwarded-For", "198.51.100.77")).as("five failures from one address, whatever the header").isEqualTo(401);
    assertThat(audit.findByKindAndActorOrderByIdAsc(AuditEntry.Kind.LOGIN_FAILED, user)).hasSize(6)
        .extracting(AuditEntry::getPayload).allMatch(payload -> payload.contains("address=127.0.0.4"))
        .noneMatch(payload -> payload.contains("198.51.100"));
  }

  @Test
  void passwordsAreCheckedAtTheLoginOnlyNotThroughTheWebappsLoginOrIdentityVerify() {
    Caller teacher = Caller.loggedIn(port, "teacher-changan");
    Reply webappLogin = teacher.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", "admin", "password", "demo"));
    assertThat(webappLogin.status()).as("%s", webappLogin).isEqualTo(403);
    Reply verify = Caller.basic(port, "teacher-changan").postJson("/engine-rest/identity/verify",
        "{\"username\":\"admin\",\"password\":\"demo\"}");
    assertThat(verify.status()).as("%s", verify).isEqualTo(403);
    assertThat(verify.body()).doesNotContain("authenticated");
  }

  // --- cross-site requests and Basic challenges ---

  static final String FOREIGN = "https://evil.example";

  @Test
  void aCrossSiteFormPostWithAValidSessionIsRefusedAndStoresNothing() {
    String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
    Caller official = Caller.loggedIn(port, "official-jianshan");
    Map<String, String> contact = Map.of("type", "PHONE", "date", LocalDate.now().toString(), "notes", "跨站");
    String form = "/cases/" + caseNumber + "/contacts";

    Reply foreignOrigin = official.header("Origin", FOREIGN).postForm(form, contact);
    assertThat(foreignOrigin.status()).as("%s", foreignOrigin).isEqualTo(403);
    assertThat(foreignOrigin.body()).contains("没有权限");
    Reply foreignReferer = official.header("Origin", null).header("Referer", FOREIGN + "/prize.html").postForm(form, contact);
    assertThat(foreignReferer.status()).as("%s", foreignReferer).isEqualTo(403);
    Reply nullOrigin = official.header("Referer", null).header("Origin", "null").postForm(form, contact);
    assertThat(nullOrigin.status()).as("an opaque origin is no origin of ours").isEqualTo(403);
    Reply lookalike = official.header("Origin", official.origin() + ".evil.example").postForm(form, contact);
    assertThat(lookalike.status()).isEqualTo(403);
    Reply webapp = official.header("Origin", FOREIGN)
        .postJson("/camunda/api/engine/engine/default/task/" + verifyTask() + "/comment/create", "{\"message\":\"跨站\"}");
    assertThat(webapp.status()).as("%s", webapp).isEqualTo(403);
    assertThat(webapp.body()).contains("拒绝跨站请求");
    assertThat(contacts(caseNumber)).isZero();
    assertThat(taskService.getTaskComments(verifyTask())).isEmpty();

    assertThat(official.header("Origin", official.origin()).postForm(form, contact).status()).as("same origin").isEqualTo(302);
    assertThat(official.header("Origin", null).header("Referer", official.origin() + "/cases/" + caseNumber)
        .postForm(form, contact).status()).as("same-origin Referer").isEqualTo(302);
    assertThat(contacts(caseNumber)).isEqualTo(2);
  }

  @Test
  void crossSiteWritesWithBasicCredentialsAreRefusedOnApiEngineRestAndTheImports() {
    String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
    long instances = runtimeService.createProcessInstanceQuery().count();
    long students = count("student");
    String contact = "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\",\"notes\":\"跨站\"}";
    String start = "{\"variables\":{\"studentName\":{\"value\":\"跨站\"}}}";
    byte[] org = "类型,代码,名称,上级代码\n县,530699,跨站县,\n".getBytes(StandardCharsets.UTF_8);
    byte[] roster = ("姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n李跨站,"
        + TestStudents.idNumber(LocalDate.now().minusYears(11), true) + ",男," + LocalDate.now().minusYears(11) + ","
        + TestStudents.CHANGAN_SCHOOL + ",5," + TestStudents.CHANGAN_VILLAGE + ",李大山,13800000009,在校,,\n")
        .getBytes(StandardCharsets.UTF_8);

    for (String[] foreign : List.of(new String[] {"Origin", FOREIGN}, new String[] {"Referer", FOREIGN + "/prize.html"})) {
      Reply api = Caller.basic(port, "official-jianshan").header(foreign[0], foreign[1])
          .postJson("/api/cases/" + caseNumber + "/contacts", contact);
      assertRefusedAsCrossSite(api);
      assertRefusedAsCrossSite(Caller.basic(port, "teacher-changan").header(foreign[0], foreign[1])
          .postJson("/engine-rest/process-definition/key/dropout-case/start", start));
      assertRefusedAsCrossSite(Caller.basic(port, "admin").header(foreign[0], foreign[1])
          .upload("/api/admin/org", "file", "org.csv", org));
      assertRefusedAsCrossSite(Caller.basic(port, "teacher-changan").header(foreign[0], foreign[1])
          .upload("/api/imports/roster", "file", "roster.csv", roster));
      Caller browser = Caller.loggedIn(port, "teacher-changan").header(foreign[0], foreign[1]);
      assertRefusedAsCrossSite(browser.upload("/api/imports/roster", "file", "roster.csv", roster));
    }
    assertThat(contacts(caseNumber)).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(count("org_unit where code = '530699'")).isZero();
    assertThat(count("student")).isEqualTo(students);

    assertThat(Caller.basic(port, "official-jianshan").header("Origin", "http://localhost:" + port)
        .postJson("/api/cases/" + caseNumber + "/contacts", contact).status()).as("same origin").isIn(200, 201);
    assertThat(contacts(caseNumber)).isEqualTo(1);
  }

  @Test
  void aSessionCallToTheApiWithoutTheCsrfTokenIsRefused() {
    String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
    Reply refused = Caller.loggedIn(port, "official-jianshan").withoutCsrfToken().postJson(
        "/api/cases/" + caseNumber + "/contacts", "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\"}");
    assertThat(refused.status()).as("%s", refused).isEqualTo(403);
    assertThat(contacts(caseNumber)).isZero();
  }

  @Test
  void no401AsksTheBrowserForBasicCredentials() {
    Caller anonymous = Caller.anonymous(port);
    Caller wrong = Caller.basic(port, "teacher-changan").header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("teacher-changan:wrong-password".getBytes(StandardCharsets.UTF_8)));
    List<Reply> unauthorized = List.of(
        anonymous.get("/engine-rest/task/count"), anonymous.postJson("/engine-rest/task/count", "{}"),
        anonymous.get("/api/cases"),
        anonymous.get("/camunda/api/engine/engine/default/task/count"),
        anonymous.header("Accept", "application/json").get("/cases"),
        wrong.get("/engine-rest/task/count"), wrong.get("/api/cases"), wrong.get("/camunda/app/tasklist/default/"));
    for (Reply reply : unauthorized) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(401);
      assertThat(reply.headers().keySet()).as("%s", reply.headers()).noneMatch(name -> name.equalsIgnoreCase("WWW-Authenticate"));
    }
    assertThat(status("teacher-changan", "demo")).as("preemptive Basic still works").isEqualTo(HttpStatus.OK);
  }

  private static void assertRefusedAsCrossSite(Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(403);
    assertThat(reply.body()).as("%s", reply).contains("拒绝跨站请求");
  }

  private String verifyTask() {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  private long contacts(String caseNumber) {
    return jdbc.queryForObject(
        "select count(*) from contact_log l join dropout_case c on l.case_id = c.id where c.case_number = ?", Long.class, caseNumber);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
