package cn.baoxue.reporting;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.integrity.Sha256;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Problem;
import cn.baoxue.notifications.Notifications;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.org.OrgUnitRepository;
import cn.baoxue.reports.PeriodFigures;
import cn.baoxue.reports.Summary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 四个一 report tasks: opens each unit's report for a period that has ended (one row, one process
 * {@code unit-report} with business key {@code <unitCode>-<period>}), records its submission with the
 * corrections' reasons and its SHA-256 (in the audit chain), records a missed due date and the
 * superior's 催报, and tells an upper level which of its units have not submitted.
 */
@Service
public class UnitReports {

  public static final String PROCESS_KEY = cn.baoxue.kernel.process.ProcessKeys.UNIT_REPORT;
  public static final String SUBMIT_TASK = "submitReport";
  public static final String URGE_TASK = "urgeReport";
  /** The priority of a late report's task (the engine's default is 50). */
  public static final int LATE_PRIORITY = 80;
  /** How many open cases the school's task lists by name; the rest are counted. */
  static final int OPEN_CASES_LISTED = 30;

  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

  private final JdbcClient jdbc;
  private final OrgTree orgTree;
  private final OrgUnitRepository units;
  private final PeriodFigures figures;
  private final WorkingDayCalendar calendar;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Notifications notifications;
  private final AuditTrail audit;

  UnitReports(JdbcClient jdbc, OrgTree orgTree, OrgUnitRepository units, PeriodFigures figures, WorkingDayCalendar calendar,
      RuntimeService runtimeService, TaskService taskService, Notifications notifications, AuditTrail audit) {
    this.jdbc = jdbc;
    this.orgTree = orgTree;
    this.units = units;
    this.figures = figures;
    this.calendar = calendar;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.notifications = notifications;
    this.audit = audit;
  }

  // ---------------------------------------------------------------- opening

  /** The month that has just ended, in Beijing time (the scheduler fires on the 1st). */
  public YearMonth monthJustEnded() {
    return YearMonth.from(BeijingTime.today()).minusMonths(1);
  }

  /**
   * Opens the report of every unit of the level for the period of its cadence that ends with the
   * month; a unit whose report is already open keeps it. Returns how many were opened.
   */
  @Transactional
  public int open(ReportLevel level, YearMonth endedMonth) {
    ReportPeriod period = ReportPeriod.containing(level.cadence(), endedMonth);
    if (!period.endsWith(endedMonth)) {
      return 0;
    }
    int opened = 0;
    for (OrgUnit unit : unitsOf(level.unitType())) {
      if (open(level, unit, period)) {
        opened++;
      }
    }
    return opened;
  }

