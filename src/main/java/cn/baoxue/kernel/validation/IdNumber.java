package cn.baoxue.kernel.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/** The 18-digit resident ID number of GB 11643: region, birth date, sequence and check digit. */
public final class IdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARS = "10X98765432";
  private static final DateTimeFormatter BIRTH =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private final String value;

  private IdNumber(String value) {
    this.value = value;
  }

  /**
   * What Excel makes of an 18-digit number typed into a cell of the General format: it keeps 15
   * significant digits and shows or saves it as 5.30627E+17; the digits after the 15th are gone.
   */
  public static final String STORED_AS_NUMBER = "身份证号被 Excel 存成了数字，后几位已丢失，请把该列设为文本后重新填写";

  private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?E\\+?[0-9]+");

  /**
   * The number as people type it, spelled the one way: full-width digits and Ｘ (a Chinese input
   * method's full-width mode) as ASCII, a lower-case x as X, spaces and Excel's text-forcing
   * apostrophe dropped. Returns null for null.
   */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder value = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '０' && c <= '９') {
        value.append((char) (c - '０' + '0'));
      } else if (c == 'ｘ' || c == 'Ｘ' || c == 'x') {
        value.append('X');
      } else if (c == 'ｅ' || c == 'Ｅ' || c == 'e') {
        value.append('E');
      } else if (c == '＋') {
        value.append('+');
      } else if (c == '．') {
        value.append('.');
      } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !(i == 0 && c == '\'')) {
        value.append(c);
      }
    }
    return value.toString();
  }

  /** The normalised number (ASCII digits, upper-case X), or a Chinese reason why it is not one. */
  public static IdNumber parse(String raw) {
    String value = raw == null ? "" : normalize(raw);
    if (SCIENTIFIC.matcher(value).matches()) {
      throw new InvalidCaseInputException(STORED_AS_NUMBER);
    }
    if (!value.matches("[0-9]{17}[0-9X]")) {
      throw new InvalidCaseInputException("身份证号须为18位（前17位为数字，末位为数字或X）：" + mask(value));
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (value.charAt(i) - '0') * WEIGHTS[i];
    }
    if (value.charAt(17) != CHECK_CHARS.charAt(sum % 11)) {
      // Excel shows a long number in full when the cell's format is 0, but it kept 15 digits only:
      // the last three read 000. A typo seldom ends so.
      throw new InvalidCaseInputException(value.endsWith("000") ? STORED_AS_NUMBER
          : "身份证号校验位不正确，请核对后重新输入：" + mask(value));
    }
    IdNumber idNumber = new IdNumber(value);
    if (idNumber.birthDate().isEmpty()) {
      throw new InvalidCaseInputException("身份证号中的出生日期无效：" + mask(value));
    }
    return idNumber;
  }

  /** The whole number for its first 17 digits: they followed by their check digit. */
  public static String withCheckDigit(String first17) {
    if (first17 == null || !first17.matches("[0-9]{17}")) {
      throw new IllegalArgumentException("17 digits expected");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK_CHARS.charAt(sum % 11);
  }

  public Optional<LocalDate> birthDate() {
    try {
      return Optional.of(LocalDate.parse(value.substring(6, 14), BIRTH));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The 17th digit is odd for men and even for women. */
  public String gender() {
    return (value.charAt(16) - '0') % 2 == 1 ? "M" : "F";
  }

  public String value() {
    return value;
  }

  /** 530627********1234: enough for a person to recognise, too little to misuse. */
  public static String mask(String value) {
    if (value == null || value.length() < 10) {
      return "***";
    }
    return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
  }
}
