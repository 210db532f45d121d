package cn.baoxue.cases;

import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.kernel.identity.Jurisdiction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three ledgers (三本台账) read straight from the records: 适龄儿童 (every registered child),
 * 疑似辍学 (cases reported, not yet verified) and 辍学 (verified dropouts and where they stand).
 * Always limited to the reader's jurisdiction; the filters narrow it further.
 */
@Service
@Transactional(readOnly = true)
public class LedgerQueries {

  private final JdbcClient jdbc;

  LedgerQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Which ledger. */
  public enum Ledger {
    CHILDREN("适龄儿童台账"),
    SUSPECTED("疑似辍学台账"),
    DROPOUTS("辍学台账");

    private final String title;

    Ledger(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** Filters as typed in the page's form or the export link; blank means any. */
  public record Filter(
      String unit, Integer grade, String gender, String reason, String specialGroup, String status, LocalDate from, LocalDate to) {}

  /** One ledger row, with codes already resolved for people. */
  public record Row(
      String caseNumber,
      String name,
      String idNumber,
      String gender,
      LocalDate birthDate,
      Integer grade,
      String school,
      String village,
      String township,
      String guardianName,
      String guardianPhone,
      String specialGroups,
      String reason,
      String status,
      String rung,
      boolean escalated,
      String source,
      String reportedBy,
      java.time.LocalDateTime reportedAt,
      java.time.LocalDateTime verifiedAt,
      java.time.LocalDateTime closedAt,
      boolean birthDateEstimated,
      /** 外地协查: to whom outside the deployment a 协查函 went; null if none. The case stays on the ledger. */
      String outsideAssistance) {

    /** Pages are read over many shoulders; only exports carry the full number. A provisional number is Baoxue's own, shown whole. */
    public String maskedIdNumber() {
      return withoutIdNumber() ? idNumber : IdNumber.mask(idNumber);
    }

    /** 无身份证号: the child is registered under a provisional number (摸排) until her real one is recorded. */
    public boolean withoutIdNumber() {
      return ProvisionalNumbers.isProvisional(idNumber);
    }

    /** The same row with other ID number and guardian phone (masked for readers who need no more). */
    public Row withPersonalData(String otherIdNumber, String otherGuardianPhone) {
      return new Row(caseNumber, name, otherIdNumber, gender, birthDate, grade, school, village, township, guardianName,
          otherGuardianPhone, specialGroups, reason, status, rung, escalated, source, reportedBy, reportedAt, verifiedAt, closedAt,
          birthDateEstimated, outsideAssistance);
    }
  }

  public record Page(List<Row> rows, long total, int page, int size) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  public Page page(Ledger ledger, Filter filter, Jurisdiction reader, int page, int size) {
    Sql sql = sql(ledger, filter, reader);
    long total = sql.bind(jdbc.sql("select count(*) " + sql.from)).query(Long.class).single();
    List<Row> rows =
        sql.bind(jdbc.sql(sql.select + sql.from + sql.order + " offset " + ((long) page * size) + " rows fetch next " + size + " rows only"))
            .query((rs, n) -> row(rs))
            .list();
    return new Page(rows, total, page, size);
  }

  /** Every row, streamed to the consumer (exports of tens of thousands of rows). */
  public void each(Ledger ledger, Filter filter, Jurisdiction reader, Consumer<Row> consumer) {
    Sql sql = sql(ledger, filter, reader);
    sql.bind(jdbc.sql(sql.select + sql.from + sql.order)).query(rs -> {
      consumer.accept(row(rs));
    });
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    String status = rs.getString("status");
    String enrolment = rs.getString("enrolment_status");
    String rung = rs.getString("rung");
    String reason = rs.getString("reason");
    String source = rs.getString("source");
    java.sql.Date birth = rs.getDate("birth_date");
    return new Row(
        rs.getString("case_number"),
        rs.getString("name"),
        rs.getString("id_number"),
        "F".equals(rs.getString("gender")) ? "女" : "男",
        birth == null ? null : birth.toLocalDate(),
        rs.getObject("grade") == null ? null : rs.getInt("grade"),
        rs.getString("school_name") == null ? CaseJurisdiction.NO_SCHOOL : rs.getString("school_name"),
        rs.getString("village_name"),
        rs.getString("township_name"),
        rs.getString("guardian_name"),
        rs.getString("guardian_phone"),
        labels(SpecialGroup.class, rs.getString("special_groups")),
        reason == null ? null : label(DropoutReason.class, reason),
        status != null ? label(CaseStatus.class, status) : enrolment != null ? label(EnrolmentStatus.class, enrolment) : "在校",
        rung == null ? null : label(PersuasionRung.class, rung),
        rs.getBoolean("escalated"),
        source == null ? null : label(CaseSource.class, source),
        rs.getString("reported_by"),
        time(rs, "reported_at"),
        time(rs, "verified_at"),
        time(rs, "closed_at"),
        rs.getBoolean("birth_date_estimated"),
        rs.getString("outside_assistance"));
  }

  private static java.time.LocalDateTime time(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    java.sql.Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }

  private static <E extends Enum<E> & Coded> String label(Class<E> type, String code) {
    return Coded.find(type, code).map(Coded::label).orElse(code);
  }

  private static <E extends Enum<E> & Coded> String labels(Class<E> type, String codes) {
    if (codes == null || codes.isBlank()) {
      return "";
    }
    List<String> labels = new ArrayList<>();
    for (String code : codes.split(",")) {
      labels.add(label(type, code.trim()));
    }
    return String.join("、", labels);
  }

  private static final String UNIT_NAMES =
      " left join org_unit sch on sch.code = %1$s.school_code join org_unit vil on vil.code = %1$s.village_code"
          + " join org_unit twn on twn.code = vil.parent_code";

  private static Sql sql(Ledger ledger, Filter filter, Jurisdiction reader) {
    Sql sql = new Sql();
    if (ledger == Ledger.CHILDREN) {
      // The child's open case, if any, tells her status on the ledger.
      sql.select =
          "select null as case_number, s.name, s.id_number, s.gender, s.birth_date, s.grade, sch.name as school_name,"
              + " vil.name as village_name, twn.name as township_name, s.guardian_name, s.guardian_phone, s.special_groups,"
              + " oc.reason, oc.status, oc.rung, coalesce(oc.escalated, false) as escalated, oc.source, oc.reported_by,"
              + " s.created_at as reported_at, oc.verified_at, oc.closed_at, s.enrolment_status, s.birth_date_estimated,"
              + " oc.outside_assistance";
      sql.from =
          // A record merged into another (一人一档) is the same child: she is listed once, by the record kept.
          " from student s left join dropout_case oc on oc.open_student_id = s.id" + UNIT_NAMES.formatted("s")
              + " where s.merged_into_id is null";
      sql.order = " order by twn.code, sch.code, s.grade, s.name, s.id";
      sql.scope(reader, "s.school_code", "s.village_code", "twn.code", "twn.parent_code");
      sql.filter(filter.unit(), "(s.school_code = :unit or s.village_code = :unit or twn.code = :unit or twn.parent_code = :unit)", "unit");
      sql.filter(filter.grade(), "s.grade = :grade", "grade");
      sql.filter(filter.gender(), "s.gender = :gender", "gender");
      sql.filter(like(filter.specialGroup()), "s.special_groups like :special", "special");
      sql.filter(filter.reason(), "oc.reason = :reason", "reason");
      sql.filter(filter.status(), "oc.status = :status", "status");
      sql.filter(filter.from() == null ? null : filter.from().atStartOfDay(), "s.created_at >= :from", "from");
      sql.filter(filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(), "s.created_at < :to", "to");
      return sql;
    }
    sql.select =
        "select c.case_number, s.name, s.id_number, s.gender, s.birth_date, c.grade, sch.name as school_name,"
            + " vil.name as village_name, twn.name as township_name, s.guardian_name, s.guardian_phone, c.special_groups,"
            + " c.reason, c.status, c.rung, c.escalated, c.source, c.reported_by, c.reported_at, c.verified_at, c.closed_at,"
            + " null as enrolment_status, s.birth_date_estimated, c.outside_assistance";
    sql.from =
        " from dropout_case c join student s on s.id = c.student_id" + UNIT_NAMES.formatted("c")
            + (ledger == Ledger.SUSPECTED ? " where c.status = 'REPORTED'" : " where c.verify_result = 'CONFIRMED'");
    sql.order = " order by c.reported_at desc, c.id desc";
    sql.scope(reader, "c.school_code", "c.village_code", "c.township_code", "c.county_code");
    sql.filter(filter.unit(), "(c.school_code = :unit or c.village_code = :unit or c.township_code = :unit or c.county_code = :unit)", "unit");
    sql.filter(filter.grade(), "c.grade = :grade", "grade");
    sql.filter(filter.gender(), "s.gender = :gender", "gender");
    sql.filter(filter.reason(), "c.reason = :reason", "reason");
    sql.filter(like(filter.specialGroup()), "c.special_groups like :special", "special");
    sql.filter(filter.status(), "c.status = :status", "status");
    sql.filter(filter.from() == null ? null : filter.from().atStartOfDay(), "c.reported_at >= :from", "from");
    sql.filter(filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(), "c.reported_at < :to", "to");
    return sql;
  }

  private static String like(String code) {
    return code == null || code.isBlank() ? null : "%" + code.trim() + "%";
  }

  /** A query assembled from the chosen filters, every value bound as a parameter. */
  private static final class Sql {
    String select;
    String from;
    String order;
    final Map<String, Object> params = new LinkedHashMap<>();

    void filter(Object value, String condition, String name) {
      if (value == null || (value instanceof String s && s.isBlank())) {
        return;
      }
      from += " and " + condition;
      params.put(name, value instanceof String s ? s.trim() : value);
    }

    void scope(Jurisdiction reader, String school, String village, String township, String county) {
      Jurisdiction.SqlScope scope = reader.sqlScope(school, village, township, county);
      from += " and " + scope.condition();
      params.putAll(scope.params());
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      for (Map.Entry<String, Object> param : params.entrySet()) {
        spec = spec.param(param.getKey(), param.getValue());
      }
      return spec;
    }
  }
}
