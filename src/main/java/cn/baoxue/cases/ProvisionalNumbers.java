package cn.baoxue.cases;

import java.util.regex.Pattern;

/**
 * 临时编号: the number Baoxue gives a child found without a 身份证号 (铁脚板摸排), until her real one is
 * recorded. {@code T} + the county's 6-digit code + an 11-digit sequence of that county: 18
 * characters like a 身份证号, so it fits wherever one is kept, yet never one — no 身份证号 starts
 * with a letter — and unique, since each county counts its own.
 */
public final class ProvisionalNumbers {

  static final String PREFIX = "T";
  private static final Pattern FORM = Pattern.compile("T[0-9]{17}");

  private ProvisionalNumbers() {}

  public static boolean isProvisional(String idNumber) {
    return idNumber != null && FORM.matcher(idNumber).matches();
  }
}
