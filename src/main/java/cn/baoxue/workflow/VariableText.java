package cn.baoxue.workflow;

import java.text.SimpleDateFormat;
import java.util.Collection;
import java.util.Date;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Process variables as the text the feature services validate. Tasklist, REST clients and
 * scripts send the same field as a string, a number, a date or a JSON list; the services see one
 * form of it.
 */
final class VariableText {

  private VariableText() {}

  static String of(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return new SimpleDateFormat("yyyy-MM-dd").format(date);
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return String.valueOf(number.longValue());
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        return StreamSupport.stream(json.elements().spliterator(), false)
            .map(element -> element.isString() ? element.stringValue() : element.toString())
            .collect(Collectors.joining(","));
      }
      return json.isString() ? json.stringValue() : json.toString();
    }
    return String.valueOf(value);
  }

  static boolean isTrue(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }
}
