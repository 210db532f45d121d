package cn.baoxue.handover;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.StaffDirectory;
import cn.baoxue.security.WithoutEngineAuthorization;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.TestStudents;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The township official's 工作交接 in the Chinese browser, at desktop size and on a phone: from the
 * caseload to the leaver's open work, a successor chosen by name, the preview, the confirmation.
 * Screenshots: target/screenshots/handover-*.png.
 */
@BaoxueWebTest
class HandoverBrowserTests {

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired WithoutEngineAuthorization withoutEngineAuthorization;

  @Test
  void theTownshipHandsALeaversWorkOverAtDesktopSize() {
    walk(DESKTOP.browser(), "desktop", "何", "秀兰", "文静");
  }

  @Test
  void theTownshipHandsALeaversWorkOverOnAPhone() {
    walk(PHONE.browser(), "phone", "罗", "春燕", "文博");
  }

  private void walk(ChineseBrowser browser, String size, String lastName, String firstName, String successorFirstName) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String leaver = "leaver-" + suffix;
    String successor = "successor-" + suffix;
    createTeacher(leaver, lastName, firstName);
    createTeacher(successor, "蒋", successorFirstName);
    ActingUsers users = new ActingUsers(engine, staff);
    ProcessInstance helped = users.reportAtChangan();
    users.complete("teacher-changan", users.taskOf(helped.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(helped.getId()).getId(),
        Map.of("teacherHelper", leaver, "cadreHelper", "cadre-changan"));

    browser.logIn("official-jianshan");
    browser.go("/caseload");
    assertThat(browser.visibleText()).contains("包保工作量", lastName + firstName + "（长安村小学）");
    fitsTheScreen(browser, "caseload " + size);
    browser.assertReadableByPeople("caseload " + size);
    browser.screenshot("handover-caseload-" + size);

    browser.click(By.cssSelector("a[href*='/caseload/handover?user=" + leaver + "']"));
    browser.waitFor(By.id("successor"));
    assertThat(browser.visibleText()).contains(helped.getBusinessKey(), "入户家访", "包保教师");
    new Select(browser.driver().findElement(By.id("successor"))).selectByVisibleText("蒋" + successorFirstName + "（长安村小学）");
    browser.click(By.cssSelector("form.filters button[type=submit]"));
    browser.waitFor(By.id("plan-summary"));
    assertThat(browser.visibleText()).contains("将把 " + lastName + firstName + "（长安村小学） 的以下工作交给 蒋" + successorFirstName);
    fitsTheScreen(browser, "handover preview " + size);
    browser.assertReadableByPeople("handover preview " + size);
    browser.screenshot("handover-preview-" + size);

    browser.click(By.id("confirm-handover"));
    browser.waitFor(By.id("handover-done"));
    assertThat(browser.visibleText()).contains("已将" + lastName + firstName + "（长安村小学）的 1 项待办、1 个个案交给蒋" + successorFirstName);
    browser.screenshot("handover-done-" + size);
    assertThat(engine.getRuntimeService().getVariable(helped.getId(), "teacherHelper")).isEqualTo(successor);
  }

  private static void fitsTheScreen(ChineseBrowser browser, String where) {
    Number viewport = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;");
    Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).as("width of %s", where).isLessThanOrEqualTo(viewport.intValue());
  }

  private void createTeacher(String id, String lastName, String firstName) {
    IdentityService identity = engine.getIdentityService();
    withoutEngineAuthorization.run(() -> {
      User user = identity.newUser(id);
      user.setLastName(lastName);
      user.setFirstName(firstName);
      user.setPassword("Handover-" + UUID.randomUUID());
      identity.saveUser(user);
      identity.createMembership(id, "school_" + TestStudents.CHANGAN_SCHOOL);
    });
  }
}
