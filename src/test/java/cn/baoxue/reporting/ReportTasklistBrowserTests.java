package cn.baoxue.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.TasklistPage;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A school's monthly report as its staff submit it in Tasklist, in the Chinese browser: at desktop
 * size the principal corrects one figure, and the reason field the form hides until a figure differs
 * from the count appears and is filled; on a phone (360×800) another school confirms its figures as
 * counted. Screenshots: target/screenshots/report-*.png.
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTasklistBrowserTests {

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  static final String TASK = "报送控辍保学工作报表";
  static final String STUDENTS_REASON = "在册适龄学生数的更正原因（与系统统计数不同时必填）";

  @Autowired UnitReports reports;

  @BeforeAll
  void theReportsOfApril2025AreOpen() {
    reports.open(ReportLevel.SCHOOL, YearMonth.of(2025, 4));
  }

  @Test
  void thePrincipalCorrectsAFigureWithItsReasonAtDesktopSize() {
    UnitReport open = reports.find("5306270001", "2025-04").orElseThrow();
    long counted = open.computed().get("students");
    ChineseBrowser browser = DESKTOP.browser();
    browser.logIn("principal-changan");
    TasklistPage tasklist = new TasklistPage(browser);
    tasklist.open().filter("本单位待办").searchCase(open.businessKey()).openTask(TASK, TASK);
    tasklist.claim();
    browser.waitForValue("填报单位", "长安村小学");
    browser.waitForValue("在册适龄学生数", Long.toString(counted));
    assertThat(browser.driver().findElements(By.xpath("//label[normalize-space(.)='" + STUDENTS_REASON + "']")))
        .as("the reason is asked only when a figure differs").isEmpty();
    browser.assertReadableByPeople("report form");

    tasklist.type("在册适龄学生数", Long.toString(counted + 2));
    tasklist.type(STUDENTS_REASON, "2名转入学生学籍待录入");
    browser.screenshot("report-corrected-tasklist");
    tasklist.complete();

    UnitReport submitted = reports.find("5306270001", "2025-04").orElseThrow();
    assertThat(submitted.isSubmitted()).isTrue();
    assertThat(submitted.submittedBy()).isEqualTo("principal-changan");
    assertThat(submitted.submitted().get("students")).isEqualTo(counted + 2);
    assertThat(submitted.corrections()).containsEntry("students", "2名转入学生学籍待录入");
  }

  @Test
  void anotherSchoolConfirmsItsFiguresOnAPhone() {
    UnitReport open = reports.find("5306270002", "2025-04").orElseThrow();
    ChineseBrowser browser = PHONE.browser();
    browser.logIn("teacher-nantai");
    TasklistPage tasklist = new TasklistPage(browser);
    tasklist.open().filter("本单位待办").searchCase(open.businessKey()).openTask(TASK, TASK);
    tasklist.claim();
    browser.waitForValue("填报单位", "南台小学");
    browser.assertReadableByPeople("report form on a phone");
    browser.screenshot("report-confirmed-tasklist-phone");
    tasklist.complete();

    UnitReport submitted = reports.find("5306270002", "2025-04").orElseThrow();
    assertThat(submitted.isSubmitted()).isTrue();
    assertThat(submitted.submitted()).isEqualTo(open.computed());
    assertThat(submitted.corrections()).isEmpty();
  }
}
