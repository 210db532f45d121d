package cn.baoxue.reconciliation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The county's rules for who must be at school (适龄): a child enters school in the autumn after
 * she turns {@code entry-age} on or before the entry cut-off day (入学截止日, 08-31 in most
 * counties), and is of compulsory age while her age on this school year's cut-off day is between
 * {@code entry-age} and {@code last-age}. A term starts on each of {@code term-starts}; a child not
 * seen at school since the current term began is not attending.
 */
@Component
class CompulsoryAge {

  private final MonthDay entryCutOff;
  private final int entryAge;
  private final int lastAge;
  private final List<MonthDay> termStarts;

  CompulsoryAge(
      @Value("${baoxue.reconciliation.entry-cut-off:08-31}") String entryCutOff,
      @Value("${baoxue.reconciliation.entry-age:6}") int entryAge,
      @Value("${baoxue.reconciliation.last-age:16}") int lastAge,
      @Value("${baoxue.reconciliation.term-starts:03-01,09-01}") List<String> termStarts) {
    this.entryCutOff = MonthDay.parse("--" + entryCutOff.trim());
    this.entryAge = entryAge;
    this.lastAge = lastAge;
    this.termStarts = termStarts.stream().map(day -> MonthDay.parse("--" + day.trim()))
        .sorted(Comparator.naturalOrder()).toList();
  }

  /** The cut-off day of the school year {@code today} falls in: the school year begins after it. */
  LocalDate cutOff(LocalDate today) {
    LocalDate thisYear = entryCutOff.atYear(today.getYear());
    return today.isAfter(thisYear) ? thisYear : entryCutOff.atYear(today.getYear() - 1);
  }

  /** Born on or before this day: old enough to be due at school this school year. */
  LocalDate bornLatest(LocalDate today) {
    return cutOff(today).minusYears(entryAge);
  }

  /** Born after this day: not yet past the last compulsory age on the cut-off day. */
  LocalDate bornAfter(LocalDate today) {
    return cutOff(today).minusYears(lastAge + 1L);
  }

  /** The first day of the term {@code today} is in. */
  LocalDate termStart(LocalDate today) {
    LocalDate latest = null;
    for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
      for (MonthDay day : termStarts) {
        LocalDate start = day.atYear(year);
        if (!start.isAfter(today) && (latest == null || start.isAfter(latest))) {
          latest = start;
        }
      }
    }
    return latest;
  }

  String describe(LocalDate today) {
    return "以" + cutOff(today) + "为入学截止日，年满" + entryAge + "周岁至" + lastAge + "周岁";
  }
}
