package cn.baoxue.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * China's working days (工作日): weekends and public holidays are off, make-up workdays (调休) are
 * on. The models read it as {@code ${calendar.workingDays(3)}}; the engine's clock is "now", so
 * tests that move the clock move the calendar.
 */
@Component("calendar")
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final CalendarProperties properties;
  private final Set<LocalDate> holidays = new HashSet<>();
  private final Set<LocalDate> makeUpWorkdays = new HashSet<>();
  private final Set<Integer> knownYears = new HashSet<>();
  private final List<CalendarProperties.SchoolTerm> schoolTerms;

  public WorkingDayCalendar(CalendarProperties properties) {
    this.properties = properties;
    this.schoolTerms = properties.schoolTerms().stream()
        .sorted(Comparator.comparing(CalendarProperties.SchoolTerm::from)).toList();
    for (Map.Entry<String, CalendarProperties.Year> entry : properties.years().entrySet()) {
      CalendarProperties.Year year = entry.getValue();
      knownYears.add(Integer.parseInt(entry.getKey()));
      for (String holiday : year.holidays()) {
        addDays(holiday);
      }
      makeUpWorkdays.addAll(year.makeUpWorkdays() == null ? List.of() : year.makeUpWorkdays());
      if (year.provisional()) {
        log.warn("Working-day calendar {} is provisional (statutory holidays only): enter the State Council's notice"
            + " in calendar/china-workdays.yaml when it is published", entry.getKey());
      }
    }
  }

  private void addDays(String dayOrRange) {
    String[] bounds = dayOrRange.trim().split("/");
    LocalDate from = LocalDate.parse(bounds[0]);
    LocalDate to = bounds.length > 1 ? LocalDate.parse(bounds[1]) : from;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      holidays.add(day);
    }
  }

  public boolean isWorkingDay(LocalDate day) {
    if (makeUpWorkdays.contains(day)) {
      return true;
    }
    if (holidays.contains(day)) {
      return false;
    }
    if (!knownYears.contains(day.getYear())) {
      log.warn("No holiday notice configured for {}: counting weekends only", day.getYear());
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The working day that is {@code count} working days after {@code from} (which itself does not count). */
  public LocalDate addWorkingDays(LocalDate from, int count) {
    LocalDate day = from;
    int remaining = count;
    while (remaining > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    return day;
  }

  /** The working days after {@code from} up to and including {@code to}: the same day, or a weekend between, is 0. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int days = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        days++;
      }
    }
    return days;
  }

  /** The end of the working day {@code count} working days from today: a due date. */
  public Date workingDays(int count) {
    return endOfWorkingDay(addWorkingDays(today(), count));
  }

  public Date endOfWorkingDay(LocalDate day) {
    return Date.from(LocalDateTime.of(day, properties.endOfWorkingDay()).atZone(properties.zone()).toInstant());
  }

  /** Whether pupils are expected at school that day: a working day inside a school term. */
  public boolean isSchoolDay(LocalDate day) {
    return isWorkingDay(day)
        && schoolTerms.stream().anyMatch(term -> !day.isBefore(term.from()) && !day.isAfter(term.to()));
  }

  /** The school terms in order of their first day. */
  public List<CalendarProperties.SchoolTerm> schoolTerms() {
    return schoolTerms;
  }

  public ZoneId zone() {
    return properties.zone();
  }

  /** Today where the schools are, by the engine's clock: "not after today" means the user's today. */
  public LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(properties.zone()).toLocalDate();
  }
}
