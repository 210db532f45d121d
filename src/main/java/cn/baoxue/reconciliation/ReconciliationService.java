package cn.baoxue.reconciliation;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.integrity.Sha256;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Problem;
import cn.baoxue.web.UnreadableUploadException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reconciliation run (四查三比对): the registries' files are read row by row into the run's
 * staging tables and every row checked; one bad row refuses the run with a report of every bad
 * row, and nothing is kept. A good run is compared by SQL joins, its findings become work
 * ({@link FindingCases}), and the run, its files' SHA-256 and its findings are kept for the auditor
 * — all in one transaction, with an entry in the audit chain.
 */
@Service
public class ReconciliationService {

  private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

  private static final List<String> STAGING_TABLES = List.of("reconciliation_household", "reconciliation_enrolment",
      "reconciliation_attendance", "reconciliation_poverty", "reconciliation_disability");

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final RunAreas areas;
  private final RegistryStaging staging;
  private final RegistryComparison comparison;
  private final CompulsoryAge age;
  private final FindingCases cases;
  private final ReconciliationRuns runs;
  private final ApplicationEventPublisher events;

  ReconciliationService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, RunAreas areas, RegistryStaging staging,
      RegistryComparison comparison, CompulsoryAge age, FindingCases cases, ReconciliationRuns runs,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.areas = areas;
    this.staging = staging;
    this.comparison = comparison;
    this.age = age;
    this.cases = cases;
    this.runs = runs;
    this.events = events;
  }

  /** One uploaded registry file. */
  public record RegistryFile(String fileName, byte[] content) {}

  /** A run refused for its bad rows: nothing of it was kept. */
  public static final class RunRefused extends RuntimeException {
    private final transient BadRows badRows;

    RunRefused(BadRows badRows) {
      super("文件中有" + badRows.count() + "处问题，整批未比对，请逐行修改后重新上传");
      this.badRows = badRows;
    }

    public int count() {
      return badRows.count();
    }

    public List<Problem> problems() {
      return badRows.kept().stream().map(row -> new Problem(row.field(), row.message())).toList();
    }

    public List<Map<String, Object>> rows() {
      return badRows.kept().stream().map(row -> {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", row.file());
        map.put("line", row.line());
        map.put("field", row.field());
        map.put("message", row.message());
        return map;
      }).toList();
    }
  }

  /**
   * Runs the comparison for the caller's area (her county bureau's county, or her township): the
   * area comes from her groups, never from the request.
   *
   * @param files by multipart field key ({@code household}, {@code enrolment}, …)
   */
  @Transactional
  public ReconciliationRuns.Run run(Map<String, RegistryFile> files, Staff caller) {
    long started = System.nanoTime();
    RunArea area = areas.of(caller);
    Map<Registry, RegistryFile> byRegistry = registryFiles(files);
    LocalDate today = BeijingTime.today();
    RegistryComparison.Window window = new RegistryComparison.Window(age.bornAfter(today), age.bornLatest(today),
        age.termStart(today), age.describe(today));

    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into reconciliation_run (area_code, county_code, run_by, run_at, entry_cut_off, term_start,
              finding_count, cases_opened, cases_linked, millis)
            values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0)""")
        .params(area.areaCode(), area.countyCode(), caller.userId(), BeijingTime.now(), age.cutOff(today), window.termStart())
        .update(key, "id");
    long runId = key.getKey().longValue();

    BadRows bad = new BadRows();
    Map<Registry, Integer> rowCounts = new EnumMap<>(Registry.class);
    for (Map.Entry<Registry, RegistryFile> file : byRegistry.entrySet()) {
      try {
        rowCounts.put(file.getKey(), staging.stage(runId, file.getKey(), file.getValue().content(), area, bad));
      } catch (UnreadableUploadException e) {
        bad.add(file.getKey(), 0, "file", e.getMessage());
      }
    }
    for (Registry registry : byRegistry.keySet()) {
      if (rowCounts.containsKey(registry)) {
        duplicates(runId, registry, bad);
      }
    }
    if (!bad.isEmpty()) {
      throw new RunRefused(bad);
    }
    refreshStatistics();
    long staged = System.nanoTime();

    List<Finding> findings = new ArrayList<>(comparison.compare(runId, area, window,
        byRegistry.containsKey(Registry.ATTENDANCE), byRegistry.containsKey(Registry.DISABILITY)));
    if (byRegistry.containsKey(Registry.POVERTY)) {
      findings.addAll(povertyFindings(runId, findings));
    }
    long compared = System.nanoTime();

    FindingCases.Outcome work = cases.openOrLink(runId, findings, caller);
    long opened = System.nanoTime();

    runs.keep(runId, findings);
    for (Map.Entry<Registry, RegistryFile> file : byRegistry.entrySet()) {
      jdbc.sql("insert into reconciliation_file (run_id, registry, file_name, sha256, byte_count, row_count) values (?, ?, ?, ?, ?, ?)")
          .params(runId, file.getKey().name(), file.getValue().fileName(), Sha256.hex(file.getValue().content()),
              file.getValue().content().length, rowCounts.get(file.getKey()))
          .update();
    }
    for (String table : STAGING_TABLES) {
      jdbcTemplate.update("delete from " + table + " where run_id = ?", runId);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    jdbc.sql("update reconciliation_run set finding_count = ?, cases_opened = ?, cases_linked = ?, millis = ? where id = ?")
        .params(findings.size(), work.opened(), work.linked(), millis, runId)
        .update();
    events.publishEvent(new ReconciliationRecorded(runId, caller.userId(), runs.auditPayload(runId)));
    log.info("Reconciliation run {} by {} for {}: {} rows staged in {} ms, {} findings compared in {} ms, "
            + "{} cases opened and {} linked in {} ms, {} ms in all",
        runId, caller.userId(), area.areaCode(), rowCounts.values().stream().mapToInt(Integer::intValue).sum(),
        (staged - started) / 1_000_000, findings.size(), (compared - staged) / 1_000_000, work.opened(), work.linked(),
        (opened - compared) / 1_000_000, millis);
    return runs.find(runId, caller).orElseThrow();
  }

  /**
   * PostgreSQL plans the joins from its statistics, which know nothing yet of the rows this
   * transaction staged; ANALYZE inside the transaction samples them (H2 has no such need).
   */
  private void refreshStatistics() {
    String database = jdbcTemplate.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
    if ("PostgreSQL".equals(database)) {
      STAGING_TABLES.forEach(table -> jdbcTemplate.execute("analyze " + table));
    }
  }

  private static Map<Registry, RegistryFile> registryFiles(Map<String, RegistryFile> files) {
    List<Problem> problems = new ArrayList<>();
    Map<Registry, RegistryFile> byRegistry = new EnumMap<>(Registry.class);
    for (Registry registry : Registry.values()) {
      RegistryFile file = files.get(registry.key());
      if (file == null || file.content() == null || file.content().length == 0) {
        if (registry.required()) {
          problems.add(new Problem(registry.key(), "请上传" + registry.label() + "文件（表单字段 " + registry.key() + "）"));
        }
        continue;
      }
      if (!plainFileName(file.fileName())) {
        problems.add(new Problem(registry.key(), registry.label() + "文件的文件名不合法：只能是文件本身的名字，不能含路径、“..”或控制字符"));
      }
      byRegistry.put(registry, file);
    }
    if (!problems.isEmpty()) {
      throw new InvalidCaseInputException(problems);
    }
    return byRegistry;
  }

  /** Browsers send a file's bare name; one with a path or control characters comes from a crafted request. */
  private static boolean plainFileName(String fileName) {
    return fileName == null || !(fileName.length() > 255 || fileName.contains("/") || fileName.contains("\\")
        || fileName.contains("..") || fileName.chars().anyMatch(Character::isISOControl));
  }

  /** One row per child in each file: two rows with one 身份证号 are two children or one typed twice. */
  private void duplicates(long runId, Registry registry, BadRows bad) {
    jdbc.sql("select id_number, min(line_no) as first_line, max(line_no) as last_line from reconciliation_"
            + registry.name().toLowerCase() + " where run_id = ? group by id_number having count(*) > 1 order by 2")
        .param(runId)
        .query((rs, n) -> {
          bad.add(registry, rs.getInt("last_line"), "idNumber",
              "身份证号与第" + rs.getInt("first_line") + "行重复，同一儿童在文件中只能出现一次");
          return null;
        })
        .list();
  }

  /** Each finding that becomes work whose child is in a 脱贫/监测户: raised, and listed as its own finding. */
  private List<Finding> povertyFindings(long runId, List<Finding> findings) {
    List<Finding> work = findings.stream().filter(finding -> finding.type.opensCase()).toList();
    Map<String, String> reasons = comparison.povertyReasons(runId, work.stream().map(finding -> finding.idNumber).toList());
    List<Finding> poverty = new ArrayList<>();
    for (Finding finding : work) {
      String reason = reasons.get(finding.idNumber);
      if (reason != null) {
        finding.priority = true;
        finding.reason(reason);
        poverty.add(finding.asPovertyFinding(reason));
      }
    }
    return poverty;
  }

  /** Who may run a comparison: the county bureau for its county, a township official for her township. */
  static boolean mayRun(Staff staff) {
    return staff.groupIds().stream().map(GroupIds::kindOf)
        .anyMatch(kind -> kind == GroupIds.Kind.COUNTY || kind == GroupIds.Kind.TOWNSHIP);
  }
}
