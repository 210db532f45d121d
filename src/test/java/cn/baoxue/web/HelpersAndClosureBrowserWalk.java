package cn.baoxue.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The helpers' and the township's steps in Tasklist, in the Chinese browser at desktop size
 * ({@link HelpersAndClosureBrowserTests}) and on a phone ({@link HelpersAndClosureOnPhoneBrowserTests}): the village cadre helper finds 入户家访 among her unit's
 * tasks, takes it and records the visit herself; the teacher's next form names her (杨国富); the
 * township approves 销号 with the explicit choice, seeing the case's visits, persuasion and
 * follow-ups on the approval form.
 */
abstract class HelpersAndClosureBrowserWalk {

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;
  ChineseBrowser browser;

  @BeforeEach
  void browser() {
    browser = browserInUse();
  }

  abstract ChineseBrowser browserInUse();

  /** The screenshots' prefix. */
  abstract String prefix();

  @Test
  void theCadreRecordsTheHomeVisitAndTheTownshipApprovesClosureSeeingTheVisits() {
    assertThat(browser.intlLocale()).startsWith("zh");
    String studentName = "杨小燕" + (System.nanoTime() % 1000);
    Map<String, Object> child = TestStudents.changanGirl();
    child.put("studentName", studentName);
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    Map<String, Object> started = teacher.startCase(child).getBody();
    String pi = (String) started.get("id");
    String caseNumber = (String) started.get("businessKey");
    teacher.complete(onlyTask(teacher, pi), Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校"));
    official.complete(onlyTask(official, pi), Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    try {
      // The cadre helper takes the visit from 本单位待办 and records it.
      browser.logIn("cadre-changan");
      openTasklist();
      openFilter("本单位待办");
      browser.click(taskInList(studentName));
      browser.click(By.xpath("//button[normalize-space()='认领']"));
      browser.waitForValue("学生姓名", studentName);
      type("家访日期", LocalDate.now(BEIJING).toString() + Keys.TAB);
      type("见到的人", "父亲");
      choose("孩子去向", "在家");
      choose("辍学原因", "厌学");
      type("家访情况", "村干部入户，孩子在家帮忙务农，父亲同意送回学校");
      browser.screenshot(prefix() + "-cadre-home-visit");
      browser.assertAllChinese("the cadre's home visit form");
      browser.click(By.xpath("//button[normalize-space()='办理完成']"));
      browser.waitUntilGone(By.xpath("//button[normalize-space()='办理完成']"));
      assertThat(jdbc.queryForObject("select v.recorded_by from home_visit v join dropout_case c on c.id = v.case_id"
          + " where c.case_number = ?", String.class, caseNumber)).isEqualTo("cadre-changan");

      // The teacher's next step shows who visited, by name.
      browser.logIn("teacher-changan");
      openTasklist();
      openFilter("本单位待办");
      browser.click(taskInList(studentName));
      browser.waitFor(By.xpath("//*[contains(@class,'fjs-table')]//td[normalize-space()='杨国富']"));
      browser.screenshot(prefix() + "-teacher-sees-the-visit");
      browser.assertAllChinese("the teacher's persuasion form");

      teacher.complete(onlyTask(teacher, pi), Map.of("persuasionResult", "RETURNED", "persuasionNotes", "班主任家访后返校"));
      teacher.complete(onlyTask(teacher, pi), Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班，结对帮扶"));
      EngineRest admin = EngineRest.as(anonymous, "admin");
      String timer = (String) admin.getList("/engine-rest/job?processInstanceId=" + pi + "&activityId=followUpDue&timers=true")
          .getBody().get(0).get("id");
      admin.post("/engine-rest/job/" + timer + "/execute", Map.of());
      teacher.complete(onlyTask(teacher, pi), Map.of("followUpResult", "STABLE", "followUpNotes", "按时到校，表现稳定"));

      // The township decides explicitly, seeing every visit, persuasion and follow-up.
      browser.logIn("official-jianshan");
      openTasklist();
      openFilter("本单位待办");
      browser.click(taskInList(studentName));
      browser.click(By.xpath("//button[normalize-space()='认领']"));
      browser.waitForValue("学生姓名", studentName);
      List<String> rows = browser.texts(By.cssSelector(".fjs-table tbody tr"));
      assertThat(rows).hasSize(3);
      assertThat(rows.get(0)).contains("入户家访", "杨国富", "孩子在家");
      assertThat(rows.get(1)).contains("学校劝返", "李明华", "已复学");
      assertThat(rows.get(2)).contains("跟踪回访", "李明华", "在校稳定", "按时到校");
      check("同意销号");
      type("审批意见", "回访三次均稳定在校，同意销号");
      browser.screenshot(prefix() + "-township-approves-closure");
      browser.assertAllChinese("the closure approval form");
      browser.click(By.xpath("//button[normalize-space()='办理完成']"));
      browser.waitUntilGone(By.xpath("//button[normalize-space()='办理完成']"));

      assertThat(jdbc.queryForMap("select r.approved, r.comment, r.recorded_by from closure_review r"
          + " join dropout_case c on c.id = r.case_id where c.case_number = ?", caseNumber))
          .containsEntry("APPROVED", true).containsEntry("COMMENT", "回访三次均稳定在校，同意销号")
          .containsEntry("RECORDED_BY", "official-jianshan");
      assertThat(jdbc.queryForObject("select status from dropout_case where case_number = ?", String.class, caseNumber))
          .isEqualTo("CLOSED");
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot(prefix() + "-helpers-failure");
      throw e;
    }
  }

  private static String onlyTask(EngineRest user, String pi) {
    List<Map<String, Object>> tasks = user.tasks(pi);
    assertThat(tasks).hasSize(1);
    return (String) tasks.get(0).get("id");
  }

  private void openTasklist() {
    browser.go(TASKLIST);
    browser.waitFor(By.xpath("//*[contains(@class,'task-filters')]//*[contains(normalize-space(.),'我的待办')]"));
  }

  private void openFilter(String name) {
    String filterName = "//h4[contains(@class,'name')]/a[starts-with(normalize-space(.),'" + name + "')]";
    browser.click(By.xpath("//*[contains(@class,'task-filter')]" + filterName));
    browser.waitFor(By.xpath("//*[contains(@class,'task-filter') and contains(@class,'active')]" + filterName));
    settle();
    browser.waitUntilGone(By.cssSelector("[cam-tasks] > .loader"));
  }

  private static By taskInList(String studentName) {
    return By.xpath("//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.),'" + studentName + "')]");
  }

  private void type(String label, CharSequence text) {
    WebElement field = browser.field(label);
    try {
      browser.click(field);
    } catch (org.openqa.selenium.WebDriverException covered) {
      browser.driver().executeScript("arguments[0].focus();", field);
    }
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    settle();
  }

  /** A radio button by its label; clicked by script when Tasklist's fixed footer covers the form's last row. */
  private void check(String option) {
    WebElement radio = browser.waitFor(By.xpath("//label[normalize-space(.)='" + option + "']/input"
        + " | //label[normalize-space(.)='" + option + "']/preceding-sibling::input[1]"));
    try {
      browser.click(radio);
    } catch (org.openqa.selenium.WebDriverException covered) {
      browser.driver().executeScript("arguments[0].click();", radio);
    }
    settle();
    assertThat(radio.isSelected()).as(option).isTrue();
  }

  private void choose(String label, String option) {
    browser.click(By.xpath("//label[normalize-space(.)='" + label + "*' or normalize-space(.)='" + label + "']"
        + "/following-sibling::*[contains(@class,'fjs-input-group')]"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']"));
    settle();
  }

  private static void settle() {
    try {
      Thread.sleep(600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
