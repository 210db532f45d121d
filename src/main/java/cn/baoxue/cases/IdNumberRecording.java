package cn.baoxue.cases;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 登记身份证号: a child registered without papers (临时编号) gets her real 身份证号 on her case, by the
 * school, township or county bureau of the case. The number passes every check a report's number
 * passes — checksum, birth date and sex consistent with what was registered (to the month, when
 * only the month was known), the age window — and may belong to no other child: a number another
 * record holds is refused, and the county bureau decides on the duplicate list whether the two are
 * one child. A refusal changes nothing.
 */
@Service
public class IdNumberRecording {

  public static final String ID_NUMBER = "idNumber";
  private static final Set<String> KEYS = Set.of(ID_NUMBER);
  static final String TAKEN = "该身份证号已登记在另一名儿童的记录上，不能重复登记。如为同一名儿童，请县教育局在“疑似重复的儿童记录”页"
      + "（/children/duplicates）核实后合并两条记录";

  private final DropoutCaseRepository cases;
  private final StudentRepository students;
  private final ReportValidator validator;
  private final JdbcClient jdbc;

  IdNumberRecording(DropoutCaseRepository cases, StudentRepository students, ReportValidator validator, JdbcClient jdbc) {
    this.cases = cases;
    this.students = students;
    this.validator = validator;
    this.jdbc = jdbc;
  }

  /** What was recorded: the case, the number as the caller may see it, the provisional number it replaces. */
  public record Recorded(String caseNumber, String studentName, String idNumber, String provisionalNumber, String message) {}

  /** The body of the API: {"idNumber": "…"}; any other key is refused, not ignored. */
  public Recorded record(String caseNumber, Map<String, ?> body, Staff staff) {
    Inputs in = new Inputs();
    if (body == null) {
      in.problem(ID_NUMBER, "请填写身份证号");
      in.check();
    }
    body.keySet().stream().filter(key -> !KEYS.contains(key)).sorted()
        .forEach(key -> in.problem(key, "登记身份证号不接受字段“" + key + "”"));
    Object raw = body.get(ID_NUMBER);
    if (raw != null && !(raw instanceof String)) {
      in.problem(ID_NUMBER, "身份证号须为文字（18位，末位可为X）");
    }
    in.check();
    return record(caseNumber, (String) raw, staff);
  }

  @Transactional
  public Recorded record(String caseNumber, String rawIdNumber, Staff staff) {
    DropoutCase dropoutCase = cases.findByCaseNumber(caseNumber)
        .filter(c -> staff.jurisdiction().covers(c.getSchoolCode(), c.getVillageCode(), c.getTownshipCode(), c.getCountyCode()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在或不在您的管辖范围内"));
    if (!worksOn(staff, dropoutCase)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有案件所在的学校、乡镇或县教育局可以登记儿童的身份证号");
    }
    // The child's row is locked: two people recording her number at once queue, the second finds it recorded.
    jdbc.sql("select id from student where id = ? for update").param(dropoutCase.getStudent().getId()).query(Long.class).single();
    Student student = students.findById(dropoutCase.getStudent().getId()).orElseThrow();
    if (!student.isProvisional()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, student.getName() + "已登记身份证号，无需再登记");
    }

    Inputs in = new Inputs();
    IdNumber idNumber = in.idNumber(ID_NUMBER, rawIdNumber);
    if (idNumber != null) {
      if (!idNumber.gender().equals(student.getGender())) {
        in.problem(ID_NUMBER, "身份证号的性别位与登记的性别（" + ("F".equals(student.getGender()) ? "女" : "男")
            + "）不一致（第17位单数为男、双数为女）");
      }
      LocalDate born = idNumber.birthDate().orElseThrow();
      if (!sameBirth(student, born)) {
        in.problem(ID_NUMBER, "身份证号中的出生日期（" + born + "）与登记的出生日期（" + registeredBirth(student)
            + "）不一致");
      }
      validator.ageProblem(born).ifPresent(problem -> in.problem(ID_NUMBER, problem));
    }
    in.check();
    if (students.findByIdNumber(idNumber.value()).isPresent()) {
      throw new InvalidCaseInputException(ID_NUMBER, TAKEN);
    }
    String provisional = student.getIdNumber();
    student.recordIdNumber(idNumber.value(), idNumber.birthDate().orElseThrow(), staff.userId());
    try {
      students.saveAndFlush(student);
    } catch (DataIntegrityViolationException raced) {
      // Someone registered the number on another child in between: the same refusal, nothing written.
      throw new InvalidCaseInputException(ID_NUMBER, TAKEN);
    }
    PersonalDataPolicy.Disclosure disclosure = PersonalDataPolicy.disclosureFor(staff.groupIds());
    return new Recorded(caseNumber, student.getName(), disclosure.idNumber(idNumber.value()), provisional,
        "已为" + student.getName() + "登记身份证号，临时编号 " + provisional + " 停用");
  }

  /**
   * Staff of the school, township or county bureau of the case: those who work it with the family
   * and read her papers in full. Not the village cadre, the 妇联 or an auditor; an administrator
   * manages accounts, not children.
   */
  static boolean worksOn(Staff staff, DropoutCase c) {
    return (c.getSchoolCode() != null && staff.isMemberOf(GroupIds.school(c.getSchoolCode())))
        || staff.isMemberOf(GroupIds.township(c.getTownshipCode())) || staff.isMemberOf(GroupIds.county(c.getCountyCode()));
  }

  private static boolean sameBirth(Student student, LocalDate born) {
    return student.isBirthDateEstimated()
        ? YearMonth.from(student.getBirthDate()).equals(YearMonth.from(born))
        : student.getBirthDate().equals(born);
  }

  static String registeredBirth(Student student) {
    return student.isBirthDateEstimated()
        ? "约" + YearMonth.from(student.getBirthDate())
        : student.getBirthDate().toString();
  }

  /** For the case page: whether the caller may record the number of this case's child. */
  public boolean mayRecord(DropoutCase c, Staff staff) {
    return c.getStudent().isProvisional() && worksOn(staff, c);
  }
}
