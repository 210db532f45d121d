package cn.baoxue.cases;

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
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The 结对帮扶记录 form on the case page, which every Tasklist form links to. */
@BaoxueWebTest
class CaseContactFormTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired ContactLogRepository contacts;
  @Autowired DropoutCaseRepository cases;
  @LocalServerPort int port;

  @Test
  void theTownshipRecordsFundsOnTheCasePageAndABadAmountComesBackInChinese() throws Exception {
    String caseNumber = (String) EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl())
        .getBody().get("businessKey");
    HttpClient browser = loggedIn("official-jianshan");
    String page = get(browser, "/cases/" + caseNumber);
    assertThat(page).contains("结对帮扶记录", "资助资金");

    String refused = post(browser, "/cases/" + caseNumber + "/contacts", csrf(page),
        "type=FUNDS&date=" + LocalDate.now() + "&amountYuan=&notes=" + enc("发放助学金"));
    assertThat(refused).contains("class=\"error\"").contains("资助");

    String recorded = post(browser, "/cases/" + caseNumber + "/contacts", csrf(refused),
        "type=FUNDS&date=" + LocalDate.now() + "&amountYuan=500&notes=" + enc("发放助学金"));
    assertThat(recorded).contains("帮扶记录已登记", "发放助学金");
    Long caseId = cases.findByCaseNumber(caseNumber).orElseThrow().getId();
    assertThat(contacts.findByCaseIdOrderByRecordedAtAscIdAsc(caseId)).singleElement()
        .satisfies(c -> assertThat(c.getAmountYuan()).isEqualByComparingTo("500"));
  }

  private HttpClient loggedIn(String user) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    String loginPage = get(browser, "/login");
    post(browser, "/login", csrf(loginPage), "username=" + user + "&password=demo");
    return browser;
  }

  private String get(HttpClient browser, String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private String post(HttpClient browser, String path, String csrf, String form) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String csrf(String page) {
    Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(matcher.find()).as("CSRF token on the page").isTrue();
    return matcher.group(1);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
