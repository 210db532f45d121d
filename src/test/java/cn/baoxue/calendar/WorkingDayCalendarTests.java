package cn.baoxue.calendar;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The shipped calendar, read from calendar/china-workdays.yaml as the application reads it. */
@QuickTier
class WorkingDayCalendarTests {

  static WorkingDayCalendar calendar;

  @BeforeAll
  static void loadTheShippedCalendar() throws IOException {
    var sources = new YamlPropertySourceLoader().load("calendar", new ClassPathResource("calendar/china-workdays.yaml"));
    CalendarProperties properties = new Binder(ConfigurationPropertySources.from(sources))
        .bind("baoxue.calendar", CalendarProperties.class).get();
    calendar = new WorkingDayCalendar(properties);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void springFestival2026IsSkippedAndItsMakeUpSaturdaysAreWorked() {
    // Reported on Friday 13 February 2026: Saturday the 14th is a make-up workday (调休), then nine
    // days of 春节 until Monday the 23rd.
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 3)).isEqualTo(LocalDate.of(2026, 2, 25));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
  }

  @Test
  void nationalDay2026() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    // Saturday 10 October is worked in exchange for the holiday.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    // Sunday 20 September too.
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
  }

  @Test
  void nationalDayAndSpringFestival2025() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 27), 1)).isEqualTo(LocalDate.of(2025, 2, 5));
  }

  @Test
  void ordinaryWeeksSkipOnlyTheWeekend() {
    // Friday 20 November 2026 + 3 working days = Wednesday 25th.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 20), 3)).isEqualTo(LocalDate.of(2026, 11, 25));
  }

  @Test
  void aDueDateIsTheEndOfTheWorkingDayInChina() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 2, 13, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant()));

    Date due = calendar.workingDays(3);

    assertThat(due.toInstant()).isEqualTo(ZonedDateTime.of(2026, 2, 25, 18, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
  }

  @Test
  void schoolDaysAreWorkingDaysInsideATerm() {
    assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 23))).isTrue();
    assertThat(calendar.isSchoolDay(LocalDate.of(2026, 8, 3))).as("summer vacation").isFalse();
    assertThat(calendar.isSchoolDay(LocalDate.of(2026, 10, 5))).as("National Day").isFalse();
  }
}
