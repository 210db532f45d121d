package cn.baoxue.attendance;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.cases.Student;
import cn.baoxue.cases.StudentRepository;
import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.org.OrgTree;
import cn.baoxue.kernel.identity.OrgUnitType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import cn.baoxue.cases.DropoutReason;
import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.kernel.process.CaseStarter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考勤预警: schools post daily absences; a run of unexcused absences on consecutive school days
 * (weekends, holidays and vacations do not break or count) reaching the threshold opens a case
 * with source ATTENDANCE, once per run.
 */
@Service
public class AttendanceService {

  private final JdbcClient jdbc;
  private final StudentRepository students;
  private final OrgTree orgTree;
  private final WorkingDayCalendar calendar;
  private final CaseStarter caseStarter;
  private final int threshold;

  AttendanceService(JdbcClient jdbc, StudentRepository students, OrgTree orgTree, WorkingDayCalendar calendar,
      CaseStarter caseStarter, @Value("${baoxue.attendance.unexcused-days:3}") int threshold) {
    this.jdbc = jdbc;
    this.students = students;
    this.orgTree = orgTree;
    this.calendar = calendar;
    this.caseStarter = caseStarter;
    this.threshold = threshold;
  }

  /** One absence as posted. */
  public record Absence(String studentIdNumber, String date, Boolean excused) {}

  /** What the post did: the absences recorded and the cases it opened. */
  public record Outcome(int recorded, List<String> openedCases) {}

  @Transactional
  public Outcome record(List<Absence> absences, String reporter, Jurisdiction reporterJurisdiction) {
    Inputs in = new Inputs();
    if (absences == null || absences.isEmpty()) {
      throw new InvalidCaseInputException("没有缺勤记录");
    }
    Map<Student, Map<LocalDate, Boolean>> valid = new LinkedHashMap<>();
    Map<String, Student> byIdNumber = new HashMap<>();
    for (int i = 0; i < absences.size(); i++) {
      Absence absence = absences.get(i);
      String where = "第" + (i + 1) + "条：";
      String field = "absences[" + i + "]";
      String idNumber = absence.studentIdNumber() == null ? "" : absence.studentIdNumber().trim().toUpperCase();
      Student student = byIdNumber.computeIfAbsent(idNumber, id -> students.findByIdNumber(id).orElse(null));
      // Another unit's pupil gets the answer a number nobody holds gets: the feed tells no one where a child studies.
      if (student == null || !jurisdictionOf(student).isWithin(reporterJurisdiction)) {
        in.problem(field + ".studentIdNumber", where + "您管辖范围内没有身份证号为 " + IdNumber.mask(idNumber) + " 的在册学生");
        continue;
      }
      LocalDate date = in.date(field + ".date", absence.date(), where + "缺勤日期");
      if (date != null && date.isAfter(calendar.today())) {
        in.problem(field + ".date", where + "缺勤日期不能晚于今天");
      } else if (date != null && !calendar.isSchoolDay(date)) {
        in.problem(field + ".date", where + date + " 不是上学日（周末、节假日或假期）");
      }
      if (absence.excused() == null) {
        in.problem(field + ".excused", where + "请说明是否请假（excused）");
      }
      if (date != null) {
        valid.computeIfAbsent(student, s -> new HashMap<>()).put(date, Boolean.TRUE.equals(absence.excused()));
      }
    }
    in.check();

    int recorded = 0;
    List<String> opened = new ArrayList<>();
    for (Map.Entry<Student, Map<LocalDate, Boolean>> entry : valid.entrySet()) {
      Student student = entry.getKey();
      for (Map.Entry<LocalDate, Boolean> day : entry.getValue().entrySet()) {
        recorded += upsert(student, day.getKey(), day.getValue(), reporter);
      }
      openCaseIfRunReachesThreshold(student, reporter).ifPresent(opened::add);
    }
    return new Outcome(recorded, opened);
  }

  /** Repeating a day changes nothing but whether it was excused. */
  private int upsert(Student student, LocalDate date, boolean excused, String reporter) {
    int updated = jdbc.sql("update absence set excused = ? where student_id = ? and absence_date = ?")
        .params(excused, student.getId(), date).update();
    if (updated == 0) {
      jdbc.sql("insert into absence (student_id, absence_date, excused, reported_by, recorded_at) values (?, ?, ?, ?, ?)")
          .params(student.getId(), date, excused, reporter, BeijingTime.now()).update();
      return 1;
    }
    return 0;
  }

  private Optional<String> openCaseIfRunReachesThreshold(Student student, String reporter) {
    TreeSet<LocalDate> unexcused = new TreeSet<>(jdbc.sql(
            "select absence_date from absence where student_id = ? and excused = false order by absence_date")
        .param(student.getId()).query(LocalDate.class).list());
    if (unexcused.isEmpty()) {
      return Optional.empty();
    }
    // The run ending at the latest unexcused absence, counted in school days.
    LocalDate day = unexcused.last();
    LocalDate start = day;
    int run = 0;
    while (unexcused.contains(day)) {
      run++;
      start = day;
      day = previousSchoolDay(day);
    }
    if (run < threshold || alreadyAlerted(student, start) || hasOpenCase(student)) {
      return Optional.empty();
    }
    String caseNumber = openCase(student, run, start);
    jdbc.sql("insert into attendance_alert (student_id, streak_start, case_number, recorded_at) values (?, ?, ?, ?)")
        .params(student.getId(), start, caseNumber, BeijingTime.now()).update();
    return Optional.of(caseNumber);
  }

  private LocalDate previousSchoolDay(LocalDate day) {
    LocalDate previous = day.minusDays(1);
    for (int guard = 0; guard < 120 && !calendar.isSchoolDay(previous); guard++) {
      previous = previous.minusDays(1);
    }
    return previous;
  }

  private boolean alreadyAlerted(Student student, LocalDate start) {
    return jdbc.sql("select count(*) from attendance_alert where student_id = ? and streak_start = ?")
        .params(student.getId(), start).query(Integer.class).single() > 0;
  }

  private boolean hasOpenCase(Student student) {
    return jdbc.sql("select count(*) from dropout_case where open_student_id = ?")
        .param(student.getId()).query(Integer.class).single() > 0;
  }

  /** Started as the reporter, so the engine and the case record who raised it. */
  private String openCase(Student student, int run, LocalDate start) {
    return caseStarter.start(new CaseStart(
        student.getName(),
        student.getIdNumber(),
        student.getGender(),
        student.getBirthDate().toString(),
        student.getSchoolCode(),
        String.valueOf(student.getGrade()),
        student.getVillageCode(),
        student.getGuardianName(),
        student.getGuardianPhone(),
        DropoutReason.OTHER.name(),
        CaseSource.ATTENDANCE.name(),
        student.getSpecialGroups(),
        "考勤预警：自" + start + "起连续" + run + "个上学日无故缺勤"));
  }

  private CaseJurisdiction jurisdictionOf(Student student) {
    return orgTree.jurisdictionOf(
        orgTree.find(student.getSchoolCode(), OrgUnitType.SCHOOL).orElseThrow(),
        orgTree.find(student.getVillageCode(), OrgUnitType.VILLAGE).orElseThrow());
  }
}
