package cn.baoxue.org;

import java.util.List;

/**
 * What an upload of org units or staff accounts came to. Not accepted means nothing was written:
 * every bad row is listed with its line as the uploader sees it.
 */
public record ImportOutcome(boolean accepted, int rows, int created, int updated, List<BadRow> badRows) {

  /** One bad row of a refused file: its line, the code or user name and name it gives, and what is wrong. */
  public record BadRow(int line, String key, String name, List<String> problems) {}

  static ImportOutcome refused(int rows, List<BadRow> badRows) {
    return new ImportOutcome(false, rows, 0, 0, badRows);
  }
}
