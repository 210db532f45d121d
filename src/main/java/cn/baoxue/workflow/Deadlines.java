package cn.baoxue.workflow;

import cn.baoxue.calendar.WorkingDayCalendar;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The deadline of each step, in working days from configuration. The model reads
 * {@code ${deadlines.dueDate('verify')}} as a task's due date and
 * {@code ${deadlines.escalationCycle('verify')}} as the timer that escalates it when missed.
 */
@Component("deadlines")
public class Deadlines {

  /** Two misses at most: school or village → township, then → county. */
  private static final int ESCALATION_LEVELS = 2;

  private final DeadlineProperties properties;
  private final WorkingDayCalendar calendar;

  public Deadlines(DeadlineProperties properties, WorkingDayCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  public int workingDays(String step) {
    Integer days = properties.workingDays().get(step);
    if (days == null) {
      throw new IllegalStateException("No deadline configured for step " + step + " (baoxue.deadlines.working-days)");
    }
    return days;
  }

  public Date dueDate(String step) {
    return calendar.workingDays(workingDays(step));
  }

  /** ISO-8601 repeating interval: at the due date, and again if still open after the grace period. */
  public String escalationCycle(String step) {
    String start = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        dueDate(step).toInstant().atZone(calendar.zone()).toOffsetDateTime());
    // Rn counts the repetitions after the first firing.
    return "R" + (ESCALATION_LEVELS - 1) + "/" + start + "/" + properties.escalateAgainAfter();
  }
}
