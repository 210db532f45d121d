package cn.baoxue.enrolment;

import cn.baoxue.cases.Inputs;
import cn.baoxue.cases.InvalidCaseInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link Inputs} read field by field, so that each Chinese reason is filed under the JSON key of
 * its field. {@link #check()} refuses them all at once, before anything is written.
 */
final class FieldInputs {

  private final Map<String, List<String>> byField = new LinkedHashMap<>();

  <T> T read(String field, Function<Inputs, T> reading) {
    Inputs in = new Inputs();
    T value;
    try {
      value = reading.apply(in);
    } catch (InvalidCaseInputException e) {
      // Parsers such as IdNumber.parse refuse by throwing; their reasons belong to this field too.
      e.problems().forEach(problem -> problem(field, problem));
      return null;
    }
    in.problems().forEach(problem -> problem(field, problem));
    return value;
  }

  void problem(String field, String message) {
    byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
  }

  boolean fine(String field) {
    return !byField.containsKey(field);
  }

  void check() {
    if (!byField.isEmpty()) {
      throw new InvalidEnrolmentInput(byField);
    }
  }
}
