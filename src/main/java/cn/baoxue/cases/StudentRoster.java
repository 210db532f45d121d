package cn.baoxue.cases;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.org.OrgTree;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of children of compulsory-school age (适龄儿童花名册) as a whole: checks roster
 * rows by the same rules as a report and registers many children at once. Rosters carry tens of
 * thousands of rows, so registration writes in JDBC batches rather than one entity at a time.
 */
@Service
public class StudentRoster {

  private static final int CHUNK = 1000;

  /** New children in one registration after which the planner's picture of the table is refreshed. */
  private static final int STATISTICS_REFRESH_ROWS = 1000;

  private final ReportValidator validator;
  private final OrgTree orgTree;
  private final JdbcTemplate jdbc;

  StudentRoster(ReportValidator validator, OrgTree orgTree, JdbcTemplate jdbc) {
    this.validator = validator;
    this.orgTree = orgTree;
    this.jdbc = jdbc;
  }

  /** A roster row that passed every check of a report, with where the child belongs. */
  public record RosterStudent(
      String idNumber,
      String name,
      String gender,
      LocalDate birthDate,
      int grade,
      String guardianName,
      String guardianPhone,
      String reason,
      String specialGroups,
      String enrolmentStatus,
      CaseJurisdiction jurisdiction) {}

  /** What registering changed. */
  public record Registration(int registered, int updated) {}

  /**
   * Checks one row without writing anything. Call it inside a transaction when checking many
   * rows, so the org tree is read once per unit, not once per row.
   *
   * @param opensCase whether the row reports a dropout (then a reason is required)
   * @throws InvalidCaseInputException with every problem of the row
   */
  public RosterStudent check(CaseStart row, boolean opensCase, String enrolmentStatus) {
    ValidReport valid = validator.validate(row, opensCase);
    return new RosterStudent(
        valid.idNumber().value(),
        valid.studentName(),
        valid.gender(),
        valid.birthDate(),
        valid.grade(),
        valid.guardianName(),
        valid.guardianPhone(),
        valid.reason() == null ? null : valid.reason().name(),
        valid.specialGroupCodes(),
        enrolmentStatus,
        orgTree.jurisdictionOf(valid.school(), valid.village()));
  }

  /** Registers new children and updates the known ones (by 身份证号), in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Registration register(List<RosterStudent> rows) {
    Set<String> known = existing(rows.stream().map(RosterStudent::idNumber).toList());
    Timestamp now = Timestamp.valueOf(BeijingTime.now());
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (RosterStudent row : rows) {
      Object[] values = {
        row.name(), row.gender(), Date.valueOf(row.birthDate()), row.jurisdiction().school().getCode(), row.grade(),
        row.jurisdiction().village().getCode(), row.guardianName(), row.guardianPhone(), row.specialGroups(),
        row.enrolmentStatus(), now, row.idNumber()
      };
      (known.contains(row.idNumber()) ? updates : inserts).add(values);
    }
    jdbc.batchUpdate(
        """
        update student set name = ?, gender = ?, birth_date = ?, school_code = ?, grade = ?, village_code = ?,
          guardian_name = ?, guardian_phone = ?, special_groups = ?, enrolment_status = ?, updated_at = ?
        where id_number = ?""",
        updates);
    List<Object[]> insertValues = new ArrayList<>(inserts.size());
    for (Object[] v : inserts) {
      // created_at and updated_at are both "now" for a new child
      insertValues.add(new Object[] {v[11], v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[10]});
    }
    jdbc.batchUpdate(
        """
        insert into student (id_number, name, gender, birth_date, school_code, grade, village_code, guardian_name,
          guardian_phone, special_groups, enrolment_status, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        insertValues);
    if (inserts.size() >= STATISTICS_REFRESH_ROWS) {
      refreshStatistics();
    }
    return new Registration(inserts.size(), updates.size());
  }

  /**
   * After a county's first roster the table holds tens of thousands of children that PostgreSQL's
   * statistics, taken while it was nearly empty, do not know of until autovacuum's next round; the
   * plans it caches for the pool's connections until then scan the whole table for every lookup
   * by 身份证号 (a re-import of 50,000 children took 80 s instead of 4 s). ANALYZE counts this
   * transaction's own new rows and invalidates those plans. H2 chooses the index without it.
   */
  private void refreshStatistics() {
    Boolean postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
        "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()));
    if (Boolean.TRUE.equals(postgres)) {
      jdbc.execute("analyze student");
    }
  }

  /** The 身份证号 among the given whose child has a case open now. */
  @Transactional(readOnly = true)
  public Set<String> withOpenCase(Collection<String> idNumbers) {
    Set<String> open = new HashSet<>();
    forChunks(
        idNumbers,
        chunk ->
            open.addAll(
                jdbc.queryForList(
                    "select s.id_number from student s join dropout_case c on c.open_student_id = s.id where s.id_number = any (?)",
                    String.class,
                    chunk)));
    return open;
  }

  /**
   * Where a child is on the roll: her school and the county over it; for a child known with no
   * 学籍, no school and the county of her home village.
   */
  public record RegisteredAt(String schoolCode, String countyCode) {}

  /** Where each of the given 身份证号 is registered, for those already on the roll. */
  @Transactional(readOnly = true)
  public Map<String, RegisteredAt> registeredAt(Collection<String> idNumbers) {
    Map<String, RegisteredAt> found = new HashMap<>();
    forChunks(
        idNumbers,
        chunk -> jdbc.query("""
                select s.id_number, s.school_code, coalesce(stwn.parent_code, htwn.parent_code) from student s
                left join org_unit sch on sch.code = s.school_code left join org_unit svil on svil.code = sch.parent_code
                left join org_unit stwn on stwn.code = svil.parent_code
                join org_unit hvil on hvil.code = s.village_code join org_unit htwn on htwn.code = hvil.parent_code
                where s.id_number = any (?)""",
            (RowCallbackHandler) rs -> found.put(rs.getString(1), new RegisteredAt(rs.getString(2), rs.getString(3))), chunk));
    return found;
  }

  private Set<String> existing(List<String> idNumbers) {
    Set<String> known = new HashSet<>();
    forChunks(
        idNumbers,
        chunk -> known.addAll(jdbc.queryForList("select id_number from student where id_number = any (?)", String.class, chunk)));
    return known;
  }

  /**
   * Runs a query once per chunk of 身份证号, each chunk bound as one array parameter. One array
   * rather than a thousand placeholders: PostgreSQL's cached generic plan for "in ($1 … $1000)"
   * scans the whole table and compares every row with every placeholder (seconds per chunk at
   * 50,000 children), while "= any ($1)" stays an index lookup.
   */
  private static void forChunks(Collection<String> values, Consumer<SqlArrayValue> query) {
    List<String> all = new ArrayList<>(values);
    for (int from = 0; from < all.size(); from += CHUNK) {
      query.accept(new SqlArrayValue("varchar", all.subList(from, Math.min(all.size(), from + CHUNK)).toArray()));
    }
  }

  /** Ids of the given students by 身份证号, for records that reference them. */
  @Transactional(readOnly = true)
  public Map<String, Long> idsOf(Collection<String> idNumbers) {
    Map<String, Long> ids = new HashMap<>();
    forChunks(
        idNumbers,
        chunk ->
            jdbc.query(
                "select id_number, id from student where id_number = any (?)",
                rs -> {
                  ids.put(rs.getString(1), rs.getLong(2));
                },
                chunk));
    return ids;
  }
}
