package cn.baoxue.web;

/** An upload that cannot be read as the expected table at all: not a spreadsheet, or not its columns. */
public class UnreadableUploadException extends RuntimeException {

  public UnreadableUploadException(String message) {
    super(message);
  }

  public UnreadableUploadException(String message, Throwable cause) {
    super(message, cause);
  }
}
