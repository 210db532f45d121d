package cn.baoxue.kernel.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one contract every way of starting a case goes through (发现): the Tasklist report form,
 * Camunda's REST start, the roster import, the attendance feed, and each entry path added later.
 * The fields are the start variables of docs/architecture.md ("names the outside relies on"), as typed and not
 * yet validated; the intake validates them ({@code cases.ReportValidator}) with the same keys, so
 * a refusal names the form field.
 */
public record CaseStart(
    String studentName,
    String studentIdNumber,
    String gender,
    String birthDate,
    String schoolCode,
    String grade,
    String villageCode,
    String guardianName,
    String guardianPhone,
    String reason,
    String source,
    String specialGroups,
    String reportNotes) {

  public static final String STUDENT_NAME = "studentName";
  public static final String STUDENT_ID_NUMBER = "studentIdNumber";
  public static final String GENDER = "gender";
  public static final String BIRTH_DATE = "birthDate";
  public static final String SCHOOL_CODE = "schoolCode";
  public static final String GRADE = "grade";
  public static final String VILLAGE_CODE = "villageCode";
  public static final String GUARDIAN_NAME = "guardianName";
  public static final String GUARDIAN_PHONE = "guardianPhone";
  public static final String REASON = "reason";
  public static final String SOURCE = "source";
  public static final String SPECIAL_GROUPS = "specialGroups";
  public static final String REPORT_NOTES = "reportNotes";

  /** The start variables, in the order of the report form. */
  public static final List<String> VARIABLES = List.of(STUDENT_NAME, STUDENT_ID_NUMBER, GENDER, BIRTH_DATE, SCHOOL_CODE,
      GRADE, VILLAGE_CODE, GUARDIAN_NAME, GUARDIAN_PHONE, REASON, SOURCE, SPECIAL_GROUPS, REPORT_NOTES);

  /** A start as the engine received it, each variable read as text by {@code variableText}. */
  public static CaseStart fromVariables(Function<String, String> variableText) {
    return new CaseStart(
        variableText.apply(STUDENT_NAME),
        variableText.apply(STUDENT_ID_NUMBER),
        variableText.apply(GENDER),
        variableText.apply(BIRTH_DATE),
        variableText.apply(SCHOOL_CODE),
        variableText.apply(GRADE),
        variableText.apply(VILLAGE_CODE),
        variableText.apply(GUARDIAN_NAME),
        variableText.apply(GUARDIAN_PHONE),
        variableText.apply(REASON),
        variableText.apply(SOURCE),
        variableText.apply(SPECIAL_GROUPS),
        variableText.apply(REPORT_NOTES));
  }

  /** The start variables of this start, for the system's own entry paths; absent fields are left out. */
  public Map<String, Object> toVariables() {
    List<String> values = List.of(nullToEmpty(studentName), nullToEmpty(studentIdNumber), nullToEmpty(gender),
        nullToEmpty(birthDate), nullToEmpty(schoolCode), nullToEmpty(grade), nullToEmpty(villageCode),
        nullToEmpty(guardianName), nullToEmpty(guardianPhone), nullToEmpty(reason), nullToEmpty(source),
        nullToEmpty(specialGroups), nullToEmpty(reportNotes));
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < VARIABLES.size(); i++) {
      if (!values.get(i).isEmpty()) {
        variables.put(VARIABLES.get(i), values.get(i));
      }
    }
    return variables;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
