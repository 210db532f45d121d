package cn.baoxue.imports;

import java.util.Map;

/** One data row of a roster file as typed, with its line number as the uploader sees it. */
record RosterLine(int lineNumber, Map<RosterColumn, String> values) {

  String get(RosterColumn column) {
    String value = values.get(column);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
