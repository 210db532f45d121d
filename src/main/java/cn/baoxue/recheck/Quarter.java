package cn.baoxue.recheck;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026Q4}: the period a 季度复核 looks back on. */
public record Quarter(int year, int number) {

  private static final Pattern SPELLING = Pattern.compile("(\\d{4})Q([1-4])");

  public Quarter {
    if (number < 1 || number > 4) {
      throw new IllegalArgumentException("quarter " + number);
    }
  }

  public static Quarter of(LocalDate day) {
    return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  /** The quarter spelled as {@link #toString()} writes it, or null. */
  public static Quarter parse(String spelled) {
    Matcher matcher = spelled == null ? null : SPELLING.matcher(spelled.trim());
    return matcher != null && matcher.matches()
        ? new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))) : null;
  }

  public Quarter previous() {
    return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
  }

  public LocalDate firstDay() {
    return LocalDate.of(year, (number - 1) * 3 + 1, 1);
  }

  public LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  /** 2026年第4季度（10月1日至12月31日） */
  public String label() {
    return year + "年第" + number + "季度（" + firstDay().getMonthValue() + "月1日至" + lastDay().getMonthValue() + "月"
        + lastDay().getDayOfMonth() + "日）";
  }

  @Override
  public String toString() {
    return year + "Q" + number;
  }
}
