package cn.baoxue.recheck;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.cases.CaseStep;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.Student;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.kernel.process.CaseStarter;
import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.notifications.Notifications;
import cn.baoxue.org.OrgTree;
import cn.baoxue.recheck.RecheckSample.Candidate;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 季度复核 (四个一: the county re-checks each quarter). A round per county and quarter; its draw of
 * closed (销号) and not-a-dropout cases per township, reproducible from the recorded seed; each
 * sampled case re-checked by the county's staff; a failed re-check opens the case again for the same
 * child through {@link CaseStarter}, so the new case goes through the intake like any report. The
 * steps are those of {@code processes/county-recheck.bpmn}, whose listeners call this service.
 */
@Service
public class QuarterlyRechecks {

  private static final int MAX_PER_TOWNSHIP = 50;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final OrgTree orgTree;
  private final DropoutCaseRepository cases;
  private final CaseStarter caseStarter;
  private final AuditTrail auditTrail;
  private final Notifications notifications;
  private final int defaultPerTownship;
  private final SecureRandom seeds = new SecureRandom();

  QuarterlyRechecks(JdbcClient jdbc, RuntimeService runtimeService, OrgTree orgTree, DropoutCaseRepository cases,
      CaseStarter caseStarter, AuditTrail auditTrail, Notifications notifications, @Value("${baoxue.recheck.sample-per-township:2}") int defaultPerTownship) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.orgTree = orgTree;
    this.cases = cases;
    this.caseStarter = caseStarter;
    this.auditTrail = auditTrail;
    this.notifications = notifications;
    this.defaultPerTownship = defaultPerTownship;
  }

  /** A round as stored. */
  record Round(long id, String countyCode, Quarter quarter, String processInstanceId, Integer samplePerTownship, Long seed,
      String drawnBy, LocalDateTime drawnAt, Integer candidates, LocalDateTime finishedAt, LocalDateTime openedAt,
      LocalDateTime lateAt) {}

  /** A sampled case and what its re-check found. */
  record Item(long id, long roundId, long caseId, String caseNumber, String townshipCode, RecheckKind kind, int drawOrder,
      RecheckOutcome outcome, String notes, String checkedBy, LocalDateTime checkedAt, String reopenedCaseNumber) {}

  /**
   * The schedule's step at a quarter's start: a round for the quarter just ended for every county of
   * the deployment that has none yet, each with its own process.
   *
   * @return the business keys of the processes started
   */
  @Transactional
  public List<String> openAll(LocalDate today) {
    Quarter quarter = Quarter.of(today).previous();
    List<String> started = new ArrayList<>();
    for (String county : jdbc.sql("select code from org_unit where unit_type = ? order by code")
        .param(OrgUnitType.COUNTY.name()).query(String.class).list()) {
      boolean exists = jdbc.sql("select count(*) from recheck_round where county_code = ? and quarter = ?")
          .params(county, quarter.toString()).query(Long.class).single() > 0;
      if (exists) {
        continue;
      }
      jdbc.sql("insert into recheck_round (county_code, quarter, period_start, period_end, opened_at) values (?, ?, ?, ?, ?)")
          .params(county, quarter.toString(), quarter.firstDay(), quarter.lastDay(), BeijingTime.now()).update();
      String businessKey = county + "-" + quarter;
      runtimeService.createProcessInstanceByKey(ProcessKeys.COUNTY_RECHECK)
          .businessKey(businessKey)
          .setVariables(Map.of("countyCode", county, "countyGroup", GroupIds.county(county), "quarter", quarter.toString()))
          .execute();
      started.add(businessKey);
    }
    return started;
  }

  /** The start of {@code county-recheck}: only a round this service opened may have one. */
  @Transactional
  public void linkStartedProcess(String businessKey, String processInstanceId) {
    int dash = businessKey == null ? -1 : businessKey.indexOf('-');
    int linked = dash < 0 ? 0 : jdbc.sql("update recheck_round set process_instance_id = ? where county_code = ? and quarter = ?"
            + " and process_instance_id is null")
        .params(processInstanceId, businessKey.substring(0, dash), businessKey.substring(dash + 1)).update();
    if (linked != 1) {
      throw new InvalidCaseInputException("季度复核由系统在每季度首日为各县开启，不能另行发起");
    }
  }

  /** What the draw task shows: the county, the quarter, the cases each township has to draw from, the default size. */
  public Map<String, Object> drawTaskFacts(String processInstanceId) {
    Round round = roundOf(processInstanceId);
    Map<String, Integer> counts = new TreeMap<>();
    for (Candidate candidate : candidates(round)) {
      counts.merge(candidate.townshipCode() + "|" + candidate.kind().name(), 1, Integer::sum);
    }
    StringBuilder summary = new StringBuilder();
    for (String township : counts.keySet().stream().map(key -> key.substring(0, key.indexOf('|'))).distinct().toList()) {
      summary.append(orgTree.name(township)).append("：");
      List<String> parts = new ArrayList<>();
      for (RecheckKind kind : RecheckKind.values()) {
        parts.add(kind.label() + " " + counts.getOrDefault(township + "|" + kind.name(), 0) + " 件");
      }
      summary.append(String.join("，", parts)).append("\n");
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("countyName", orgTree.name(round.countyCode()));
    facts.put("quarterLabel", round.quarter().label());
    facts.put("candidatesSummary", summary.isEmpty() ? "上季度没有已销号或核实为非辍学的案件" : summary.toString().strip());
    facts.put("samplePerTownship", (long) defaultPerTownship);
    return facts;
  }

  /**
   * Draws the round's sample with a new seed and records seed, size and items.
   *
   * @return how many cases were drawn
   */
  @Transactional
  public int draw(CaseStep step, Object samplePerTownship) {
    Round round = roundOf(step.processInstanceId());
    requireCounty(step, round);
    Inputs in = new Inputs();
    Integer size = wholeNumber(samplePerTownship);
    if (size == null) {
      in.problem("samplePerTownship", "请填写每个乡镇每类抽取的件数（1至" + MAX_PER_TOWNSHIP + "的整数）");
    } else if (size < 1 || size > MAX_PER_TOWNSHIP) {
      in.problem("samplePerTownship", "每个乡镇每类抽取件数须在1至" + MAX_PER_TOWNSHIP + "之间");
    }
    in.check();
    if (round.seed() != null) {
      throw new InvalidCaseInputException("本季度的复核样本已经抽取，不能重抽");
    }
    long seed = seeds.nextLong();
    List<Candidate> candidates = candidates(round);
    List<Candidate> drawn = RecheckSample.draw(seed, candidates, size);
    jdbc.sql("update recheck_round set sample_per_township = ?, seed = ?, drawn_by = ?, drawn_at = ?, candidates = ? where id = ?")
        .params(size, seed, step.actor(), BeijingTime.now(), candidates.size(), round.id()).update();
    int order = 0;
    for (Candidate candidate : drawn) {
      jdbc.sql("insert into recheck_item (round_id, case_id, township_code, kind, draw_order) values (?, ?, ?, ?, ?)")
          .params(round.id(), candidate.caseId(), candidate.townshipCode(), candidate.kind().name(), ++order).update();
    }
    return drawn.size();
  }

  /** The items of the round of this process, in the order drawn: the re-check tasks' collection. */
  public List<Long> itemIdsOf(String processInstanceId) {
    return jdbc.sql("select i.id from recheck_item i join recheck_round r on r.id = i.round_id where r.process_instance_id = ?"
        + " order by i.draw_order").param(processInstanceId).query(Long.class).list();
  }

  /** What a re-check task shows of its case. */
  public Map<String, Object> recheckTaskFacts(long itemId) {
    Item item = item(itemId);
    Round round = round(item.roundId()).orElseThrow();
    DropoutCase dropoutCase = cases.findById(item.caseId()).orElseThrow();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("caseNumber", item.caseNumber());
    facts.put("studentName", dropoutCase.getStudent().getName());
    facts.put("recheckKindLabel", item.kind().label());
    facts.put("townshipName", orgTree.name(item.townshipCode()));
    facts.put("schoolName", dropoutCase.getSchoolCode() == null ? "（无学籍）" : orgTree.name(dropoutCase.getSchoolCode()));
    facts.put("villageName", orgTree.name(dropoutCase.getVillageCode()));
    facts.put("closedOn", dropoutCase.getClosedAt() == null ? "" : DAY.format(dropoutCase.getClosedAt()));
    facts.put("quarterLabel", round.quarter().label());
    facts.put("closingSummary", closingSummary(dropoutCase, item.kind()));
    return facts;
  }

  /** The county's finding on one sampled case; a failure opens the case again for the same child. */
  @Transactional
  public Item record(CaseStep step, long itemId, String result, String notes) {
    Item item = item(itemId);
    Round round = round(item.roundId()).orElseThrow();
    if (!round.processInstanceId().equals(step.processInstanceId())) {
      throw new InvalidCaseInputException("该复核任务不属于本轮季度复核");
    }
    requireCounty(step, round);
    Inputs in = new Inputs();
    RecheckOutcome outcome = Inputs.trim(result) == null ? null : in.code("recheckResult", RecheckOutcome.class, result, "复核结论");
    if (Inputs.trim(result) == null) {
      in.problem("recheckResult", "请选择复核结论");
    }
    String findings = in.notes("recheckNotes", notes, "核实情况", outcome == RecheckOutcome.FAILED);
    in.check();
    if (item.outcome() != null) {
      throw new InvalidCaseInputException("该案件已经复核过");
    }
    String reopened = outcome == RecheckOutcome.FAILED ? reopen(item, round, findings) : null;
    jdbc.sql("update recheck_item set outcome = ?, notes = ?, checked_by = ?, checked_at = ?, reopened_case_number = ? where id = ?")
        .params(outcome.name(), findings, step.actor(), BeijingTime.now(), reopened, item.id()).update();
    Item recorded = item(itemId);
    auditTrail.append(AuditEntry.Kind.RECHECK, recorded.id(), recorded.caseId(), step.actor(), auditPayload(recorded));
    return recorded;
  }

  /**
   * A deadline of the round passed with its task still open: the bureaus above the county
   * (prefecture, province) are told, and the round records when it first went late.
   *
   * @return the groups told; none where the county stands at the top of the tree
   */
  @Transactional
  public List<String> reportLate(String processInstanceId, String stepName, String taskId) {
    Round round = roundOf(processInstanceId);
    jdbc.sql("update recheck_round set late_at = ? where id = ? and late_at is null").params(BeijingTime.now(), round.id()).update();
    List<String> superiors = orgTree.groupsAboveCounty(round.countyCode());
    String message = "%s%s的季度复核“%s”已逾期，请督促办理".formatted(orgTree.name(round.countyCode()),
        round.quarter().label(), stepName);
    superiors.forEach(group -> notifications.escalated(group, null, taskId, message));
    return superiors;
  }

  /** The round is done: every sampled case re-checked (or none to draw). */
  @Transactional
  public void finish(String processInstanceId) {
    jdbc.sql("update recheck_round set finished_at = ? where process_instance_id = ?").params(BeijingTime.now(), processInstanceId).update();
  }

  /** What the audit chain keeps of a re-check; {@code audit.AuditVerification} finds it again in the row. */
  public static String auditPayload(Item item) {
    return "item=" + item.id() + ";round=" + item.roundId() + ";case=" + item.caseNumber() + ";outcome=" + item.outcome().name()
        + ";reopened=" + (item.reopenedCaseNumber() == null ? "" : item.reopenedCaseNumber());
  }

  // --- reading

  List<Round> rounds() {
    return jdbc.sql("select * from recheck_round order by quarter desc, county_code").query(QuarterlyRechecks::round).list();
  }

  Optional<Round> round(long id) {
    return jdbc.sql("select * from recheck_round where id = ?").param(id).query(QuarterlyRechecks::round).optional();
  }

  List<Item> items(long roundId) {
    return jdbc.sql(ITEM_SELECT + " where i.round_id = ? order by i.draw_order").param(roundId).query(QuarterlyRechecks::item).list();
  }

  /** Whether drawing again with the round's seed from today's cases gives the sample recorded. */
  boolean sampleReproduces(Round round) {
    if (round.seed() == null) {
      return false;
    }
    List<Long> again = RecheckSample.draw(round.seed(), candidates(round), round.samplePerTownship()).stream()
        .map(Candidate::caseId).toList();
    return again.equals(items(round.id()).stream().map(Item::caseId).toList());
  }

  /** The cases of the county closed (销号) or found not to be dropouts in the quarter, by Beijing day. */
  List<Candidate> candidates(Round round) {
    return jdbc.sql("select id, case_number, township_code, status from dropout_case where county_code = ? and status in (?, ?)"
            + " and closed_at >= ? and closed_at < ? order by case_number")
        .params(round.countyCode(), RecheckKind.CLOSED.status().name(), RecheckKind.NOT_DROPOUT.status().name(),
            round.quarter().firstDay().atStartOfDay(), round.quarter().lastDay().plusDays(1).atStartOfDay())
        .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("case_number"), rs.getString("township_code"),
            rs.getString("status").equals(RecheckKind.CLOSED.status().name()) ? RecheckKind.CLOSED : RecheckKind.NOT_DROPOUT))
        .list();
  }

  // --- helpers

  private String reopen(Item item, Round round, String findings) {
    DropoutCase closed = cases.findById(item.caseId()).orElseThrow();
    Student child = closed.getStudent();
    Optional<String> open = jdbc.sql("select case_number from dropout_case where open_student_id = ?").param(child.getId())
        .query(String.class).optional();
    if (open.isPresent()) {
      // The child is already being worked on in a newer case: the re-check points to it.
      return open.get();
    }
    String notes = "季度复核（" + round.quarter().label() + "）认定原结论不属实，原案件 " + closed.getCaseNumber() + "：" + findings;
    return caseStarter.start(new CaseStart(
        child.getName(),
        child.getIdNumber(),
        child.getGender(),
        child.getBirthDate() == null ? null : child.getBirthDate().toString(),
        closed.getSchoolCode(),
        closed.getGrade() == null ? null : String.valueOf(closed.getGrade()),
        closed.getVillageCode(),
        child.getGuardianName(),
        child.getGuardianPhone(),
        closed.getReason().name(),
        CaseSource.RECHECK.name(),
        closed.getSpecialGroups(),
        notes.length() > 2000 ? notes.substring(0, 2000) : notes));
  }

  private static String closingSummary(DropoutCase dropoutCase, RecheckKind kind) {
    if (kind == RecheckKind.NOT_DROPOUT) {
      String reason = dropoutCase.getNotDropoutReason() == null ? "" : dropoutCase.getNotDropoutReason().label();
      return ("核实结论：非辍学" + (reason.isEmpty() ? "" : "（" + reason + "）") + "\n"
          + (dropoutCase.getVerifyNotes() == null ? "" : dropoutCase.getVerifyNotes())).strip();
    }
    return "已销号" + (dropoutCase.getPlacement() == null ? "" : "，安置方式：" + dropoutCase.getPlacement().label());
  }

  private void requireCounty(CaseStep step, Round round) {
    if (!step.isSystem() && !step.jurisdiction().covers(round.countyCode())) {
      throw new InvalidCaseInputException("只有" + orgTree.name(round.countyCode()) + "教育局可以办理本县的季度复核");
    }
  }

  private Round roundOf(String processInstanceId) {
    return jdbc.sql("select * from recheck_round where process_instance_id = ?").param(processInstanceId)
        .query(QuarterlyRechecks::round).optional()
        .orElseThrow(() -> new InvalidCaseInputException("该流程没有对应的季度复核（流程 " + processInstanceId + "）"));
  }

  private Item item(long id) {
    return findItem(id).orElseThrow(() -> new InvalidCaseInputException("没有编号为 " + id + " 的复核案件"));
  }

  private Optional<Item> findItem(long id) {
    return jdbc.sql(ITEM_SELECT + " where i.id = ?").param(id).query(QuarterlyRechecks::item).optional();
  }

  private static Integer wholeNumber(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    if (value instanceof String text && Inputs.trim(text) != null && text.trim().matches("\\d{1,4}")) {
      return Integer.parseInt(text.trim());
    }
    return null;
  }

  private static final String ITEM_SELECT = "select i.*, c.case_number from recheck_item i join dropout_case c on c.id = i.case_id";

  private static Round round(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Round(rs.getLong("id"), rs.getString("county_code"), Quarter.parse(rs.getString("quarter")),
        rs.getString("process_instance_id"), (Integer) rs.getObject("sample_per_township", Integer.class),
        (Long) rs.getObject("seed", Long.class), rs.getString("drawn_by"), rs.getObject("drawn_at", LocalDateTime.class),
        (Integer) rs.getObject("candidates", Integer.class), rs.getObject("finished_at", LocalDateTime.class),
        rs.getObject("opened_at", LocalDateTime.class), rs.getObject("late_at", LocalDateTime.class));
  }

  private static Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    String outcome = rs.getString("outcome");
    return new Item(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("case_id"), rs.getString("case_number"),
        rs.getString("township_code"), RecheckKind.valueOf(rs.getString("kind")), rs.getInt("draw_order"),
        outcome == null ? null : RecheckOutcome.valueOf(outcome), rs.getString("notes"), rs.getString("checked_by"),
        rs.getObject("checked_at", LocalDateTime.class), rs.getString("reopened_case_number"));
  }
}
