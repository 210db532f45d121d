package cn.baoxue.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.ChineseBrowser;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bell, the list behind it and the administrator's delivery page in the Chinese browser, at
 * desktop size and on a phone: counts, Chinese text, Beijing time, no login or group ids.
 */
@BaoxueWebTest
class NotificationPagesBrowserTests {

  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired NotificationRepository outbox;
  @Autowired NotificationDeliveryRepository deliveries;
  @Autowired NotificationInbox inbox;
  @LocalServerPort int port;

  @BeforeAll
  static void chromium() {
    ChineseBrowser.assumeChromium();
  }

  @Test
  void aTeacherSeesTheBellCountOpensHerNotificationsAndMarksOneReadOnDesktopAndPhone() {
    String caseNumber = new ActingUsers(engine, staff).reportAtChangan().getBusinessKey();
    Notification notification = outbox.findByCaseNumberOrderByIdAsc(caseNumber).get(0);
    String shown = notification.getCreatedAt().format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm"));

    for (boolean phone : new boolean[] {false, true}) {
      String where = phone ? "phone" : "desk";
      try (ChineseBrowser browser = phone ? ChineseBrowser.openOnPhone(port) : ChineseBrowser.open(port)) {
        // Read marks are each person's own: the principal reads on her desk, the teacher on her phone.
        browser.logIn(phone ? "teacher-changan" : "principal-changan");
        // The bell shows up to 99, then 99+ (a long test run leaves many unread).
        String unread = browser.waitFor(By.cssSelector("#bell .badge")).getText();
        assertThat(unread).matches("[1-9][0-9]?|99\\+");
        browser.screenshot("notifications-bell-" + where);
        browser.click(By.id("bell"));
        browser.waitFor(By.id("notice-" + notification.getId()));
        assertThat(browser.waitFor(By.id("notice-" + notification.getId())).getText())
            .contains("未读", "新的待办", "您有新的待办：案件 " + caseNumber + " “核实是否辍学”", shown, "查看案件", "标为已读");
        browser.assertReadableByPeople("我的通知 (" + where + ")");
        browser.screenshot("notifications-list-" + where);

        if (!phone) {
          browser.click(By.cssSelector("#notice-" + notification.getId() + " button"));
          assertThat(browser.waitFor(By.id("notice-" + notification.getId())).getText()).contains("已读").doesNotContain("标为已读");
          String badge = browser.driver().findElements(By.cssSelector("#bell .badge")).stream().map(e -> e.getText()).findFirst().orElse("0");
          if (unread.endsWith("+")) {
            assertThat(badge).matches("99\\+?");
          } else {
            assertThat(Long.parseLong(badge)).isEqualTo(Long.parseLong(unread) - 1);
          }
          browser.click(By.linkText("查看案件"));
          assertThat(browser.driver().getCurrentUrl()).contains("/cases/");
        }
      }
    }
  }

  @Test
  void theAdministratorSeesAFailedSmsByNameAndResendsItOnDesktopAndPhone() {
    String caseNumber = new ActingUsers(engine, staff).reportAtChangan().getBusinessKey();
    Notification notification = outbox.findByCaseNumberOrderByIdAsc(caseNumber).get(0);
    // A delivery of a channel configured when it was queued and given up since: as the dispatcher leaves one.
    NotificationDelivery failed = new NotificationDelivery(notification, "sms");
    for (int attempt = 1; attempt <= 3; attempt++) {
      failed.failed("短信平台无法连接（网络不通或超时）", 3, Duration.ofMinutes(10));
    }
    deliveries.save(failed);
    String at = BeijingTime.now().format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm"));

    for (boolean phone : new boolean[] {false, true}) {
      try (ChineseBrowser browser = phone ? ChineseBrowser.openOnPhone(port) : ChineseBrowser.open(port)) {
        browser.logIn("admin");
        browser.click(By.linkText("通知发送情况"));
        String row = browser.waitFor(By.id("delivery-" + failed.getId())).getText();
        assertThat(row).contains("失败", "长安村小学", "新的待办", caseNumber, "短信", "3 次", at, "短信平台无法连接", "重新发送");
        assertThat(Long.parseLong(browser.waitFor(By.cssSelector("#count-DEAD b")).getText())).isGreaterThanOrEqualTo(1);
        assertThat(browser.waitFor(By.cssSelector("#count-SENT b")).getText()).matches("[0-9]+");
        browser.assertReadableByPeople("通知发送情况");
        browser.screenshot("admin-notifications-" + (phone ? "phone" : "desk"));
      }
    }
  }
}
