package cn.baoxue.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.StaffRole;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.StaffAccounts;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.CaseDoors;
import cn.baoxue.testing.CountyCases.Case;
import cn.baoxue.testing.CountyCases.Step;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 各单位对比: a county's figures per township and a prefecture's per county, side by side, on a
 * known population. The cases are reported and worked through the public doors, then moved into
 * February 2020 (a month no other test reports in) so that the figures are theirs alone:
 *
 * <ul>
 *   <li>尖山乡 (长安村小学): three cases 销号 after 10, 20 and 29 days; one waiting at 学校劝返, one at
 *       责令限期复学, both with 李明华 and 杨国富 as helpers; one whose verification is overdue and under 督办;
 *   <li>南台镇: one case just reported;
 *   <li>彝良县: one case just reported, 威信县 none.
 * </ul>
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresSideBySideTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FEBRUARY = "&from=2020-02-01&to=2020-02-29";

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired StaffAccounts accounts;
  @Autowired OrgTree orgTree;

  @BeforeAll
  void theCasesOfFebruary2020() {
    CaseDoors here = CaseDoors.inProcess(anonymous);
    List<String> jianshan = new ArrayList<>();
    int[] daysToClose = {10, 20, 29};
    for (int i = 0; i < daysToClose.length; i++) {
      Case closed = walk(here, "closed after " + daysToClose[i] + " days", Step.values().length);
      moveTo(closed.caseNumber, LocalDate.of(2020, 2, 3 + i), daysToClose[i]);
      jianshan.add(closed.caseNumber);
    }
    Case atSchoolRung = walk(here, "at 学校劝返", 3);
    Case atReturnOrder = walk(here, "at 责令限期复学", 5);
    Case overdue = Case.report(here, "verification overdue");
    Step.fireTimer(here, overdue, "verify");
    String verify = tasks.createTaskQuery().processInstanceId(overdue.processInstanceId).singleResult().getId();
    tasks.setDueDate(verify, java.sql.Timestamp.valueOf(LocalDateTime.now().minusDays(3)));
    for (Case open : List.of(atSchoolRung, atReturnOrder, overdue)) {
      moveTo(open.caseNumber, LocalDate.of(2020, 2, 10), null);
    }

    moveTo(report("teacher-nantai", nantaiBoy()), LocalDate.of(2020, 2, 11), null);

    accounts.enrol("figures-teacher-jiaokui", "罗春燕", StaffRole.TEACHER, orgTree.find("5306280001", OrgUnitType.SCHOOL).orElseThrow(),
        EngineRest.DEMO_PASSWORD);
    moveTo(report("figures-teacher-jiaokui", jiaokuiGirl()), LocalDate.of(2020, 2, 12), null);
  }

  @Test
  void aCountysTownshipsSideBySide() throws Exception {
    JsonNode county = summary("bureau-zhenxiong", "530627");
    assertThat(county.get("scopeName").asText()).isEqualTo("镇雄县");
    assertThat(county.get("cases").asLong()).isEqualTo(7);
    assertWork(county.get("work"), Map.of("SCHOOL", 1, "RETURN_ORDER", 1), 1, 1, 3, 20, 29, 2, 2, "2.00");

    JsonNode units = county.get("units");
    assertThat(units).hasSize(2);
    JsonNode nantai = units.get(0);
    assertThat(nantai.get("code").asText()).isEqualTo("530627104");
    assertThat(nantai.get("name").asText()).isEqualTo("南台镇");
    assertThat(nantai.get("cases").asLong()).isEqualTo(1);
    assertThat(nantai.get("suspected").asLong()).isEqualTo(1);
    assertWork(nantai.get("work"), Map.of(), 0, 0, 0, null, null, 0, 0, "0.00");

    JsonNode jianshan = units.get(1);
    assertThat(jianshan.get("name").asText()).isEqualTo("尖山乡");
    assertThat(jianshan.get("cases").asLong()).isEqualTo(6);
    assertThat(jianshan.get("confirmed").asLong()).isEqualTo(5);
    assertThat(jianshan.get("returned").asLong()).isEqualTo(3);
    assertThat(jianshan.get("returnRate").decimalValue()).isEqualByComparingTo("0.6");
    assertWork(jianshan.get("work"), Map.of("SCHOOL", 1, "RETURN_ORDER", 1), 1, 1, 3, 20, 29, 2, 2, "2.00");
  }

  @Test
  void aPrefecturesCountiesSideBySide() throws Exception {
    JsonNode prefecture = summary("bureau-zhaotong", "530600");
    assertThat(prefecture.get("cases").asLong()).isEqualTo(8);
    // 镇雄县 and 彝良县 first, in code order; 威信县 too unless another test re-imported it at the top
    // of a deployment of its own (OrgTemplatesTests), with no case of February 2020 either way.
    Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
    prefecture.get("units").forEach(unit -> byName.put(unit.get("name").asText(), unit));
    assertThat(byName.keySet()).startsWith("镇雄县", "彝良县").isSubsetOf("镇雄县", "彝良县", "威信县");
    assertThat(byName.get("镇雄县").get("cases").asLong()).isEqualTo(7);
    assertThat(byName.get("彝良县").get("cases").asLong()).isEqualTo(1);
    assertThat(byName.get("彝良县").get("suspected").asLong()).isEqualTo(1);
    assertWork(byName.get("镇雄县").get("work"), Map.of("SCHOOL", 1, "RETURN_ORDER", 1), 1, 1, 3, 20, 29, 2, 2, "2.00");
    if (byName.containsKey("威信县")) {
      assertThat(byName.get("威信县").get("cases").asLong()).isZero();
    }
  }

  @Test
  void theTableKeepsToTheReadersJurisdictionAndAsksForAKnownGrouping() throws Exception {
    ResponseEntity<Map<String, Object>> neighbour =
        EngineRest.as(anonymous, "bureau-yiliang").get("/api/reports/summary?scope=530627&by=unit");
    assertThat(neighbour.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> township =
        EngineRest.as(anonymous, "official-nantai").get("/api/reports/summary?scope=530627&by=unit");
    assertThat(township.getStatusCode()).as("a township does not read its county's table").isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<Map<String, Object>> unknown =
        EngineRest.as(anonymous, "bureau-zhenxiong").get("/api/reports/summary?scope=530627&by=school");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.writeValueAsString(unknown.getBody())).contains("\"by\"").contains("分组方式只能是 unit");

    // Without by=unit the summary is as it was: no table, no work figures.
    ResponseEntity<Map<String, Object>> plain =
        EngineRest.as(anonymous, "bureau-zhenxiong").get("/api/reports/summary?scope=530627" + FEBRUARY);
    assertThat(plain.getBody()).doesNotContainKeys("units", "work").containsEntry("cases", 7);
  }

  @Test
  void theCountysDashboardShowsItsTownshipsSideBySideAtDesktopSize() {
    dashboard(DESKTOP.browser(), "desktop");
  }

  @Test
  void theCountysDashboardShowsItsTownshipsSideBySideOnAPhone() {
    dashboard(PHONE.browser(), "phone");
  }

  private static void dashboard(ChineseBrowser browser, String size) {
    browser.logIn("bureau-zhenxiong");
    browser.go("/reports/dashboard?scope=530627" + FEBRUARY);
    browser.waitFor(By.cssSelector("table.side-by-side"));
    List<String> rows = browser.texts(By.cssSelector("table.side-by-side tbody tr"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("南台镇 1 0 0 0.0%").contains("—");
    assertThat(rows.get(1)).startsWith("尖山乡 6 5 3 60.0%").contains("学校劝返 1", "责令限期复学 1", "20 / 29", "2.00（2）");
    assertThat(browser.visibleText()).contains("各单位对比", "逾期未办任务", "督办");
    // The breakdowns' charts and the two of the side-by-side table, drawn.
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector(".chart canvas")).size() == SummaryLabels.BREAKDOWNS.size() + 2);
    assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
    Number viewport = (Number) browser.driver().executeScript("return window.innerWidth;");
    Number width = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).as("the page's width (%s); the table scrolls in its own box", size)
        .isLessThanOrEqualTo(viewport.intValue());
    browser.assertAllChinese("dashboard side by side " + size);
    browser.assertReadableByPeople("dashboard side by side " + size);
    browser.driver().executeScript("document.querySelector('table.side-by-side').scrollIntoView({block: 'start'});");
    browser.screenshot("dashboard-side-by-side-" + size);
  }

  @Test
  void thePercentilesAreNearestRank() {
    TreeMap<Long, Long> days = new TreeMap<>(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 1L, 5L, 1L, 6L, 1L, 7L, 1L, 8L, 1L, 9L, 1L, 10L, 1L));
    assertThat(WorkQueries.percentile(days, 10, 50)).isEqualTo(5);
    assertThat(WorkQueries.percentile(days, 10, 90)).isEqualTo(9);
    assertThat(WorkQueries.percentile(new TreeMap<>(Map.of(4L, 3L)), 3, 90)).isEqualTo(4);
    assertThat(WorkQueries.percentile(new TreeMap<>(), 0, 50)).isNull();
  }

  // --- helpers ---

  private JsonNode summary(String user, String scope) throws Exception {
    ResponseEntity<Map<String, Object>> reply =
        EngineRest.as(anonymous, user).get("/api/reports/summary?scope=" + scope + "&by=unit" + FEBRUARY);
    assertThat(reply.getStatusCode()).as("%s", reply).isEqualTo(HttpStatus.OK);
    return JSON.readTree(JSON.writeValueAsString(reply.getBody()));
  }

  private static void assertWork(JsonNode work, Map<String, Integer> openByRung, long overdue, long supervisions, long closed,
      Integer median, Integer p90, long helpers, long most, String mean) {
    for (String rung : List.of("SCHOOL", "JOINT", "RETURN_ORDER", "ORDER_COMPLIANCE", "LEGAL")) {
      assertThat(work.get("openByRung").get(rung).asLong()).as(rung).isEqualTo(openByRung.getOrDefault(rung, 0).longValue());
    }
    assertThat(work.get("overdueTasks").asLong()).as("overdue").isEqualTo(overdue);
    assertThat(work.get("supervisions").asLong()).as("督办").isEqualTo(supervisions);
    assertThat(work.get("closedCases").asLong()).as("销号").isEqualTo(closed);
    assertThat(work.get("daysToCloseMedian").isNull() ? null : work.get("daysToCloseMedian").asInt()).as("median").isEqualTo(median);
    assertThat(work.get("daysToCloseP90").isNull() ? null : work.get("daysToCloseP90").asInt()).as("p90").isEqualTo(p90);
    assertThat(work.get("helpers").asLong()).as("helpers").isEqualTo(helpers);
    assertThat(work.get("mostCasesPerHelper").asLong()).as("busiest helper").isEqualTo(most);
    assertThat(work.get("casesPerHelper").decimalValue()).as("cases per helper").isEqualByComparingTo(mean);
  }

  private static Case walk(CaseDoors here, String kind, int steps) {
    Case walked = Case.report(here, kind);
    for (int i = 0; i < steps; i++) {
      walked.take(here);
    }
    return walked;
  }

  /** Into February 2020: reported on the day, 销号 the given number of days later. */
  private void moveTo(String caseNumber, LocalDate reported, Integer daysToClose) {
    int moved = daysToClose == null
        ? jdbc.sql("update dropout_case set reported_at = ? where case_number = ? and closed_at is null")
            .params(reported.atTime(9, 0), caseNumber).update()
        : jdbc.sql("update dropout_case set reported_at = ?, closed_at = ? where case_number = ? and closed_at is not null")
            .params(reported.atTime(9, 0), reported.plusDays(daysToClose).atTime(16, 0), caseNumber).update();
    assertThat(moved).isEqualTo(1);
  }

  private String report(String teacher, Map<String, Object> child) {
    ResponseEntity<Map<String, Object>> started = EngineRest.as(anonymous, teacher).startCase(child);
    assertThat(started.getStatusCode()).as("%s", started).isEqualTo(HttpStatus.OK);
    return (String) started.getBody().get("businessKey");
  }

  private static Map<String, Object> nantaiBoy() {
    Map<String, Object> child = TestStudents.changanGirl(LocalDate.now().minusYears(13).minusDays(301));
    LocalDate birth = LocalDate.now().minusYears(13).minusDays(302);
    child.put("studentName", "邓小川");
    child.put("studentIdNumber", TestStudents.idNumber(birth, true));
    child.put("gender", "M");
    child.put("birthDate", birth.toString());
    child.put("schoolCode", TestStudents.NANTAI_SCHOOL);
    child.put("villageCode", TestStudents.NANTAI_VILLAGE);
    return child;
  }

  private static Map<String, Object> jiaokuiGirl() {
    LocalDate birth = LocalDate.now().minusYears(11).minusDays(303);
    Map<String, Object> child = TestStudents.changanGirl(birth);
    child.put("studentName", "罗小雨");
    child.put("schoolCode", "5306280001");
    child.put("villageCode", "530628100201");
    return child;
  }
}
