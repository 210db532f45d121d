package cn.baoxue.placement;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.testing.TestStudents;
import java.util.concurrent.atomic.AtomicInteger;

/** Disabled children for tests: each call yields a new valid 身份证号 of a nine-year-old, a birthday of its own. */
final class PlacementChildren {

  private static final AtomicInteger DAYS = new AtomicInteger(200);

  private PlacementChildren() {}

  static String idNumber() {
    return TestStudents.idNumber(BeijingTime.today().minusYears(9).minusDays(DAYS.incrementAndGet()), DAYS.get() % 2 == 0);
  }

  static String child(String idNumber, String name, String villageCode, String schoolCode) {
    return "{\"idNumber\":\"" + idNumber + "\",\"name\":\"" + name + "\",\"category\":\"PHYSICAL\",\"level\":\"LEVEL_2\","
        + "\"villageCode\":\"" + villageCode + "\"" + (schoolCode == null ? "" : ",\"schoolCode\":\"" + schoolCode + "\"") + "}";
  }
}
