package cn.baoxue.imports;

/** A file that cannot be read as a roster at all: not a spreadsheet, or not the roster's columns. */
class UnreadableRosterException extends RuntimeException {

  UnreadableRosterException(String message) {
    super(message);
  }

  UnreadableRosterException(String message, Throwable cause) {
    super(message, cause);
  }
}
