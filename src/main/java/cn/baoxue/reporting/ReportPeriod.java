package cn.baoxue.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 报告期: a month ({@code 2026-03}), a quarter ({@code 2026-Q1}), a half year ({@code 2026-H1}, 上半年 —
 * the 春季学期; {@code 2026-H2}, 下半年 — the 秋季学期) or a year ({@code 2026}). Each nests in the next,
 * so an upper level's period holds whole periods of the level below (a quarter three months, a half
 * year two quarters, a year two halves).
 */
public record ReportPeriod(Kind kind, String code, LocalDate from, LocalDate to) {

  /** How long a period lasts. */
  public enum Kind {
    MONTH(1, "月报"),
    QUARTER(3, "季报"),
    HALF(6, "学期报告"),
    YEAR(12, "年度报告");

    final int months;
    final String label;

    Kind(int months, String label) {
      this.months = months;
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

  /** The period a code names, or null when the code names none. */
  public static ReportPeriod parse(String code) {
    if (code == null) {
      return null;
    }
    Matcher m;
    if ((m = MONTH.matcher(code)).matches()) {
      return of(Kind.MONTH, YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    if ((m = QUARTER.matcher(code)).matches()) {
      return of(Kind.QUARTER, YearMonth.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1));
    }
    if ((m = HALF.matcher(code)).matches()) {
      return of(Kind.HALF, YearMonth.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 6 + 1));
    }
    if ((m = YEAR.matcher(code)).matches()) {
      return of(Kind.YEAR, YearMonth.of(Integer.parseInt(m.group(1)), 1));
    }
    return null;
  }

  /** The period of the given kind that holds the month. */
  public static ReportPeriod containing(Kind kind, YearMonth month) {
    int first = (month.getMonthValue() - 1) / kind.months * kind.months + 1;
    return of(kind, YearMonth.of(month.getYear(), first));
  }

  private static ReportPeriod of(Kind kind, YearMonth start) {
    int year = start.getYear();
    int index = (start.getMonthValue() - 1) / kind.months + 1;
    String code = switch (kind) {
      case MONTH -> start.toString();
      case QUARTER -> year + "-Q" + index;
      case HALF -> year + "-H" + index;
      case YEAR -> String.valueOf(year);
    };
    return new ReportPeriod(kind, code, start.atDay(1), start.plusMonths(kind.months - 1).atEndOfMonth());
  }

  /** Whether the month is this period's last. */
  public boolean endsWith(YearMonth month) {
    return YearMonth.from(to).equals(month);
  }

  /** The periods of the given (shorter or equal) kind that make up this one. */
  public List<ReportPeriod> parts(Kind shorter) {
    List<ReportPeriod> parts = new ArrayList<>();
    for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(shorter.months)) {
      parts.add(containing(shorter, month));
    }
    return parts;
  }

  /** As a report names it: 2026年3月, 2026年第一季度, 2026年上半年（春季学期）, 2026年度. */
  public String label() {
    int year = from.getYear();
    return switch (kind) {
      case MONTH -> year + "年" + from.getMonthValue() + "月";
      case QUARTER -> year + "年第" + QUARTER_NAMES[(from.getMonthValue() - 1) / 3] + "季度";
      case HALF -> year + (from.getMonthValue() == 1 ? "年上半年（春季学期）" : "年下半年（秋季学期）");
      case YEAR -> year + "年度";
    };
  }
}
