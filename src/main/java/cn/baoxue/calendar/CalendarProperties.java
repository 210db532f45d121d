package cn.baoxue.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The working-day calendar as configured in calendar/china-workdays.yaml. */
@ConfigurationProperties("baoxue.calendar")
public record CalendarProperties(
    ZoneId zone, LocalTime endOfWorkingDay, Map<String, Year> years, List<SchoolTerm> schoolTerms) {

  /** One year's notice: holidays (days or from/to ranges) and make-up workdays. */
  public record Year(String notice, boolean provisional, List<String> holidays, List<LocalDate> makeUpWorkdays) {}

  public record SchoolTerm(String name, LocalDate from, LocalDate to) {}
}
