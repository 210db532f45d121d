package cn.baoxue.reconciliation;

import cn.baoxue.kernel.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The refusal report of a run: every bad row counted, the first {@link #KEPT} listed with file,
 * line, field key and the Chinese reason. A county's file with a wrong column can be bad on every
 * one of 300,000 rows; the list stays bounded, the count does not.
 */
final class BadRows {

  static final int KEPT = 1000;

  /** One problem of one row: {@code field} is the refusal's key, {@code household[12].idNumber}. */
  record BadRow(String file, int line, String field, String message) {}

  private final List<BadRow> kept = new ArrayList<>();
  private int count;

  void add(Registry registry, int line, String key, String message) {
    count++;
    if (kept.size() < KEPT) {
      // Line 0 is the file as a whole (unreadable, wrong header).
      kept.add(new BadRow(registry.key(), line, line == 0 ? registry.key() : registry.key() + "[" + line + "]." + key,
          (line == 0 ? registry.label() + "文件" : registry.line(line)) + "：" + message));
    }
  }

  void addAll(Registry registry, int line, List<Problem> problems) {
    problems.forEach(problem -> add(registry, line, problem.field(), problem.message()));
  }

  boolean isEmpty() {
    return count == 0;
  }

  int count() {
    return count;
  }

  List<BadRow> kept() {
    return List.copyOf(kept);
  }
}
