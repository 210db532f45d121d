package cn.baoxue.notifications;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** New work, approaching deadlines and escalations go to the outbox, and a channel empties it. */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class NotificationOutboxTests {

  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired NotificationRepository outbox;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired DeadlineReminders reminders;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSchoolIsToldOfANewReportAndTheHelperOfHerVisit() {
    ActingUsers users = new ActingUsers(engine, staff);
    ProcessInstance pi = users.reportAtChangan();

    assertThat(outbox.findByCaseNumberOrderByIdAsc(pi.getBusinessKey()))
        .extracting(Notification::getKind, Notification::getRecipient)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Notification.Kind.ASSIGNED, "school_5306270001"));

    users.complete("teacher-changan", users.taskOf(pi.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));

    assertThat(outbox.findByCaseNumberOrderByIdAsc(pi.getBusinessKey()))
        .extracting(Notification::getRecipient)
        .containsExactly("school_5306270001", "township_530627205", "cadre-changan", "teacher-changan");
    // Both helpers are offered the visit: each is told.
    assertThat(outbox.findByCaseNumberOrderByIdAsc(pi.getBusinessKey()).get(3).getMessage())
        .isEqualTo("您有新的待办：案件 " + pi.getBusinessKey() + " “入户家访”");
  }

  @Test
  void aReminderGoesOutOnceTheDayBeforeTheDeadlineAndTheChannelSendsIt() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant()));
    ProcessInstance pi = new ActingUsers(engine, staff).reportAtChangan();
    // Due Thursday 26 November 18:00; on Wednesday morning it is one working day away.
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant()));

    reminders.remind();
    reminders.remind();
    dispatcher.dispatch();

    assertThat(outbox.findByCaseNumberOrderByIdAsc(pi.getBusinessKey()))
        .filteredOn(n -> n.getKind() == Notification.Kind.DEADLINE_APPROACHING)
        .singleElement()
        .satisfies(n -> {
          assertThat(n.getRecipient()).isEqualTo("school_5306270001");
          assertThat(n.getMessage()).contains("将于明天到期");
          assertThat(n.getChannel()).isEqualTo("log");
          assertThat(n.getSentAt()).isNotNull();
        });
  }
}
