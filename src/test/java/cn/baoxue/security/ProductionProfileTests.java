package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditEntryRepository;
import cn.baoxue.testing.LoginForm;
import cn.baoxue.testing.OtherAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The `prod` profile's security settings, on an in-memory H2 database instead of PostgreSQL and
 * behind a pretend TLS proxy (X-Forwarded-Proto: https): the password policy refuses "demo",
 * the session cookie is Secure, HSTS is sent over HTTPS only, and the profile refuses demo data.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:prod-${random.uuid};DB_CLOSE_DELAY=-1",
      "spring.datasource.username=sa",
      "spring.datasource.password=",
      "baoxue.demo.enabled=false",
      "baoxue.admin.password=Kq7#root-zhenxiong",
      "camunda.bpm.job-execution.enabled=false",
      // The tests play the TLS proxy from the loopback address.
      "baoxue.security.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1"
    })
@ActiveProfiles("prod")
class ProductionProfileTests {

  private static final String STRONG = "Kq7#zhenxiong-2026";
  private static final String[] BEHIND_TLS = {"X-Forwarded-Proto", "https"};

  @Autowired IdentityService identityService;
  @Autowired cn.baoxue.workflow.FollowUpPolicy followUpPolicy;
  @Autowired AuditEntryRepository audit;
  @LocalServerPort int port;

  @Test
  void followUpsKeepTheRulesThirtyDaysForNinetyNotTheDemosMinutes() {
    assertThat(followUpPolicy.getInterval()).isEqualTo("P30D");
    assertThat(followUpPolicy.getPeriod()).isEqualTo(java.time.Duration.ofDays(90));
  }

  @Test
  void thePasswordPolicyRefusesTheDemoPassword() {
    User user = identityService.newUser("weak-" + System.nanoTime() % 100_000);
    user.setPassword("demo");
    assertThatThrownBy(() -> identityService.saveUser(user)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Password does not match policy");
    assertThat(identityService.checkPasswordAgainstPolicy("demo").isValid()).isFalse();
    assertThat(identityService.checkPasswordAgainstPolicy(STRONG).isValid()).isTrue();
  }

  @Test
  void theSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
    String user = strongUser();
    HttpResponse<String> login = new LoginForm(port, BEHIND_TLS).logIn(user, STRONG);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .singleElement().asString().contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
  }

  @Test
  void hstsOverHttpsOnBaoxuesPagesAndTheWebapps() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> overHttps = client.send(request("/login").headers(BEHIND_TLS).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(overHttps.headers().allValues("Strict-Transport-Security"))
        .containsExactly("max-age=" + PageHeaders.ONE_YEAR + " ; includeSubDomains");
    HttpResponse<String> overHttp = client.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(overHttp.headers().firstValue("Strict-Transport-Security")).isEmpty();

    String user = strongUser();
    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + STRONG).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> webapp = client.send(request("/camunda/app/welcome/default/").headers(BEHIND_TLS)
        .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(webapp.headers().allValues("Strict-Transport-Security")).as("one HSTS header on the webapps")
        .containsExactly("max-age=" + PageHeaders.ONE_YEAR + " ; includeSubDomains");
  }

  @Test
  void aQueryIsPagedAndNoPageIsLargerThanTheLimit() throws Exception {
    String user = strongUser();
    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + STRONG).getBytes(StandardCharsets.UTF_8));
    HttpClient client = HttpClient.newHttpClient();
    assertThat(client.send(request("/engine-rest/task").header("Authorization", basic).build(),
        HttpResponse.BodyHandlers.ofString()).body()).contains("An unbound number of results is forbidden");
    assertThat(client.send(request("/engine-rest/task?firstResult=0&maxResults=2001").header("Authorization", basic).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    assertThat(client.send(request("/engine-rest/task?firstResult=0&maxResults=2000").header("Authorization", basic).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void theTrustedProxyNamesTheClientAndNoOneElseDoes() {
    String user = strongUser();
    assertThat(OtherAddress.basicGet(port, "127.0.0.1", "/engine-rest/task/count", user, "wrong",
        "X-Forwarded-For", "203.0.113.9")).isEqualTo(401);
    assertThat(OtherAddress.basicGet(port, "127.0.0.6", "/engine-rest/task/count", user, "wrong",
        "X-Forwarded-For", "203.0.113.10")).isEqualTo(401);
    assertThat(audit.findByKindAndActorOrderByIdAsc(AuditEntry.Kind.LOGIN_FAILED, user)).extracting(AuditEntry::getPayload)
        .anyMatch(payload -> payload.contains("address=203.0.113.9;"))
        .anyMatch(payload -> payload.contains("address=127.0.0.6;"))
        .noneMatch(payload -> payload.contains("203.0.113.10"));
  }

  private String strongUser() {
    String id = "prod-" + System.nanoTime() % 100_000;
    User user = identityService.newUser(id);
    user.setFirstName("正式");
    user.setLastName("用户");
    user.setPassword(STRONG);
    identityService.saveUser(user);
    return id;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
  }
}
