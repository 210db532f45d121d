package cn.baoxue.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.TasklistPage;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 镇雄县教育局's 季度复核 in the Chinese browser: the draw in Tasklist at desktop size, one sampled
 * case confirmed at desktop size and the other failed on a phone (360×800), then the round's pages at
 * both sizes. Screenshots: target/screenshots/recheck-*.png.
 */
@BaoxueWebTest
class RecheckBrowserTests {

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  static final String BUSINESS_KEY = "530627-2025Q2";

  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired QuarterlyRechecks rechecks;
  @Autowired DropoutCaseRepository cases;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theBureauDrawsAndRechecksInTasklistAndReadsTheRoundOnBothSizes() {
    ActingUsers users = new ActingUsers(engine, staff);
    ClockUtil.setCurrentTime(at(2025, 5, 12, 10));
    for (int i = 0; i < 2; i++) {
      ProcessInstance pi = users.reportAtChangan();
      users.complete("teacher-changan", users.taskOf(pi.getId()).getId(), Map.of("verifyResult", "NOT_DROPOUT",
          "notDropoutReason", "TRANSFERRED", "verifyNotes", "已转入县城学校就读"));
    }
    ClockUtil.setCurrentTime(at(2025, 7, 1, 8));
    List<String> opened = rechecks.openAll(at(2025, 7, 1, 8).toInstant().atZone(CHINA).toLocalDate());
    assertThat(opened).contains(BUSINESS_KEY);
    // Other counties have nothing in the quarter: their administrator's draw ends their rounds.
    for (String key : opened) {
      if (!key.equals(BUSINESS_KEY)) {
        Task draw = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult();
        users.complete("admin", draw.getId(), Map.of("samplePerTownship", 1));
      }
    }
    ClockUtil.setCurrentTime(at(2025, 7, 2, 9));

    ChineseBrowser desktop = DESKTOP.browser();
    desktop.logIn("bureau-zhenxiong");
    TasklistPage tasklist = new TasklistPage(desktop);
    tasklist.open().filter("本单位待办").searchCase(BUSINESS_KEY).openTask("抽取季度复核样本", "抽取季度复核样本");
    tasklist.claim();
    assertThat(desktop.visibleText()).contains("抽取季度复核样本", "各乡镇可抽取的案件", "每个乡镇每类抽取件数");
    desktop.waitForValue("县", "镇雄县");
    desktop.waitForValue("复核季度", "2025年第2季度（4月1日至6月30日）");
    desktop.waitForValue("各乡镇可抽取的案件", "尖山乡：已销号 0 件，核实为非辍学 2 件");
    desktop.waitForValue("每个乡镇每类抽取件数", "2");
    desktop.assertReadableByPeople("draw form");
    tasklist.type("每个乡镇每类抽取件数", "2");
    desktop.screenshot("recheck-draw-tasklist");
    tasklist.complete();

    QuarterlyRechecks.Round round = rechecks.rounds().stream().filter(r -> r.countyCode().equals("530627")
        && r.quarter().toString().equals("2025Q2")).findFirst().orElseThrow();
    assertThat(round.samplePerTownship()).isEqualTo(2);
    List<QuarterlyRechecks.Item> items = rechecks.items(round.id());
    assertThat(items).hasSize(2);

    tasklist.open().filter("本单位待办").searchCase(BUSINESS_KEY).openTask(items.get(0).caseNumber(), "复核抽中的案件");
    tasklist.claim();
    desktop.waitForValue("案件编号", items.get(0).caseNumber());
    desktop.waitForValue("原结论", "核实为非辍学");
    desktop.waitForValue("乡镇", "尖山乡");
    desktop.waitForValue("学校", "长安村小学");
    assertThat(desktop.field("结案情况").getAttribute("value")).contains("已转入县城学校就读");
    tasklist.choose("属实，维持原结论").type("核实情况（不属实时必填）", "到校查看，已在县城学校就读");
    desktop.screenshot("recheck-case-tasklist");
    tasklist.complete();

    ChineseBrowser phone = PHONE.browser();
    phone.logIn("bureau-zhenxiong");
    TasklistPage onPhone = new TasklistPage(phone);
    onPhone.open().filter("本单位待办").searchCase(BUSINESS_KEY).openTask(items.get(1).caseNumber(), "复核抽中的案件");
    onPhone.claim();
    onPhone.choose("不属实，重新立案").type("核实情况（不属实时必填）", "入户核实：孩子在家，未到新学校报到");
    phone.screenshot("recheck-case-tasklist-phone");
    onPhone.complete();

    QuarterlyRechecks.Item failed = rechecks.items(round.id()).get(1);
    assertThat(failed.outcome()).isEqualTo(RecheckOutcome.FAILED);
    assertThat(cases.findByCaseNumber(failed.reopenedCaseNumber()).orElseThrow().getSource()).isEqualTo(CaseSource.RECHECK);

    for (ChineseBrowser browser : List.of(desktop, phone)) {
      String size = browser == desktop ? "desktop" : "phone";
      browser.go("/rechecks");
      assertThat(browser.visibleText()).contains("季度复核", "2025年第2季度", "已完成", "50.0%");
      fitsTheScreen(browser, "rechecks " + size);
      browser.assertReadableByPeople("rechecks " + size);
      browser.screenshot("recheck-list-" + size);
      browser.go("/rechecks/" + round.id());
      assertThat(browser.visibleText()).contains("镇雄县 · 2025年第2季度", "确认率 50.0%", "周正华", "不属实，已重新立案",
          failed.reopenedCaseNumber(), "用此种子从同样的案件重新抽样，结果与留档一致");
      fitsTheScreen(browser, "recheck round " + size);
      browser.assertReadableByPeople("recheck round " + size);
      browser.screenshot("recheck-round-" + size);
    }
  }

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CHINA).toInstant());
  }

  private static void fitsTheScreen(ChineseBrowser browser, String where) {
    Number viewport = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;");
    Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).as("width of %s", where).isLessThanOrEqualTo(viewport.intValue());
  }
}
