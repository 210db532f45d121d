package cn.baoxue.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what people typed into a step of a case, collecting a Chinese message for each problem;
 * {@link #check()} throws them all at once, before anything is written.
 */
public final class Inputs {

  static final int MAX_NOTES = 2000;

  private final List<String> problems = new ArrayList<>();

  public static String trim(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.trim();
  }

  public void problem(String message) {
    problems.add(message);
  }

  public List<String> problems() {
    return problems;
  }

  public String text(String raw, String label, boolean required, int maxLength) {
    String value = trim(raw);
    if (value == null) {
      if (required) {
        problems.add(label + "不能为空");
      }
      return null;
    }
    if (value.length() > maxLength) {
      problems.add(label + "不能超过" + maxLength + "个字");
    }
    return value;
  }

  public String notes(String raw, String label, boolean required) {
    return text(raw, label, required, MAX_NOTES);
  }

  public LocalDate date(String raw, String label) {
    String value = trim(raw);
    if (value == null) {
      problems.add(label + "不能为空");
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      problems.add(label + "格式应为 yyyy-MM-dd：" + value);
      return null;
    }
  }

  /** A required code, by its English name or its Chinese label. */
  public <E extends Enum<E> & Coded> E code(Class<E> type, String raw, String label) {
    if (trim(raw) == null) {
      problems.add("请选择" + label);
      return null;
    }
    Optional<E> code = Coded.find(type, raw);
    if (code.isEmpty()) {
      problems.add("未知的" + label + "：" + raw);
    }
    return code.orElse(null);
  }

  public void check() {
    if (!problems.isEmpty()) {
      throw new InvalidCaseInputException(problems);
    }
  }
}