  private boolean open(ReportLevel level, OrgUnit unit, ReportPeriod period) {
    boolean exists = jdbc.sql("select count(*) from unit_report where unit_code = ? and period = ?")
        .params(unit.getCode(), period.code()).query(Long.class).single() > 0;
    if (exists) {
      return false;
    }
    Map<String, Long> computed = compute(unit, period);
    LocalDateTime now = BeijingTime.now();
    Date due = calendar.endOfWorkingDay(calendar.addWorkingDays(period.to(), level.workingDaysToSubmit()));
    jdbc.sql("insert into unit_report (unit_code, unit_level, period, period_from, period_to, status, due_at, opened_at,"
            + " computed_figures, zero_report) values (?, ?, ?, ?, ?, ?, ?, ?, ?, false)")
        .params(unit.getCode(), level.name(), period.code(), period.from(), period.to(), UnitReport.OPEN,
            Timestamp.valueOf(BeijingTime.of(due)), Timestamp.valueOf(now), json(computed))
        .update();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("unitCode", unit.getCode());
    variables.put("unitName", unit.getName());
    variables.put("unitLevel", level.name());
    variables.put("period", period.code());
    variables.put("periodLabel", period.label());
    variables.put("reportTitle", level.title());
    variables.put("reportGroup", GroupIds.of(unit.getType(), unit.getCode()));
    variables.put("superiorGroup", superiorOf(unit).map(s -> GroupIds.of(s.getType(), s.getCode())).orElse(null));
    variables.put("reportDueDate", due);
    for (ReportFigure figure : ReportFigure.values()) {
      variables.put(figure.key(), computed.get(figure.key()));
      variables.put(figure.computedKey(), computed.get(figure.key()));
    }
    variables.put("openCasesText", openCasesText(unit));
    variables.put("missingUnitsText", level.below().isPresent() ? missingText(unit.getCode(), level, period) : "本单位没有下级报送单位。");
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, unit.getCode() + "-" + period.code(), variables);
    jdbc.sql("update unit_report set process_instance_id = ? where unit_code = ? and period = ?")
        .params(instance.getId(), unit.getCode(), period.code()).update();
    return true;
  }

  /** The process's start: only the opening above may start a report (a client's start is refused). */
  public void requireOpening(String businessKey) {
    long waiting = jdbc.sql("select count(*) from unit_report where concat(unit_code, '-', period) = ?"
            + " and status = 'OPEN' and process_instance_id is null")
        .param(businessKey).query(Long.class).single();
    if (waiting != 1) {
      throw new InvalidCaseInputException("报表任务由系统按报送周期开启，不能手动启动");
    }
  }

  Map<String, Long> compute(OrgUnit unit, ReportPeriod period) {
    Summary summary = figures.of(unit, period.from(), period.to());
    Map<String, Long> computed = new LinkedHashMap<>();
    computed.put(ReportFigure.STUDENTS.key(), summary.students());
    computed.put(ReportFigure.NEW_CASES.key(), summary.cases());
    computed.put(ReportFigure.CONFIRMED.key(), summary.confirmed());
    computed.put(ReportFigure.RETURNED.key(), summary.returned());
    computed.put(ReportFigure.OPEN_CASES.key(), figures.openCaseCount(unit));
    return computed;
  }

  private String openCasesText(OrgUnit unit) {
    List<PeriodFigures.OpenCase> open = figures.openCases(unit, OPEN_CASES_LISTED);
    if (open.isEmpty()) {
      return "目前没有未销号的案件。";
    }
    long all = figures.openCaseCount(unit);
    String list = open.stream().map(c -> c.caseNumber() + "　" + c.studentName() + "（" + c.status() + "）")
        .collect(Collectors.joining("\n"));
    return all > open.size() ? list + "\n……共 " + all + " 件" : list;
  }

  // ---------------------------------------------------------------- submitting

  /**
   * Records the submission of the report running in the process instance: every figure the unit
   * stands by (a figure left empty is the counted one), a reason for every figure it changed, and
   * 零报告 only with nothing new to report. Refused whole, before anything is written.
   */
  @Transactional
  public UnitReport submit(String processInstanceId, Function<String, Object> variables, String actor) {
    UnitReport report = byProcess(processInstanceId)
        .orElseThrow(() -> new InvalidCaseInputException("这个流程没有对应的报表"));
    if (report.isSubmitted()) {
      throw new InvalidCaseInputException(report.unitName() + report.period().label() + "的报表已报送");
    }
    if (actor == null || actor.isBlank()) {
      throw new InvalidCaseInputException("报送人不明，请登录后在任务列表中报送");
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, Long> submitted = new LinkedHashMap<>();
    Map<String, String> corrections = new LinkedHashMap<>();
    for (ReportFigure figure : ReportFigure.values()) {
      Long counted = report.computed().get(figure.key());
      Long value = number(variables.apply(figure.key()), figure, problems);
      value = value == null ? counted : value;
      submitted.put(figure.key(), value);
      if (value != null && !value.equals(counted)) {
        String reason = text(variables.apply(figure.reasonKey()));
        if (reason == null) {
          problems.add(new Problem(figure.reasonKey(), figure.label() + "与系统统计数（" + counted + "）不同，请填写更正原因"));
        } else if (reason.length() > 500) {
          problems.add(new Problem(figure.reasonKey(), "更正原因不能超过500字"));
        } else {
          corrections.put(figure.key(), reason);
        }
      }
    }
    boolean zero = Boolean.TRUE.equals(variables.apply("zeroReport"));
    if (zero && (nonZero(submitted.get(ReportFigure.NEW_CASES.key())) || nonZero(submitted.get(ReportFigure.CONFIRMED.key())))) {
      problems.add(new Problem("zeroReport", "零报告表示本期没有新发现和确认的辍学，请核对" + ReportFigure.NEW_CASES.label() + "和"
          + ReportFigure.CONFIRMED.label()));
    }
    String remarks = text(variables.apply("reportRemarks"));
    if (remarks != null && remarks.length() > 1000) {
      problems.add(new Problem("reportRemarks", "备注不能超过1000字"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidCaseInputException(problems);
    }
    LocalDateTime now = BeijingTime.now();
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("report", report.id());
    content.put("unit", report.unitCode());
    content.put("unitName", report.unitName());
    content.put("level", report.level().name());
    content.put("period", report.period().code());
    content.put("computed", report.computed());
    content.put("submitted", submitted);
    content.put("corrections", corrections);
    content.put("zeroReport", zero);
    content.put("remarks", remarks);
    content.put("submittedBy", actor);
    content.put("submittedAt", now.toString());
    String text = json(content);
    String hash = Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    jdbc.sql("update unit_report set status = 'SUBMITTED', submitted_figures = ?, corrections = ?, zero_report = ?, remarks = ?,"
            + " submitted_by = ?, submitted_at = ?, content = ?, sha256 = ? where id = ? and status = 'OPEN'")
        .params(json(submitted), json(corrections), zero, remarks, actor, Timestamp.valueOf(now), text, hash, report.id())
        .update();
    audit.append(AuditEntry.Kind.UNIT_REPORT, report.id(), null, actor, auditPayload(report.id(), report.unitCode(), report.period().code(), hash));
    refreshAbove(report);
    return find(report.id()).orElseThrow();
  }

  /** What the audit chain holds for a submission; audit.AuditVerification rebuilds it from the row (keep the two alike). */
  public static String auditPayload(long id, String unitCode, String period, String sha256) {
    return "report=" + id + ";unit=" + unitCode + ";period=" + period + ";sha256=" + sha256;
  }

  /** The upper level's open task shows who is still missing, now that one more has submitted. */
  private void refreshAbove(UnitReport report) {
    for (ReportLevel upper : ReportLevel.values()) {
      if (upper.below().orElse(null) != report.level()) {
        continue;
      }
      Optional<OrgUnit> parent = units.findById(report.unitCode()).flatMap(unit -> orgTree.ancestor(unit, upper.unitType()));
      if (parent.isEmpty()) {
        continue;
      }
      ReportPeriod parentPeriod = ReportPeriod.containing(upper.cadence(), YearMonth.from(report.period().from()));
      find(parent.get().getCode(), parentPeriod.code())
          .filter(above -> !above.isSubmitted() && above.processInstanceId() != null)
          .ifPresent(above -> runtimeService.setVariable(above.processInstanceId(), "missingUnitsText",
              missingText(above.unitCode(), upper, parentPeriod)));
    }
  }

  // ---------------------------------------------------------------- late and 催报

  /**
   * The due date passed with the report not submitted: recorded, the task's priority raised, the
   * superior unit and the unit itself told. Returns the 催报 task's due date.
   */
  @Transactional
  public Date recordLate(String processInstanceId) {
    UnitReport report = byProcess(processInstanceId).orElseThrow();
    jdbc.sql("update unit_report set late_at = ? where id = ? and late_at is null")
        .params(Timestamp.valueOf(BeijingTime.now()), report.id()).update();
    Task late = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(SUBMIT_TASK).singleResult();
    String what = report.unitName() + report.period().label() + report.level().title();
    if (late != null) {
      taskService.setPriority(late.getId(), LATE_PRIORITY);
      notifications.escalated(GroupIds.of(report.level().unitType(), report.unitCode()), report.businessKey(), late.getId(),
          what + "已过报送期限，请尽快报送");
    }
    superiorOf(units.findById(report.unitCode()).orElseThrow()).ifPresent(superior ->
        notifications.escalated(GroupIds.of(superior.getType(), superior.getCode()), report.businessKey(),
            late == null ? null : late.getId(), what + "逾期未报，请督促报送"));
    return calendar.workingDays(2);
  }

  /** The superior unit urged the late unit (催报): its note is recorded and the late unit told. */
  @Transactional
  public void recordUrge(String processInstanceId, String actor, Object note) {
    UnitReport report = byProcess(processInstanceId).orElseThrow();
    String text = text(note);
    if (text == null) {
      throw new InvalidCaseInputException("urgeNote", "请填写催报意见");
    }
    if (text.length() > 1000) {
      throw new InvalidCaseInputException("urgeNote", "催报意见不能超过1000字");
    }
    jdbc.sql("update unit_report set urged_by = ?, urged_at = ?, urge_note = ? where id = ?")
        .params(actor, Timestamp.valueOf(BeijingTime.now()), text, report.id()).update();
    notifications.escalated(GroupIds.of(report.level().unitType(), report.unitCode()), report.businessKey(), null,
        "上级催报：" + report.unitName() + report.period().label() + report.level().title() + "——" + text);
  }

  // ---------------------------------------------------------------- reading

  /** One unit that has not submitted all its reports of the upper level's period. */
  public record MissingUnit(String code, String name, List<String> periods) {}

  /** The units below the report's unit that owe reports of its period, with the periods missing. */
  public List<MissingUnit> missing(String unitCode, ReportLevel level, ReportPeriod period) {
    Optional<ReportLevel> below = level.below();
    if (below.isEmpty()) {
      return List.of();
    }
    List<ReportPeriod> expected = period.parts(below.get().cadence());
    List<String> codes = expected.stream().map(ReportPeriod::code).toList();
    List<MissingUnit> missing = new ArrayList<>();
    for (OrgUnit child : childrenOf(unitCode, below.get().unitType())) {
      List<String> done = jdbc.sql("select period from unit_report where unit_code = :unit and status = 'SUBMITTED' and period in (:periods)")
          .param("unit", child.getCode()).param("periods", codes).query(String.class).list();
      List<String> owed = expected.stream().filter(p -> !done.contains(p.code())).map(ReportPeriod::label).toList();
      if (!owed.isEmpty()) {
        missing.add(new MissingUnit(child.getCode(), child.getName(), owed));
      }
    }
    return missing;
  }

  /** How many units below report to this one. */
  public int unitsBelow(String unitCode, ReportLevel level) {
    return level.below().map(below -> childrenOf(unitCode, below.unitType()).size()).orElse(0);
  }

  private String missingText(String unitCode, ReportLevel level, ReportPeriod period) {
    List<MissingUnit> missing = missing(unitCode, level, period);
    int all = unitsBelow(unitCode, level);
    if (missing.isEmpty()) {
      return "下级 " + all + " 个单位已全部报送。";
    }
    return "下级 " + all + " 个单位中 " + missing.size() + " 个未报送：\n" + missing.stream()
        .map(m -> m.name() + "（" + String.join("、", m.periods()) + "）").collect(Collectors.joining("\n"));
  }

  public Optional<UnitReport> find(long id) {
    return jdbc.sql(SELECT + " where r.id = ?").param(id).query(this::row).optional();
  }

  public Optional<UnitReport> find(String unitCode, String period) {
    return jdbc.sql(SELECT + " where r.unit_code = ? and r.period = ?").params(unitCode, period).query(this::row).optional();
  }

  public Optional<UnitReport> byProcess(String processInstanceId) {
    return jdbc.sql(SELECT + " where r.process_instance_id = ?").param(processInstanceId).query(this::row).optional();
  }

  /** A unit's reports, newest period first. */
  public List<UnitReport> ofUnit(String unitCode) {
    return jdbc.sql(SELECT + " where r.unit_code = ? order by r.period_to desc, r.id desc").param(unitCode).query(this::row).list();
  }

  /** The unit, if the staff's jurisdiction reaches it (the unit or one above it is hers); else 403/404. */
  public OrgUnit unitFor(String unitCode, Staff staff) {
    OrgUnit unit = unitCode == null ? null : units.findById(unitCode.trim()).orElse(null);
    if (unit == null || ReportLevel.of(unit.getType()).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个报送单位：" + unitCode);
    }
    if (!covers(staff, unit)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您无权查看" + unit.getName() + "的报表");
    }
    return unit;
  }

  /** A report, if the staff's jurisdiction reaches its unit. */
  public UnitReport readable(long id, Staff staff) {
    UnitReport report = find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这份报表"));
    unitFor(report.unitCode(), staff);
    return report;
  }

  boolean covers(Staff staff, OrgUnit unit) {
    List<String> chain = new ArrayList<>();
    for (OrgUnit current = unit; current != null;
        current = current.getParentCode() == null ? null : units.findById(current.getParentCode()).orElse(null)) {
      chain.add(current.getCode());
    }
    return staff.jurisdiction().covers(chain.toArray(String[]::new));
  }

  // ---------------------------------------------------------------- the tree

  private List<OrgUnit> unitsOf(OrgUnitType type) {
    return jdbc.sql("select code from org_unit where unit_type = ? order by code").param(type.name()).query(String.class).list()
        .stream().map(code -> units.findById(code).orElseThrow()).toList();
  }

  /** The units of the type that report to the unit: a township's schools (through its villages), a county's townships, … */
  List<OrgUnit> childrenOf(String unitCode, OrgUnitType type) {
    String sql = type == OrgUnitType.SCHOOL
        ? "select s.code from org_unit s join org_unit v on s.parent_code = v.code where s.unit_type = 'SCHOOL' and v.parent_code = ? order by s.code"
        : "select code from org_unit where unit_type = '" + type.name() + "' and parent_code = ? order by code";
    return jdbc.sql(sql).param(unitCode).query(String.class).list().stream().map(code -> units.findById(code).orElseThrow()).toList();
  }

  /** The unit a late report goes to: a school's township, a township's county, a county's prefecture, a prefecture's province. */
  Optional<OrgUnit> superiorOf(OrgUnit unit) {
    OrgUnitType above = switch (unit.getType()) {
      case SCHOOL -> OrgUnitType.TOWNSHIP;
      case TOWNSHIP -> OrgUnitType.COUNTY;
      case COUNTY -> OrgUnitType.PREFECTURE;
      case PREFECTURE -> OrgUnitType.PROVINCE;
      default -> null;
    };
    return above == null ? Optional.empty() : orgTree.ancestor(unit, above);
  }

  // ---------------------------------------------------------------- rows and values

  private static final String SELECT = "select r.id, r.unit_code, u.name, r.unit_level, r.period, r.status, r.due_at, r.opened_at,"
      + " r.process_instance_id, r.computed_figures, r.submitted_figures, r.corrections, r.zero_report, r.remarks, r.submitted_by,"
      + " r.submitted_at, r.sha256, r.late_at, r.urged_by, r.urged_at, r.urge_note from unit_report r join org_unit u on u.code = r.unit_code";

  private UnitReport row(ResultSet rs, int n) throws SQLException {
    return new UnitReport(rs.getLong(1), rs.getString(2), rs.getString(3), ReportLevel.valueOf(rs.getString(4)),
        ReportPeriod.parse(rs.getString(5)), rs.getString(6), time(rs.getTimestamp(7)), time(rs.getTimestamp(8)), rs.getString(9),
        longs(rs.getString(10)), longs(rs.getString(11)), texts(rs.getString(12)), rs.getBoolean(13), rs.getString(14),
        rs.getString(15), time(rs.getTimestamp(16)), rs.getString(17), time(rs.getTimestamp(18)), rs.getString(19),
        time(rs.getTimestamp(20)), rs.getString(21));
  }

  private static LocalDateTime time(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toLocalDateTime();
  }

  private static Map<String, Long> longs(String json) {
    return json == null ? Map.of() : read(json, new TypeReference<LinkedHashMap<String, Long>>() {});
  }

  private static Map<String, String> texts(String json) {
    return json == null ? Map.of() : read(json, new TypeReference<LinkedHashMap<String, String>>() {});
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Long number(Object value, ReportFigure figure, List<Problem> problems) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= 0 && n.longValue() < 10_000_000) {
      return n.longValue();
    }
    if (value instanceof String s && s.trim().matches("\\d{1,7}")) {
      return Long.parseLong(s.trim());
    }
    problems.add(new Problem(figure.key(), figure.label() + "须为不小于0的整数"));
    return null;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static boolean nonZero(Long value) {
    return value != null && value != 0;
  }
}
