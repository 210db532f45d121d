package cn.baoxue.kernel.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people typed into a step of a case, collecting a Chinese message for each problem
 * with the key of its field; {@link #check()} throws them all at once, before anything is written.
 */
public final class Inputs {

  static final int MAX_NOTES = 2000;
  /**
   * A person's name: letters of any script, digits (namesakes are told apart by them), the middle
   * dot of minority and foreign names (阿依古丽·买买提), spaces and hyphens. Names travel into
   * ledgers, exports and messages; markup, expressions and formulas have no place in them.
   */
  private static final Pattern PERSON_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}·・．. -]+");

  private static final Pattern DATE_WITH_OPTIONAL_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

  private final List<Problem> problems = new ArrayList<>();

  public static String trim(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.trim();
  }

  public void problem(String field, String message) {
    problems.add(new Problem(field, message));
  }

  public void addAll(List<Problem> found) {
    problems.addAll(found);
  }

  public List<Problem> problems() {
    return problems;
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Whether nothing is wrong with this field so far (later checks of it would only repeat). */
  public boolean fine(String field) {
    return problems.stream().noneMatch(problem -> field.equals(problem.field()));
  }

  /** A 身份证号 (checksum, birth date), upper-cased; null with the problem filed under the field. */
  /**
   * Refuses each field of a request body that the command does not declare, naming it: a
   * misspelt or extra field is an error, never silently dropped.
   */
  public void onlyFields(java.util.Collection<String> present, java.util.Collection<String> declared, String what) {
    for (String field : present) {
      if (!declared.contains(field)) {
        problem(field, what + "不接受字段“" + field + "”");
      }
    }
  }

  public IdNumber idNumber(String field, String raw) {
    try {
      return IdNumber.parse(raw);
    } catch (InvalidCaseInputException e) {
      e.problems().forEach(problem -> problem(field, problem));
      return null;
    }
  }

  public String text(String field, String raw, String label, boolean required, int maxLength) {
    String value = trim(raw);
    if (value == null) {
      if (required) {
        problem(field, label + "不能为空");
      }
      return null;
    }
    if (value.length() > maxLength) {
      problem(field, label + "不能超过" + maxLength + "个字");
    }
    return value;
  }

  /** A person's name as typed, at most {@code maxLength} characters, of the characters names have. */
  public String personName(String field, String raw, String label, boolean required, int maxLength) {
    String value = text(field, raw, label, required, maxLength);
    if (value != null && value.length() <= maxLength && !PERSON_NAME.matcher(value).matches()) {
      problem(field, label + "只能包含文字、数字、间隔号“·”、空格和连字符");
    }
    return value;
  }

  public String notes(String field, String raw, String label, boolean required) {
    return text(field, raw, label, required, MAX_NOTES);
  }

  public LocalDate date(String field, String raw, String label) {
    String value = trim(raw);
    if (value == null) {
      problem(field, label + "不能为空");
      return null;
    }
    // Tasklist's date fields and some clients send a date with a time of day; nothing else may follow.
    if (!DATE_WITH_OPTIONAL_TIME.matcher(value).matches()) {
      problem(field, label + "格式应为 yyyy-MM-dd：" + value);
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 10));
    } catch (DateTimeParseException e) {
      problem(field, label + "格式应为 yyyy-MM-dd：" + value);
      return null;
    }
  }

  /** How {@link #officeDate} refuses a day it cannot read, with the spellings it can. */
  static final String OFFICE_DATE_SPELLINGS = "可写作 2016-02-25、2016/2/25、2016.2.25、2016年2月25日 或 20160225";

  private static final Pattern YEAR_MONTH_DAY =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?([T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?");
  private static final Pattern EIGHT_DIGITS = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  /** Excel's day numbers (1 = 1900-01-01, counting its phantom 1900-02-29) from 1927 to 2173. */
  private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.0+)?");
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  /**
   * A day as Chinese offices write it in their spreadsheets, year first: 2016-02-25, 2016/2/25,
   * 2016.2.25, 2016年2月25日 (full-width digits too), 20160225, or the day number Excel keeps for a
   * date cell. Empty when it is none of those or no such day exists (2016-02-30). Day-first and
   * month-first spellings are ambiguous and never read.
   */
  public static Optional<LocalDate> officeDay(String raw) {
    String value = trim(raw);
    if (value == null) {
      return Optional.empty();
    }
    value = halfWidthDigits(value);
    try {
      Matcher ymd = YEAR_MONTH_DAY.matcher(value);
      if (ymd.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)),
            Integer.parseInt(ymd.group(3))));
      }
      Matcher digits = EIGHT_DIGITS.matcher(value);
      if (digits.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(digits.group(1)), Integer.parseInt(digits.group(2)),
            Integer.parseInt(digits.group(3))));
      }
      if (EXCEL_SERIAL.matcher(value).matches()) {
        return Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(value.substring(0, 5))));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A required day from a spreadsheet, in any spelling of {@link #officeDay}. */
  public LocalDate officeDate(String field, String raw, String label) {
    String value = trim(raw);
    if (value == null) {
      problem(field, label + "不能为空");
      return null;
    }
    Optional<LocalDate> day = officeDay(value);
    if (day.isEmpty()) {
      problem(field, label + "无法识别：" + value + "（" + OFFICE_DATE_SPELLINGS + "）");
    }
    return day.orElse(null);
  }

  private static String halfWidthDigits(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c >= '０' && c <= '９') {
        out.append((char) (c - '０' + '0'));
      } else if (c == '／') {
        out.append('/');
      } else if (c == '－') {
        out.append('-');
      } else if (c == '．') {
        out.append('.');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A required code, by its English name or its Chinese label. */
  public <E extends Enum<E> & Coded> E code(String field, Class<E> type, String raw, String label) {
    if (trim(raw) == null) {
      problem(field, "请选择" + label);
      return null;
    }
    Optional<E> code = Coded.find(type, raw);
    if (code.isEmpty()) {
      problem(field, "未知的" + label + "：" + raw);
    }
    return code.orElse(null);
  }

  public void check() {
    if (!problems.isEmpty()) {
      throw new InvalidCaseInputException(problems);
    }
  }
}
