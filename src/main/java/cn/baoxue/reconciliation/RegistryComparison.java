package cn.baoxue.reconciliation;

import cn.baoxue.kernel.validation.IdNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 三比对 by SQL joins over a run's staging tables: the database compares 300,000 户籍 rows with
 * 300,000 学籍 rows by its indexes and hash joins, and only the children found come back to Java,
 * where their reasons are written. Every reason names the rows behind it (file and line).
 */
@Component
class RegistryComparison {

  private final JdbcClient jdbc;

  RegistryComparison(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What the run compares against: the age window and the term, computed once for the run. */
  record Window(LocalDate bornAfter, LocalDate bornLatest, LocalDate termStart, String ageRule) {}

  List<Finding> compare(long runId, RunArea area, Window window, boolean withAttendance, boolean withDisability) {
    List<Finding> findings = new ArrayList<>();
    List<Finding> disabled = withDisability ? disabledUnplaced(runId, area, window) : List.of();
    Map<String, Finding> disabledById = new HashMap<>();
    disabled.forEach(finding -> disabledById.put(finding.idNumber, finding));
    findings.addAll(notEnrolledOrOutside(runId, window, disabledById));
    findings.addAll(notAttending(runId, area, window, withAttendance));
    findings.addAll(disabled);
    return findings;
  }

  /**
   * 户籍 against 学籍: children of compulsory age living in the area with no 学籍 at a school of the
   * county (a 学籍 in any state but 转出: on its own a transfer out is no 学籍). One with a 学籍 elsewhere is ENROLLED_OUTSIDE (unless that 学籍 says she finished); a
   * child in the 残联 file is left to {@link #disabledUnplaced}.
   */
  private List<Finding> notEnrolledOrOutside(long runId, Window window, Map<String, Finding> disabled) {
    return jdbc.sql("""
            select h.line_no, h.id_number, h.name, h.gender, h.birth_date, h.village_code, h.township_code,
                   h.guardian_name, h.guardian_phone,
                   o.line_no as o_line, o.school_code as o_school, o.school_county_code as o_county, o.standing as o_standing
            from reconciliation_household h
            left join reconciliation_enrolment o
              on o.run_id = h.run_id and o.id_number = h.id_number and o.school_in_county = false
                 and o.standing <> 'TRANSFERRED_OUT'
            where h.run_id = :run and h.in_area = true and h.birth_date > :bornAfter and h.birth_date <= :bornLatest
              and not exists (select 1 from reconciliation_enrolment e
                              where e.run_id = h.run_id and e.id_number = h.id_number and e.school_in_county = true
                                and e.standing <> 'TRANSFERRED_OUT')
            order by h.line_no""")
        .param("run", runId).param("bornAfter", window.bornAfter()).param("bornLatest", window.bornLatest())
        .query((rs, n) -> {
          String idNumber = rs.getString("id_number");
          if (disabled.containsKey(idNumber)) {
            return null;
          }
          String outsideStanding = rs.getString("o_standing");
          if ("GRADUATED".equals(outsideStanding) || "COMPLETED".equals(outsideStanding)) {
            return null;
          }
          String household = Registry.HOUSEHOLD.line(rs.getInt("line_no"));
          LocalDate birth = rs.getObject("birth_date", LocalDate.class);
          if (outsideStanding != null) {
            return new Finding(FindingType.ENROLLED_OUTSIDE, idNumber, rs.getString("name"), rs.getString("gender"), birth,
                rs.getString("village_code"), rs.getString("township_code"), rs.getString("o_school"), null,
                rs.getString("o_county"), rs.getString("guardian_name"), rs.getString("guardian_phone"))
                .reason(household + "：户籍在本辖区，出生日期" + birth + "，属适龄儿童（" + window.ageRule() + "）")
                .reason(Registry.ENROLMENT.line(rs.getInt("o_line")) + "：学籍在外县学校（学校代码" + rs.getString("o_school")
                    + "），学籍状态为" + EnrolmentStanding.valueOf(outsideStanding).label() + "；本县学校无其学籍");
          }
          return new Finding(FindingType.NOT_ENROLLED, idNumber, rs.getString("name"), rs.getString("gender"), birth,
              rs.getString("village_code"), rs.getString("township_code"), null, null, null,
              rs.getString("guardian_name"), rs.getString("guardian_phone"))
              .reason(household + "：户籍在本辖区，出生日期" + birth + "，属适龄儿童（" + window.ageRule() + "）")
              .reason("学籍文件中没有该身份证号的在籍记录（本县及外县学校均无）");
        })
        .list().stream().filter(finding -> finding != null).toList();
  }

  /**
   * 学籍 against who is in school (名在人不在): a 学籍 在读 at a school of the county but not seen at
   * school since the term began, or 休学 with no reason stated. Whose child it is: the 户籍 village's,
   * or the school's village when the 户籍 file does not list the child.
   */
  private List<Finding> notAttending(long runId, RunArea area, Window window, boolean withAttendance) {
    return jdbc.sql("""
            select e.line_no, e.id_number, e.name, e.school_code, e.grade, e.standing, e.school_village_code,
                   h.line_no as h_line, h.gender, h.birth_date, h.village_code, h.township_code, h.in_area,
                   h.guardian_name, h.guardian_phone,
                   a.line_no as a_line, a.last_seen, a.school_code as a_school
            from reconciliation_enrolment e
            left join reconciliation_household h on h.run_id = e.run_id and h.id_number = e.id_number
            left join reconciliation_attendance a on a.run_id = e.run_id and a.id_number = e.id_number
            where e.run_id = :run and e.school_in_county = true
              and ((e.standing = 'SUSPENDED' and e.standing_note is null)
                or (e.standing = 'ENROLLED' and :withAttendance = true and (a.last_seen is null or a.last_seen < :termStart)))
            order by e.line_no""")
        .param("run", runId).param("withAttendance", withAttendance).param("termStart", window.termStart())
        .query((rs, n) -> notAttending(rs, area, window))
        .list().stream().filter(finding -> finding != null).toList();
  }

  private static Finding notAttending(ResultSet rs, RunArea area, Window window) throws SQLException {
    String idNumber = rs.getString("id_number");
    boolean listed = rs.getObject("h_line") != null;
    String village = listed ? rs.getString("village_code") : rs.getString("school_village_code");
    if (listed ? !rs.getBoolean("in_area") : !area.areaVillages().contains(village)) {
      return null;
    }
    IdNumber id = IdNumber.parse(idNumber);
    Finding finding = new Finding(FindingType.NOT_ATTENDING, idNumber, rs.getString("name"),
        listed ? rs.getString("gender") : id.gender(),
        listed ? rs.getObject("birth_date", LocalDate.class) : id.birthDate().orElseThrow(),
        village, area.townshipOfVillage().get(village), rs.getString("school_code"), rs.getInt("grade"), area.countyCode(),
        listed ? rs.getString("guardian_name") : null, listed ? rs.getString("guardian_phone") : null);
    String enrolment = Registry.ENROLMENT.line(rs.getInt("line_no"));
    if ("SUSPENDED".equals(rs.getString("standing"))) {
      return finding.reason(enrolment + "：学籍状态为休学，但未注明休学原因（状态说明为空）");
    }
    finding.reason(enrolment + "：在本县学校（学校代码" + rs.getString("school_code") + "）" + rs.getInt("grade") + "年级在读");
    if (rs.getObject("a_line") == null) {
      finding.reason("在校情况文件中没有该学生，本学期（" + window.termStart() + "起）未见到校");
    } else {
      finding.reason(Registry.ATTENDANCE.line(rs.getInt("a_line")) + "：最后到校日期为" + rs.getObject("last_seen", LocalDate.class)
          + "，本学期（" + window.termStart() + "起）未见到校");
    }
    if (listed) {
      finding.reason(Registry.HOUSEHOLD.line(rs.getInt("h_line")) + "：户籍在本辖区");
    } else {
      finding.reason("户籍文件中没有该学生，按学校所在村归属");
    }
    return finding;
  }

  /**
   * 残联 against 学籍: a disabled child of compulsory age with no 学籍 that places her — at a school,
   * anywhere, or taught at home (送教上门). Whose child it is: the 户籍 village's; a child missing from
   * the 户籍 file is the county's when the county runs the comparison.
   */
  private List<Finding> disabledUnplaced(long runId, RunArea area, Window window) {
    return jdbc.sql("""
            select d.line_no, d.id_number, d.name as d_name, d.category, d.grade as d_grade,
                   h.line_no as h_line, h.name, h.gender, h.birth_date, h.village_code, h.township_code, h.in_area,
                   h.guardian_name, h.guardian_phone,
                   e.line_no as e_line, e.name as e_name, e.standing
            from reconciliation_disability d
            left join reconciliation_household h on h.run_id = d.run_id and h.id_number = d.id_number
            left join reconciliation_enrolment e on e.run_id = d.run_id and e.id_number = d.id_number
            where d.run_id = :run and (e.line_no is null or e.standing = 'TRANSFERRED_OUT')
            order by d.line_no""")
        .param("run", runId)
        .query((rs, n) -> {
          String idNumber = rs.getString("id_number");
          boolean listed = rs.getObject("h_line") != null;
          if (listed ? !rs.getBoolean("in_area") : !area.isCountyRun()) {
            return null;
          }
          IdNumber id = IdNumber.parse(idNumber);
          LocalDate birth = listed ? rs.getObject("birth_date", LocalDate.class) : id.birthDate().orElseThrow();
          if (!birth.isAfter(window.bornAfter()) || birth.isAfter(window.bornLatest())) {
            return null;
          }
          String name = listed ? rs.getString("name") : rs.getString("e_name") != null ? rs.getString("e_name") : rs.getString("d_name");
          String village = listed ? rs.getString("village_code") : null;
          Finding finding = new Finding(FindingType.DISABLED_UNPLACED, idNumber, name,
              listed ? rs.getString("gender") : id.gender(), birth, village,
              village == null ? null : area.townshipOfVillage().get(village), null, null, null,
              listed ? rs.getString("guardian_name") : null, listed ? rs.getString("guardian_phone") : null);
          finding.disabled = true;
          String grade = rs.getString("d_grade");
          finding.reason(Registry.DISABILITY.line(rs.getInt("line_no")) + "：残疾类别" + rs.getString("category")
              + (grade == null ? "" : "，等级" + grade) + "，出生日期" + birth + "，属适龄儿童（" + window.ageRule() + "）");
          finding.reason(rs.getObject("e_line") == null
              ? "学籍文件中没有该儿童：既未入学，也无送教上门"
              : Registry.ENROLMENT.line(rs.getInt("e_line")) + "：学籍已转出，未见新的学籍或送教上门");
          if (listed) {
            finding.reason(Registry.HOUSEHOLD.line(rs.getInt("h_line")) + "：户籍在本辖区");
          }
          return finding;
        })
        .list().stream().filter(finding -> finding != null).toList();
  }

  /** The 脱贫/监测户 rows of the children found, by 身份证号: line, 户主, 类别. */
  Map<String, String> povertyReasons(long runId, List<String> idNumbers) {
    Map<String, String> reasons = new HashMap<>();
    for (int from = 0; from < idNumbers.size(); from += 500) {
      List<String> chunk = idNumbers.subList(from, Math.min(idNumbers.size(), from + 500));
      jdbc.sql("select line_no, id_number, head_name, category from reconciliation_poverty where run_id = :run and id_number in (:ids)")
          .param("run", runId).param("ids", chunk)
          .query((rs, n) -> reasons.put(rs.getString("id_number"),
              Registry.POVERTY.line(rs.getInt("line_no")) + "：属" + PovertyCategory.valueOf(rs.getString("category")).label()
                  + (rs.getString("head_name") == null ? "" : "（户主" + rs.getString("head_name") + "）") + "，优先处理"))
          .list();
    }
    return reasons;
  }
}
