package cn.baoxue.reconciliation;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.web.UploadedTable;
import cn.baoxue.web.UploadedTable.Line;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads each registry file row by row, checks every row and writes the good ones to the run's
 * staging table; a bad row is reported with its file, line and field, and the run is refused after
 * all files are read (the caller's transaction takes the staged rows back).
 */
@Component
class RegistryStaging {

  private static final Pattern UNIT_CODE = Pattern.compile("[0-9]{6,12}");
  private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{7,20}");
  private static final String[] CHINESE_GRADES = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

  private final JdbcTemplate jdbc;
  private final int maxRows;
  private final int maxColumns;

  RegistryStaging(JdbcTemplate jdbc,
      @Value("${baoxue.reconciliation.max-rows:1000000}") int maxRows,
      @Value("${baoxue.imports.max-columns:50}") int maxColumns) {
    this.jdbc = jdbc;
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  /** Stages one file; returns its number of data rows. */
  int stage(long runId, Registry registry, byte[] content, RunArea area, BadRows bad) {
    return switch (registry) {
      case HOUSEHOLD -> household(runId, content, area, bad);
      case ENROLMENT -> enrolment(runId, content, area, bad);
      case ATTENDANCE -> attendance(runId, content, bad);
      case POVERTY -> poverty(runId, content, bad);
      case DISABILITY -> disability(runId, content, bad);
    };
  }

  private <C extends Enum<C> & RegistryColumn> int read(byte[] content, Class<C> columns, Registry registry,
      Consumer<Line<C>> each) {
    return UploadedTable.forEachLine(content, maxRows, maxColumns, columns, registry.label() + "文件", "数据", each);
  }

  private int household(long runId, byte[] content, RunArea area, BadRows bad) {
    try (StagingTable table = new StagingTable(jdbc, "reconciliation_household", "run_id", "line_no", "id_number",
        "name", "gender", "birth_date", "village_code", "township_code", "in_area", "guardian_name", "guardian_phone")) {
      return read(content, HouseholdColumn.class, Registry.HOUSEHOLD, line -> {
        Inputs in = new Inputs();
        String name = in.personName("name", line.get(HouseholdColumn.NAME), "姓名", true, 50);
        IdNumber id = idNumber(in, line.get(HouseholdColumn.ID_NUMBER));
        String gender = gender(in, line.get(HouseholdColumn.GENDER), id);
        LocalDate birth = in.officeDate("birthDate", line.get(HouseholdColumn.BIRTH_DATE), "出生日期");
        if (birth != null && id != null && !id.birthDate().orElseThrow().equals(birth)) {
          in.problem("birthDate", "出生日期 " + birth + " 与身份证号中的出生日期不一致");
        }
        String village = line.get(HouseholdColumn.VILLAGE_CODE);
        String township = village == null ? null : area.townshipOfVillage().get(village);
        if (village == null) {
          in.problem("villageCode", "户籍村代码不能为空");
        } else if (township == null) {
          in.problem("villageCode", "户籍村代码 " + village + " 不是系统中的村（请核对12位村级区划代码）");
        }
        String guardian = in.personName("guardianName", line.get(HouseholdColumn.GUARDIAN_NAME), "监护人", false, 50);
        String phone = line.get(HouseholdColumn.GUARDIAN_PHONE);
        if (phone != null && !PHONE.matcher(phone).matches()) {
          in.problem("guardianPhone", "联系电话应为7–20位数字，可含 + 和 -：" + phone);
        }
        if (in.hasProblems()) {
          bad.addAll(Registry.HOUSEHOLD, line.lineNumber(), in.problems());
          return;
        }
        table.add(runId, line.lineNumber(), id.value(), name, gender, birth, village, township,
            area.areaVillages().contains(village), guardian, phone);
      });
    }
  }

  private int enrolment(long runId, byte[] content, RunArea area, BadRows bad) {
    try (StagingTable table = new StagingTable(jdbc, "reconciliation_enrolment", "run_id", "line_no", "id_number",
        "name", "student_number", "school_code", "grade", "standing", "standing_note", "school_county_code",
        "school_village_code", "school_in_county")) {
      return read(content, EnrolmentColumn.class, Registry.ENROLMENT, line -> {
        Inputs in = new Inputs();
        String name = in.personName("name", line.get(EnrolmentColumn.NAME), "姓名", true, 50);
        IdNumber id = idNumber(in, line.get(EnrolmentColumn.ID_NUMBER));
        String studentNumber = in.text("studentNumber", line.get(EnrolmentColumn.STUDENT_NUMBER), "学籍号", false, 32);
        String schoolCode = line.get(EnrolmentColumn.SCHOOL_CODE);
        if (schoolCode == null) {
          in.problem("schoolCode", "学校代码不能为空");
        } else if (!UNIT_CODE.matcher(schoolCode).matches()) {
          in.problem("schoolCode", "学校代码应为6–12位数字：" + schoolCode);
        }
        Integer grade = grade(in, line.get(EnrolmentColumn.GRADE));
        EnrolmentStanding standing = in.code("standing", EnrolmentStanding.class, line.get(EnrolmentColumn.STANDING), "学籍状态");
        String note = in.text("standingNote", line.get(EnrolmentColumn.STANDING_NOTE), "状态说明", false, 200);
        if (in.hasProblems()) {
          bad.addAll(Registry.ENROLMENT, line.lineNumber(), in.problems());
          return;
        }
        RunArea.School school = area.schools().get(schoolCode);
        table.add(runId, line.lineNumber(), id.value(), name, studentNumber, schoolCode, grade, standing.name(), note,
            school == null ? null : school.countyCode(), school == null ? null : school.villageCode(),
            school != null && school.countyCode().equals(area.countyCode()));
      });
    }
  }

  private int attendance(long runId, byte[] content, BadRows bad) {
    LocalDate today = BeijingTime.today();
    try (StagingTable table = new StagingTable(jdbc, "reconciliation_attendance", "run_id", "line_no", "id_number",
        "school_code", "last_seen")) {
      return read(content, AttendanceColumn.class, Registry.ATTENDANCE, line -> {
        Inputs in = new Inputs();
        IdNumber id = idNumber(in, line.get(AttendanceColumn.ID_NUMBER));
        String schoolCode = line.get(AttendanceColumn.SCHOOL_CODE);
        if (schoolCode == null || !UNIT_CODE.matcher(schoolCode).matches()) {
          in.problem("schoolCode", schoolCode == null ? "学校代码不能为空" : "学校代码应为6–12位数字：" + schoolCode);
        }
        LocalDate lastSeen = in.officeDate("lastSeen", line.get(AttendanceColumn.LAST_SEEN), "最后到校日期");
        if (lastSeen != null && lastSeen.isAfter(today)) {
          in.problem("lastSeen", "最后到校日期不能晚于今天：" + lastSeen);
        }
        if (in.hasProblems()) {
          bad.addAll(Registry.ATTENDANCE, line.lineNumber(), in.problems());
          return;
        }
        table.add(runId, line.lineNumber(), id.value(), schoolCode, lastSeen);
      });
    }
  }

  private int poverty(long runId, byte[] content, BadRows bad) {
    try (StagingTable table = new StagingTable(jdbc, "reconciliation_poverty", "run_id", "line_no", "id_number",
        "head_name", "category")) {
      return read(content, PovertyColumn.class, Registry.POVERTY, line -> {
        Inputs in = new Inputs();
        IdNumber id = idNumber(in, line.get(PovertyColumn.ID_NUMBER));
        String head = in.personName("head", line.get(PovertyColumn.HEAD), "户主", false, 50);
        PovertyCategory category = in.code("category", PovertyCategory.class, line.get(PovertyColumn.CATEGORY), "类别（脱贫户或监测户）");
        if (in.hasProblems()) {
          bad.addAll(Registry.POVERTY, line.lineNumber(), in.problems());
          return;
        }
        table.add(runId, line.lineNumber(), id.value(), head, category.name());
      });
    }
  }

  private int disability(long runId, byte[] content, BadRows bad) {
    try (StagingTable table = new StagingTable(jdbc, "reconciliation_disability", "run_id", "line_no", "id_number",
        "name", "category", "grade")) {
      return read(content, DisabilityColumn.class, Registry.DISABILITY, line -> {
        Inputs in = new Inputs();
        IdNumber id = idNumber(in, line.get(DisabilityColumn.ID_NUMBER));
        String name = in.personName("name", line.get(DisabilityColumn.NAME), "姓名", false, 50);
        String category = in.text("category", line.get(DisabilityColumn.CATEGORY), "残疾类别", true, 32);
        String grade = in.text("grade", line.get(DisabilityColumn.GRADE), "等级", false, 16);
        if (in.hasProblems()) {
          bad.addAll(Registry.DISABILITY, line.lineNumber(), in.problems());
          return;
        }
        table.add(runId, line.lineNumber(), id.value(), name, category, grade);
      });
    }
  }

  /** The number as kernel.validation spells it (lower-case x, full-width digits), checksum checked. */
  private static IdNumber idNumber(Inputs in, String raw) {
    if (raw == null) {
      in.problem("idNumber", "身份证号不能为空");
      return null;
    }
    return in.idNumber("idNumber", raw);
  }

  private static String gender(Inputs in, String raw, IdNumber id) {
    String gender = raw == null ? null : switch (raw.trim()) {
      case "男", "M", "m" -> "M";
      case "女", "F", "f" -> "F";
      default -> null;
    };
    if (gender == null) {
      in.problem("gender", raw == null ? "性别不能为空" : "性别应为男或女：" + raw);
    } else if (id != null && !id.gender().equals(gender)) {
      in.problem("gender", "性别与身份证号第17位不一致");
    }
    return gender;
  }

  /** 1–9, or as schools write it: 七年级, 初一 (grade 7), 一年级. */
  private static Integer grade(Inputs in, String raw) {
    if (raw == null) {
      in.problem("grade", "年级不能为空");
      return null;
    }
    String value = raw.trim().replace("年级", "");
    if (value.endsWith(".0")) {
      value = value.substring(0, value.length() - 2);
    }
    if (value.matches("[1-9]")) {
      return Integer.parseInt(value);
    }
    for (int i = 0; i < CHINESE_GRADES.length; i++) {
      if (value.equals(CHINESE_GRADES[i])) {
        return i + 1;
      }
      if (i < 3 && value.equals("初" + CHINESE_GRADES[i])) {
        return i + 7;
      }
    }
    in.problem("grade", "年级应为1–9（或一年级…九年级、初一…初三）：" + raw);
    return null;
  }
}
