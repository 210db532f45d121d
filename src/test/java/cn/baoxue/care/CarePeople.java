package cn.baoxue.care;

import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** People to pair in tests: each call yields a new valid 身份证号, a birthday of its own. */
final class CarePeople {

  private static final AtomicInteger DAYS = new AtomicInteger();

  private CarePeople() {}

  static String idNumber() {
    return TestStudents.idNumber(LocalDate.now().minusYears(9).minusDays(DAYS.incrementAndGet()), DAYS.get() % 2 == 0);
  }
}
