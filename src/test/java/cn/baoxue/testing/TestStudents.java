package cn.baoxue.testing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Children to report in tests: each call yields a new child with a valid 身份证号. */
public final class TestStudents {

  public static final String CHANGAN_SCHOOL = "5306270001";
  public static final String NANTAI_SCHOOL = "5306270002";
  public static final String CHANGAN_VILLAGE = "530627205201";
  public static final String NANTAI_VILLAGE = "530627104201";

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final AtomicInteger SEQUENCE = new AtomicInteger(50);

  private static final AtomicInteger GIRLS = new AtomicInteger();

  private TestStudents() {}

  /** A valid ID number for a child born on the given day; odd sequence for a boy. */
  public static String idNumber(LocalDate birthDate, boolean male) {
    // The 17th digit is odd for boys and even for girls.
    int sequence = (SEQUENCE.incrementAndGet() * 2 + (male ? 1 : 0)) % 1000;
    String body = "530627" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  /** Start variables (docs/architecture.md) for a 12-year-old girl of 长安村小学 living in 长安村. */
  public static Map<String, Object> changanGirl() {
    // A birthday gives 500 girls' 身份证号 and one may have one open case only: a whole run asks for
    // more, so every 200 girls are born a day earlier.
    return changanGirl(LocalDate.now().minusYears(12).minusDays(40 + (GIRLS.getAndIncrement() / 200) % 300));
  }

  /** The same girl born on the given day (within school age), with the 身份证号 of that day. */
  public static Map<String, Object> changanGirl(LocalDate birthDate) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("studentName", "王小梅");
    variables.put("studentIdNumber", idNumber(birthDate, false));
    variables.put("gender", "F");
    variables.put("birthDate", birthDate.toString());
    variables.put("schoolCode", CHANGAN_SCHOOL);
    variables.put("grade", 6);
    variables.put("villageCode", CHANGAN_VILLAGE);
    variables.put("guardianName", "王大山");
    variables.put("guardianPhone", "13800000001");
    variables.put("reason", "WORK");
    variables.put("specialGroups", "LEFT_BEHIND,POOR_REGISTERED");
    return variables;
  }
}
