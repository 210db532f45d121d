package cn.baoxue.enrolment;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.calendar.CalendarProperties;
import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.cases.Student;
import cn.baoxue.cases.StudentRepository;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.kernel.identity.OrgUnitType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 学籍异动: a transfer moves a child from one school's roll to another's; a transfer out of the
 * county takes her off the roll (已转出). The registered counts follow at once.
 */
@Service
public class EnrolmentChanges {

  private final StudentRepository students;
  private final OrgTree orgTree;
  private final JdbcClient jdbc;
  private final WorkingDayCalendar calendar;

  EnrolmentChanges(StudentRepository students, OrgTree orgTree, JdbcClient jdbc, WorkingDayCalendar calendar) {
    this.students = students;
    this.orgTree = orgTree;
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** A change as posted: the new school's code when it is on Baoxue's roll, else its name. */
  public record Change(String type, String date, String toSchoolCode, String otherSchool, String reason) {}

  /** A change as listed in the 异动花名册. */
  public record Listed(LocalDate date, String type, String studentName, String idNumber, String gender, int grade,
      String fromSchool, String toSchool, String reason, String recordedBy) {}

  /**
   * A change the pupil's own school records (转出). Input is checked first, then the pupil: one who
   * is not on the roll of a unit the caller covers gets the answer a number nobody holds gets, so
   * that the refusal tells nobody where another unit's pupil studies. A transfer in (转入) is not
   * recorded here: the receiving school asks for it, see {@link TransferRequests}.
   */
  @Transactional
  public void record(String idNumber, Change change, String user, Jurisdiction jurisdiction) {
    Inputs in = new Inputs();
    EnrolmentChangeType type = in.code("type", EnrolmentChangeType.class, change.type(), "异动类型");
    if (type == EnrolmentChangeType.TRANSFER_IN) {
      in.problem("type", "转入须由转入学校提交转学申请，经转出学校同意后生效");
    }
    LocalDate date = in.date("date", change.date(), "异动日期");
    if (date != null && date.isAfter(calendar.today())) {
      in.problem("date", "异动日期不能晚于今天");
    }
    String reason = in.text("reason", change.reason(), "异动原因", false, 500);
    Optional<OrgUnit> to = Optional.empty();
    if (Inputs.trim(change.toSchoolCode()) != null) {
      to = orgTree.find(change.toSchoolCode().trim(), OrgUnitType.SCHOOL);
      if (to.isEmpty()) {
        in.problem("toSchoolCode", "转入学校代码不存在：" + change.toSchoolCode());
      }
    }
    String otherSchool = in.text("otherSchool", change.otherSchool(), "县外学校名称", false, 100);
    if (type == EnrolmentChangeType.TRANSFER_OUT && to.isEmpty() && otherSchool == null && in.fine("toSchoolCode")) {
      in.problem("toSchoolCode", "转出须填写转入学校代码，或县外学校名称");
    }
    in.check();

    String number = idNumber == null ? "" : idNumber.trim().toUpperCase();
    Student student = students.findByIdNumber(number)
        .filter(s -> jurisdiction.covers(schoolAndItsUnits(s.getSchoolCode()).toArray(String[]::new)))
        .orElse(null);
    if (student == null) {
      in.problem("idNumber", "您管辖范围内没有身份证号为 " + IdNumber.mask(number) + " 的在册学生");
      in.check();
    }
    String from = student.getSchoolCode();
    // The roll is the school's own record (学籍管理): its staff record a change, no other unit.
    if (!jurisdiction.covers(from)) {
      in.problem("idNumber", "只有" + orgTree.name(from) + "可以办理转出");
      in.check();
    }
    move(student.getId(), type, date, from, to.map(OrgUnit::getCode).orElse(null), otherSchool, reason, user);
  }

  /**
   * Moves the pupil on the roll and lists the change: to another school of Baoxue's roll, or off
   * the roll when the new school is outside. Refused with 409 when she is no longer at
   * {@code from} (moved by another change meanwhile); returns the change's id.
   */
  long move(long studentId, EnrolmentChangeType type, LocalDate date, String from, String toCode, String otherSchool,
      String reason, String user) {
    int moved = toCode != null
        ? jdbc.sql("update student set school_code = ?, enrolment_status = 'IN_SCHOOL', updated_at = ? where id = ? and school_code = ?")
            .params(toCode, BeijingTime.now(), studentId, from).update()
        : jdbc.sql("update student set enrolment_status = 'TRANSFERRED_OUT', updated_at = ? where id = ? and school_code = ?")
            .params(BeijingTime.now(), studentId, from).update();
    if (moved != 1) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该学生已不在" + orgTree.name(from) + "在册，不能办理这项异动");
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into enrolment_change (student_id, change_type, change_date, from_school_code, to_school_code, other_school,
          reason, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(studentId, type.name(), date, from, toCode, otherSchool, reason, user, BeijingTime.now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The changes of a term (学期) touching the given unit, from or to. */
  @Transactional(readOnly = true)
  public List<Listed> ofTerm(String termName, String unitCode, Jurisdiction jurisdiction) {
    TermOfChanges term = term(termName);
    return jdbc.sql("""
            select e.change_date, e.change_type, s.name, s.id_number, s.gender, s.grade, e.from_school_code, e.to_school_code,
                   e.other_school, e.reason, e.recorded_by
            from enrolment_change e join student s on s.id = e.student_id
            where e.change_date between ? and ? order by e.change_date, e.id""")
        .params(term.from(), term.to())
        .query((rs, row) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)})
        .list().stream()
        .filter(r -> touches((String) r[6], unitCode, jurisdiction) || touches((String) r[7], unitCode, jurisdiction))
        .map(r -> new Listed((LocalDate) r[0], EnrolmentChangeType.valueOf((String) r[1]).label(), (String) r[2],
            IdNumber.mask((String) r[3]), "F".equals(r[4]) ? "女" : "男", (Integer) r[5], orgTree.name((String) r[6]),
            r[7] != null ? orgTree.name((String) r[7]) : (String) r[8], (String) r[9], (String) r[10]))
        .toList();
  }

  /**
   * A term's 异动花名册 runs from the day after the previous term ended, so the changes of a holiday
   * (the summer's transfers above all) are listed with the term they prepare for.
   */
  public record TermOfChanges(String name, LocalDate from, LocalDate to, LocalDate termStarts) {}

  /** The term asked for by name; without a name, the term under way or, in a holiday, the coming one. */
  public TermOfChanges term(String termName) {
    List<CalendarProperties.SchoolTerm> terms = calendar.schoolTerms();
    LocalDate today = calendar.today();
    int index = termName == null
        ? IntStream.range(0, terms.size()).filter(i -> !terms.get(i).to().isBefore(today)).findFirst().orElse(terms.size() - 1)
        : IntStream.range(0, terms.size()).filter(i -> terms.get(i).name().equals(termName)).findFirst()
            .orElseThrow(() -> new InvalidCaseInputException("没有这个学期：" + termName));
    CalendarProperties.SchoolTerm term = terms.get(index);
    LocalDate from = index == 0 ? term.from() : terms.get(index - 1).to().plusDays(1);
    return new TermOfChanges(term.name(), from, term.to(), term.from());
  }

  public List<String> termNames() {
    return calendar.schoolTerms().stream().map(CalendarProperties.SchoolTerm::name).toList();
  }

  /** A school code lies in the unit asked for and in the reader's jurisdiction. */
  private boolean touches(String schoolCode, String unitCode, Jurisdiction jurisdiction) {
    List<String> units = schoolAndItsUnits(schoolCode);
    return !units.isEmpty() && (unitCode == null || units.contains(unitCode)) && jurisdiction.covers(units.toArray(String[]::new));
  }

  /** The school's code, its village's, its township's and its county's; nothing for an unknown school. */
  private List<String> schoolAndItsUnits(String schoolCode) {
    OrgUnit school = schoolCode == null ? null : orgTree.find(schoolCode, OrgUnitType.SCHOOL).orElse(null);
    if (school == null) {
      return List.of();
    }
    return Stream.of(Optional.of(school.getCode()), Optional.ofNullable(school.getParentCode()),
            orgTree.ancestor(school, OrgUnitType.TOWNSHIP).map(OrgUnit::getCode),
            orgTree.ancestor(school, OrgUnitType.COUNTY).map(OrgUnit::getCode))
        .flatMap(Optional::stream).toList();
  }
}
