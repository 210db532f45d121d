package cn.baoxue.imports;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.cases.EnrolmentStatus;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.cases.StudentRoster;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.cases.StudentRoster.RegisteredAt;
import cn.baoxue.cases.StudentRoster.Registration;
import cn.baoxue.cases.StudentRoster.RosterStudent;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.web.UnreadableUploadException;
import cn.baoxue.web.UploadedTable;
import cn.baoxue.web.UploadedTable.Line;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.kernel.process.CaseStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a roster (花名册导入): every row is checked before anything is written; one bad row
 * refuses the whole file, with a report of every bad row. A good file registers or updates each
 * child and opens a {@code dropout-case} for each child reported out of school who has no case
 * open, all in one transaction.
 *
 * <p>The cases are started as the uploader, not as the system: the engine then checks her right
 * to start cases, the start listener checks her jurisdiction once more, and each case records
 * who reported it.
 */
@Service
public class RosterImportService {

  private static final Logger log = LoggerFactory.getLogger(RosterImportService.class);

  private final StudentRoster roster;
  private final CaseStarter caseStarter;
  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final int maxRows;
  private final int maxColumns;

  @PersistenceContext private EntityManager entityManager;

  RosterImportService(
      StudentRoster roster,
      CaseStarter caseStarter,
      IdentityService identityService,
      JdbcClient jdbc,
      @Value("${baoxue.imports.max-rows:100000}") int maxRows,
      @Value("${baoxue.imports.max-columns:50}") int maxColumns) {
    this.roster = roster;
    this.caseStarter = caseStarter;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  /** One bad row of a refused file. */
  public record BadRow(int line, String idNumber, String name, List<String> problems) {}

  /** What an upload came to; {@code accepted} false means nothing but this record was written. */
  public record Outcome(
      String importId,
      boolean accepted,
      int rows,
      int registered,
      int updated,
      List<String> caseNumbers,
      int alreadyOpen,
      List<BadRow> badRows) {}

  /**
   * Browsers send a file's bare name. A name with a path in it, or control characters, comes from
   * a crafted request; it is stored and shown on the import record, so it is refused outright.
   */
  private static void requirePlainFileName(String fileName) {
    if (fileName != null && (fileName.length() > 255 || fileName.contains("/") || fileName.contains("\\")
        || fileName.contains("..") || fileName.chars().anyMatch(Character::isISOControl))) {
      throw new UnreadableUploadException("文件名不合法：只能是文件本身的名字，不能含路径、“..”或控制字符");
    }
  }

  @Transactional
  public Outcome importRoster(String fileName, byte[] content, Staff uploader) {
    if (!mayImportAtAll(uploader)) {
      throw new InvalidCaseInputException("只有县教育局和学校的工作人员可以导入花名册");
    }
    requirePlainFileName(fileName);
    long started = System.nanoTime();
    List<Line<RosterColumn>> lines = UploadedTable.read(content, maxRows, maxColumns, RosterColumn.class, "花名册", "学生");
    long read = System.nanoTime();
    List<BadRow> bad = new ArrayList<>();
    List<RosterStudent> good = new ArrayList<>(lines.size());
    Map<String, Integer> firstLineOf = new HashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    Map<String, RegisteredAt> registeredAt = roster.registeredAt(lines.stream().map(line -> line.get(RosterColumn.ID_NUMBER))
        .filter(Objects::nonNull).map(IdNumber::normalize).toList());
    for (Line<RosterColumn> line : lines) {
      List<String> problems = new ArrayList<>();
      RosterStudent student = check(line, uploader, problems);
      if (student != null && problems.isEmpty() && !mayMove(uploader, registeredAt.get(student.idNumber()), student)) {
        // A school's roster registers its own pupils; it cannot take another school's by listing her
        // (转学 needs the sending school's consent). The row says she is on another roll, not which.
        problems.add("身份证号为 " + IdNumber.mask(student.idNumber()) + " 的学生已在其他学校在册，不能通过花名册转入；请在学籍异动页提交转学申请");
      }
      String idNumber = line.get(RosterColumn.ID_NUMBER);
      if (idNumber != null) {
        Integer first = firstLineOf.putIfAbsent(IdNumber.normalize(idNumber), line.lineNumber());
        if (first != null) {
          problems.add("身份证号与第" + first + "行重复，同一学生在文件中只能出现一次");
        }
      }
      if (problems.isEmpty()) {
        good.add(student);
        lineOf.put(student.idNumber(), line.lineNumber());
      } else {
        bad.add(new BadRow(line.lineNumber(), idNumber, line.get(RosterColumn.NAME), problems));
      }
    }
    String importId = UUID.randomUUID().toString();
    long checked = System.nanoTime();
    if (!bad.isEmpty()) {
      record(importId, fileName, uploader, lines.size(), bad, null, List.of());
      return new Outcome(importId, false, lines.size(), 0, 0, List.of(), 0, bad);
    }
    Registration registration = roster.register(good);
    long registered = System.nanoTime();
    Set<String> open = roster.withOpenCase(good.stream().filter(s -> opensCase(s)).map(RosterStudent::idNumber).toList());
    List<String> caseNumbers = new ArrayList<>();
    identityService.setAuthentication(uploader.userId(), uploader.groupIds());
    try {
      for (RosterStudent student : good) {
        if (opensCase(student) && !open.contains(student.idNumber())) {
          caseNumbers.add(openCase(student, fileName, lineOf.get(student.idNumber())));
          // Each start leaves its student and case managed; a growing persistence context makes
          // every later start's auto-flush slower.
          entityManager.flush();
          entityManager.clear();
        }
      }
    } finally {
      identityService.clearAuthentication();
    }
    record(importId, fileName, uploader, lines.size(), List.of(), registration, caseNumbers);
    log.info(
        "Roster import {} by {}: {} rows read in {} ms, checked in {} ms, registered in {} ms, {} cases opened in {} ms",
        importId, uploader.userId(), lines.size(), (read - started) / 1_000_000, (checked - read) / 1_000_000,
        (registered - checked) / 1_000_000, caseNumbers.size(), (System.nanoTime() - registered) / 1_000_000);
    return new Outcome(
        importId, true, lines.size(), registration.registered(), registration.updated(), caseNumbers, open.size(), List.of());
  }

  /** The refusal report of an upload, as CSV text; empty if unknown or not the caller's. */
  @Transactional(readOnly = true)
  public Optional<String> report(String importId, Staff caller) {
    return jdbc.sql("select uploaded_by, report from roster_import where id = ?")
        .param(importId)
        .query((rs, n) -> caller.isAdmin() || caller.userId().equals(rs.getString(1)) ? rs.getString(2) : null)
        .optional()
        .filter(report -> report != null);
  }

  private RosterStudent check(Line<RosterColumn> line, Staff uploader, List<String> problems) {
    EnrolmentStatus enrolment = null;
    String enrolmentText = line.get(RosterColumn.ENROLMENT);
    if (enrolmentText == null) {
      problems.add("在校状态不能为空（在校、疑似辍学或辍学）");
    } else {
      enrolment = Coded.find(EnrolmentStatus.class, enrolmentText).orElse(null);
      if (enrolment == null) {
        problems.add("未知的在校状态：" + enrolmentText + "（应为在校、疑似辍学或辍学）");
      }
    }
    boolean opensCase = enrolment != null && enrolment.opensCase();
    CaseStart report =
        new CaseStart(
            line.get(RosterColumn.NAME),
            line.get(RosterColumn.ID_NUMBER),
            gender(line.get(RosterColumn.GENDER)),
            line.get(RosterColumn.BIRTH_DATE),
            line.get(RosterColumn.SCHOOL_CODE),
            line.get(RosterColumn.GRADE),
            line.get(RosterColumn.VILLAGE_CODE),
            line.get(RosterColumn.GUARDIAN_NAME),
            line.get(RosterColumn.GUARDIAN_PHONE),
            line.get(RosterColumn.REASON),
            CaseSource.IMPORT.name(),
            line.get(RosterColumn.SPECIAL_GROUPS),
            null);
    try {
      RosterStudent student = roster.check(report, opensCase, enrolment == null ? null : enrolment.name());
      if (!mayImport(uploader, student)) {
        problems.add(
            "您无权导入" + student.jurisdiction().school().getName() + "的学生（学校只能导入本校学生，县教育局只能导入本县学生）");
      }
      return student;
    } catch (InvalidCaseInputException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** 男/女 as on the roster; M/F as the API says it. */
  private static String gender(String raw) {
    if ("男".equals(raw)) {
      return "M";
    }
    if ("女".equals(raw)) {
      return "F";
    }
    return raw;
  }

  private static boolean opensCase(RosterStudent student) {
    return EnrolmentStatus.valueOf(student.enrolmentStatus()).opensCase();
  }

  private static boolean mayImportAtAll(Staff staff) {
    return staff.isAdmin()
        || staff.groupIds().stream().map(GroupIds::kindOf)
            .anyMatch(kind -> kind == GroupIds.Kind.SCHOOL || kind == GroupIds.Kind.COUNTY);
  }

  /**
   * Whether the row may move a registered pupil to the row's school: she is new, already there, or
   * the uploader answers for her present school too (its staff, its county bureau, the administrator).
   */
  private static boolean mayMove(Staff staff, RegisteredAt current, RosterStudent student) {
    // A child known with no 学籍 is on no school's roll: any school may enrol her (that is the point).
    if (current == null || current.schoolCode() == null || current.schoolCode().equals(student.jurisdiction().school().getCode())) {
      return true;
    }
    return staff.isAdmin() || staff.isMemberOf(GroupIds.school(current.schoolCode()))
        || staff.isMemberOf(GroupIds.county(current.countyCode()));
  }

  private static boolean mayImport(Staff staff, RosterStudent student) {
    return staff.isAdmin()
        || staff.isMemberOf(GroupIds.school(student.jurisdiction().school().getCode()))
        || staff.isMemberOf(GroupIds.county(student.jurisdiction().county().getCode()));
  }

  private String openCase(RosterStudent student, String fileName, int line) {
    return caseStarter.start(new CaseStart(
        student.name(),
        student.idNumber(),
        student.gender(),
        student.birthDate().toString(),
        student.jurisdiction().school().getCode(),
        String.valueOf(student.grade()),
        student.jurisdiction().village().getCode(),
        student.guardianName(),
        student.guardianPhone(),
        student.reason(),
        CaseSource.IMPORT.name(),
        student.specialGroups(),
        "花名册导入（" + (fileName == null ? "" : fileName + "，") + "第" + line + "行）：在校状态为"
            + EnrolmentStatus.valueOf(student.enrolmentStatus()).label()));
  }

  private void record(
      String importId,
      String fileName,
      Staff uploader,
      int rows,
      List<BadRow> bad,
      Registration registration,
      List<String> caseNumbers) {
    jdbc.sql(
            """
            insert into roster_import (id, file_name, uploaded_by, uploaded_at, row_count, bad_rows, accepted,
              registered, updated, cases_opened, report)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            importId,
            fileName == null ? null : fileName.substring(0, Math.min(255, fileName.length())),
            uploader.userId(),
            BeijingTime.now(),
            rows,
            bad.size(),
            bad.isEmpty(),
            registration == null ? 0 : registration.registered(),
            registration == null ? 0 : registration.updated(),
            caseNumbers.size(),
            bad.isEmpty() ? null : reportCsv(bad))
        .update();
  }

  static String reportCsv(List<BadRow> bad) {
    StringBuilder csv = new StringBuilder("行号,身份证号,姓名,问题\r\n");
    for (BadRow row : bad) {
      csv.append(row.line())
          .append(',')
          .append(quote(row.idNumber()))
          .append(',')
          .append(quote(row.name()))
          .append(',')
          .append(quote(String.join("；", row.problems())))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String quote(String value) {
    if (value == null) {
      return "";
    }
    // A leading = + - @ would make Excel run the cell as a formula.
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
