package cn.baoxue.kernel.validation;

/**
 * One thing wrong with an input: the key of the field it concerns (the form field's key, the
 * JSON property or the column), so that a form can mark that field, and the Chinese sentence the
 * person who typed it reads. {@code field} is null for a problem of the whole request.
 */
public record Problem(String field, String message) {

  public static Problem of(String message) {
    return new Problem(null, message);
  }
}
