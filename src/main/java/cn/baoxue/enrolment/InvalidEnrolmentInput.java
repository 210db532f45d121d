package cn.baoxue.enrolment;

import cn.baoxue.cases.InvalidCaseInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input a 学籍异动 or 转学申请 cannot take, each problem under the JSON key of the field it is
 * about, so a form can point at the field. Still an {@link InvalidCaseInputException}: every
 * caller that answers those with 400 answers these alike.
 */
class InvalidEnrolmentInput extends InvalidCaseInputException {

  private final transient Map<String, List<String>> byField;

  InvalidEnrolmentInput(Map<String, List<String>> byField) {
    super(byField.values().stream().flatMap(List::stream).toList());
    this.byField = byField;
  }

  /** Field key → its problems, joined. */
  Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    byField.forEach((field, problems) -> fields.put(field, String.join("；", problems)));
    return fields;
  }
}
