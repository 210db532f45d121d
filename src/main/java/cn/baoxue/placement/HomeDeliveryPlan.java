package cn.baoxue.placement;

import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.kernel.time.BeijingTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often 送教上门 is due (the one rule of the visit schedule, the process and the report alike):
 * each calendar month is a period; a month with a school day (the school calendar's terms,
 * {@code calendar.WorkingDayCalendar}) plans {@code baoxue.placement.home-delivery.visits-per-month}
 * visits (default 2), a month wholly in the vacation none. A child's first period is the first
 * full month after her placement. A missed period is urged within
 * {@code baoxue.placement.home-delivery.urge-working-days} working days (default 5).
 */
@Component
public class HomeDeliveryPlan {

  private final WorkingDayCalendar calendar;
  private final int visitsPerMonth;
  private final int urgeWorkingDays;

  HomeDeliveryPlan(WorkingDayCalendar calendar,
      @Value("${baoxue.placement.home-delivery.visits-per-month:2}") int visitsPerMonth,
      @Value("${baoxue.placement.home-delivery.urge-working-days:5}") int urgeWorkingDays) {
    this.calendar = calendar;
    this.visitsPerMonth = visitsPerMonth;
    this.urgeWorkingDays = urgeWorkingDays;
  }

  public int visitsPerMonth() {
    return visitsPerMonth;
  }

  /** The visits planned in a month: the configured number if pupils are at school on any of its days. */
  public int planned(YearMonth month) {
    for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
      if (calendar.isSchoolDay(day)) {
        return visitsPerMonth;
      }
    }
    return 0;
  }

  /** The first period of a child placed on that day: the next month. */
  public YearMonth firstPeriod(LocalDate placedOn) {
    return YearMonth.from(placedOn).plusMonths(1);
  }

  /**
   * The visits planned for a child placed on {@code placedOn}, over the periods that overlap
   * {@code from}–{@code to} (either open) and have begun by today.
   */
  public long planned(LocalDate placedOn, LocalDate from, LocalDate to) {
    LocalDate today = BeijingTime.today();
    LocalDate end = to == null || to.isAfter(today) ? today : to;
    YearMonth first = firstPeriod(placedOn);
    if (from != null && YearMonth.from(from).isAfter(first)) {
      first = YearMonth.from(from);
    }
    long planned = 0;
    for (YearMonth month = first; !month.isAfter(YearMonth.from(end)); month = month.plusMonths(1)) {
      planned += planned(month);
    }
    return planned;
  }

  /** The instant a period ends: the first day of the next month, 00:00 in the county. */
  public Date endOf(YearMonth period) {
    return BeijingTime.toDate(period.plusMonths(1).atDay(1).atStartOfDay());
  }

  /** When the township must have urged a missed period. */
  public Date urgeDueDate() {
    return calendar.workingDays(urgeWorkingDays);
  }
}
