package cn.baoxue.reporting;

import java.util.List;

/**
 * The figures of a report (the rows of the official layout), each a field of the report task's form
 * ({@code forms/submit-report.form}) with the field of its correction's reason beside it.
 */
public enum ReportFigure {
  STUDENTS("students", "在册适龄学生数"),
  NEW_CASES("newCases", "本期新发现疑似辍学人数"),
  CONFIRMED("confirmed", "本期核实确认辍学人数"),
  RETURNED("returned", "本期劝返复学人数"),
  OPEN_CASES("openCases", "期末未销号辍学人数");

  private final String key;
  private final String label;

  ReportFigure(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The form field and process variable. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** The form field of the reason given when the submitted figure differs from the counted one. */
  public String reasonKey() {
    return key + "Reason";
  }

  /** The process variable holding the figure as counted (shown beside the field, never submitted). */
  public String computedKey() {
    return "computed" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }

  public static List<ReportFigure> all() {
    return List.of(values());
  }
}
