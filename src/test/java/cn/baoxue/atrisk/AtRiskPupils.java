package cn.baoxue.atrisk;

import cn.baoxue.testing.TestStudents;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pupils registered for the register's tests: each with a birthday, so a 身份证号, of her own. */
final class AtRiskPupils {

  private static final AtomicInteger DAYS = new AtomicInteger(700);

  private AtRiskPupils() {}

  /** A pupil of the school in grade 7, living in the village; her 身份证号. */
  static String register(JdbcTemplate jdbc, String name, String specialGroups, String schoolCode, String villageCode) {
    LocalDate birth = LocalDate.of(2013, 1, 1).plusDays(DAYS.incrementAndGet());
    String idNumber = TestStudents.idNumber(birth, DAYS.get() % 2 == 1);
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    jdbc.update("insert into student (id_number, name, gender, birth_date, school_code, grade, village_code, special_groups,"
            + " created_at, updated_at) values (?, ?, ?, ?, ?, 7, ?, ?, ?, ?)",
        idNumber, name, DAYS.get() % 2 == 1 ? "M" : "F", birth, schoolCode, villageCode, specialGroups, now, now);
    return idNumber;
  }

  static long studentId(JdbcTemplate jdbc, String idNumber) {
    return jdbc.queryForObject("select id from student where id_number = ?", Long.class, idNumber);
  }

  static Long flagOf(JdbcTemplate jdbc, String idNumber) {
    return jdbc.query("select f.id from risk_flag f join student s on s.id = f.student_id where s.id_number = ?",
        rs -> rs.next() ? rs.getLong(1) : null, idNumber);
  }
}
