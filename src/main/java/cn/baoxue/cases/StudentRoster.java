package cn.baoxue.cases;

import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.org.OrgTree;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
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
  public RosterStudent check(CaseReport row, boolean opensCase, String enrolmentStatus) {
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
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
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
    return new Registration(inserts.size(), updates.size());
  }

  /** The 身份证号 among the given whose child has a case open now. */
  @Transactional(readOnly = true)
  public Set<String> withOpenCase(Collection<String> idNumbers) {
    Set<String> open = new HashSet<>();
    forChunks(
        idNumbers,
        (placeholders, chunk) ->
            open.addAll(
                jdbc.queryForList(
                    "select s.id_number from student s join dropout_case c on c.open_student_id = s.id where s.id_number in ("
                        + placeholders + ")",
                    String.class,
                    chunk.toArray())));
    return open;
  }

  private Set<String> existing(List<String> idNumbers) {
    Set<String> known = new HashSet<>();
    forChunks(
        idNumbers,
        (placeholders, chunk) ->
            known.addAll(
                jdbc.queryForList(
                    "select id_number from student where id_number in (" + placeholders + ")", String.class, chunk.toArray())));
    return known;
  }

  private static void forChunks(Collection<String> values, ChunkQuery query) {
    List<String> all = new ArrayList<>(values);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      query.run(String.join(",", java.util.Collections.nCopies(chunk.size(), "?")), chunk);
    }
  }

  private interface ChunkQuery {
    void run(String placeholders, List<String> chunk);
  }

  /** Ids of the given students by 身份证号, for records that reference them. */
  @Transactional(readOnly = true)
  public Map<String, Long> idsOf(Collection<String> idNumbers) {
    Map<String, Long> ids = new HashMap<>();
    forChunks(
        idNumbers,
        (placeholders, chunk) ->
            jdbc.query(
                "select id_number, id from student where id_number in (" + placeholders + ")",
                rs -> {
                  ids.put(rs.getString(1), rs.getLong(2));
                },
                chunk.toArray()));
    return ids;
  }
}
