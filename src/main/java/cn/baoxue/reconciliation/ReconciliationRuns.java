package cn.baoxue.reconciliation;

import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.Staff;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kept runs and their findings, as each member of staff may see them: the whole run for those
 * who answer for its area (the county bureau, the township of a township's run, auditors); a
 * township's own findings of a county's run; and ENROLLED_OUTSIDE findings for the county whose
 * school holds the 学籍. Anyone else finds no such run.
 */
@Component
public class ReconciliationRuns {

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  ReconciliationRuns(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  /** A run as one member of staff sees it. */
  public record Run(long runId, String areaCode, String countyCode, String runBy, LocalDateTime runAt, int findingCount,
      int casesOpened, int casesLinked, long millis, List<RegistryFileRecord> files, List<FindingRecord> findings,
      Map<String, Integer> counts) {}

  /** A file of a run: its SHA-256 and size, never its rows. */
  public record RegistryFileRecord(String registry, String label, String fileName, String sha256, long bytes, int rows) {}

  /** A finding as shown: 身份证号 in full only to those the personal-data policy allows. */
  public record FindingRecord(long id, String type, String typeLabel, String idNumber, String name, String villageCode,
      String townshipCode, String schoolCode, boolean priority, String caseNumber, boolean caseOpened, List<String> reasons) {}

  /** A run in the list of runs. */
  public record RunSummary(long runId, String areaCode, String runBy, LocalDateTime runAt, int findingCount,
      int casesOpened, int casesLinked) {}

  /** Filters of the run page. */
  public record Filter(String type, String township, String school) {
    static final Filter NONE = new Filter(null, null, null);
  }

  void keep(long runId, List<Finding> findings) {
    try (StagingTable table = new StagingTable(jdbcTemplate, "reconciliation_finding", "run_id", "finding_type",
        "id_number", "name", "village_code", "township_code", "school_code", "school_county_code", "priority",
        "case_number", "case_opened", "reasons")) {
      for (Finding f : findings) {
        String reasons = String.join("\n", f.reasons);
        table.add(runId, f.type.name(), f.idNumber, f.name, f.villageCode, f.townshipCode, f.schoolCode,
            f.schoolCountyCode, f.priority, f.caseNumber(), f.caseOpened,
            reasons.length() > 4000 ? reasons.substring(0, 3999) + "…" : reasons);
      }
    }
  }

  @Transactional(readOnly = true)
  public Optional<Run> find(long runId, Staff staff) {
    return find(runId, staff, Filter.NONE);
  }

  @Transactional(readOnly = true)
  public Optional<Run> find(long runId, Staff staff, Filter filter) {
    Jurisdiction jurisdiction = staff.jurisdiction();
    Jurisdiction.SqlScope scope = scope(jurisdiction);
    StringBuilder where = new StringBuilder("f.run_id = :run and " + scope.condition());
    Map<String, Object> params = new LinkedHashMap<>(scope.params());
    params.put("run", runId);
    if (filter.type() != null) {
      where.append(" and f.finding_type = :type");
      params.put("type", filter.type());
    }
    if (filter.township() != null) {
      where.append(" and f.township_code = :township");
      params.put("township", filter.township());
    }
    if (filter.school() != null) {
      where.append(" and f.school_code = :school");
      params.put("school", filter.school());
    }
    boolean inFull = PersonalDataPolicy.seesInFull(staff.groupIds());
    boolean wholeRun = jurisdiction.covers(runArea(runId).orElse(new String[] {"", ""}));
    List<FindingRecord> findings = jdbc.sql("select f.* from reconciliation_finding f join reconciliation_run r on r.id = f.run_id where "
            + where + " order by f.finding_type, f.id")
        .params(params)
        .query((rs, n) -> new FindingRecord(rs.getLong("id"), rs.getString("finding_type"),
            FindingType.valueOf(rs.getString("finding_type")).label(),
            inFull ? rs.getString("id_number") : PersonalDataPolicy.maskIdNumber(rs.getString("id_number")),
            rs.getString("name"), rs.getString("village_code"), rs.getString("township_code"), rs.getString("school_code"),
            rs.getBoolean("priority"), rs.getString("case_number"), rs.getBoolean("case_opened"),
            Arrays.asList(rs.getString("reasons").split("\n"))))
        .list();
    if (!wholeRun && findings.isEmpty() && !anyVisible(runId, scope)) {
      return Optional.empty();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (FindingType type : FindingType.values()) {
      counts.put(type.name(), 0);
    }
    findings.forEach(finding -> counts.merge(finding.type(), 1, Integer::sum));
    return jdbc.sql("select * from reconciliation_run where id = ?").param(runId)
        .query((rs, n) -> new Run(runId, rs.getString("area_code"), rs.getString("county_code"), rs.getString("run_by"),
            rs.getObject("run_at", LocalDateTime.class), rs.getInt("finding_count"), rs.getInt("cases_opened"),
            rs.getInt("cases_linked"), rs.getLong("millis"), wholeRun ? files(runId) : List.of(), findings, counts))
        .optional();
  }

  /** The runs the member of staff may open, newest first. */
  @Transactional(readOnly = true)
  public List<RunSummary> list(Staff staff) {
    Jurisdiction.SqlScope scope = scope(staff.jurisdiction());
    return jdbc.sql("select r.id, r.area_code, r.run_by, r.run_at, r.finding_count, r.cases_opened, r.cases_linked "
            + "from reconciliation_run r where exists (select 1 from reconciliation_finding f where f.run_id = r.id and "
            + scope.condition() + ") or " + staff.jurisdiction().sqlScope("r.area_code", "r.county_code").condition()
            + " order by r.id desc")
        .params(scope.params())
        .query((rs, n) -> new RunSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDateTime.class), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
        .list();
  }

  /**
   * Which findings a member of staff sees, by the one jurisdiction scope: the run's area or county,
   * the finding's township, and for ENROLLED_OUTSIDE the county of the school that holds the 学籍.
   */
  private static Jurisdiction.SqlScope scope(Jurisdiction jurisdiction) {
    return jurisdiction.sqlScope(List.of("r.area_code", "f.township_code"),
        List.of("r.county_code", "case when f.finding_type = 'ENROLLED_OUTSIDE' then f.school_county_code end"));
  }

  private boolean anyVisible(long runId, Jurisdiction.SqlScope scope) {
    Map<String, Object> params = new LinkedHashMap<>(scope.params());
    params.put("run", runId);
    return jdbc.sql("select count(*) from reconciliation_finding f join reconciliation_run r on r.id = f.run_id "
            + "where f.run_id = :run and " + scope.condition())
        .params(params).query(Long.class).single() > 0;
  }

  private Optional<String[]> runArea(long runId) {
    return jdbc.sql("select area_code, county_code from reconciliation_run where id = ?").param(runId)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
  }

  private List<RegistryFileRecord> files(long runId) {
    return jdbc.sql("select * from reconciliation_file where run_id = ? order by registry").param(runId)
        .query((rs, n) -> new RegistryFileRecord(rs.getString("registry"), Registry.valueOf(rs.getString("registry")).label(),
            rs.getString("file_name"), rs.getString("sha256"), rs.getLong("byte_count"), rs.getInt("row_count")))
        .list();
  }

  /**
   * What the audit chain holds of a run, recomputed from the kept rows when the chain is verified:
   * its area, who ran it, each file's SHA-256 and the number of findings.
   */
  public String auditPayload(long runId) {
    String run = jdbc.sql("select area_code, run_by, finding_count, cases_opened, cases_linked from reconciliation_run where id = ?")
        .param(runId)
        .query((rs, n) -> "area=" + rs.getString(1) + ";by=" + rs.getString(2) + ";findings=" + rs.getInt(3)
            + ";opened=" + rs.getInt(4) + ";linked=" + rs.getInt(5))
        .optional().orElse(null);
    if (run == null) {
      return null;
    }
    return run + ";files=" + String.join(",", jdbc.sql("select registry, sha256 from reconciliation_file where run_id = ? order by registry")
        .param(runId).query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list());
  }
}
