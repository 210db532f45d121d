package cn.baoxue.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.QuickTier;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 四个一 in the engine, the clock moved through a month, a quarter, a half year and a year: the
 * scheduler (report-cadence.bpmn) opens one report (unit-report.bpmn) per unit, a school submits a
 * zero report or corrects a figure with a reason, a late school is urged by its township, and each
 * upper level sees by name who has not submitted.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
    "baoxue.reporting.scheduled=true"})
class ReportCadenceProcessTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired StaffDirectory staff;
  @Autowired UnitReports reports;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.baoxue.audit.AuditVerification verification;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aMonthOpensEverySchoolsAndTownshipsReportAndALateSchoolIsUrged() {
    ClockUtil.setCurrentTime(at(2026, 5, 1, 9));
    String cadence = runCadence();
    assertThat(passed(cadence)).containsExactlyInAnyOrder("monthStarted", "openSchoolReports", "openTownshipReports",
        "upperLevelsFork", "quarterEndedGateway", "quarterNotEnded", "halfEndedGateway", "halfNotEnded", "yearEndedGateway",
        "yearNotEnded");
    // One report per school and per township, none for a county: April ends no quarter.
    assertThat(reportsOf("2026-04")).isEqualTo(units("SCHOOL") + units("TOWNSHIP"));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-report")
        .processInstanceBusinessKey("530627-2026-Q2").count()).isZero();

    String changan = process("5306270001-2026-04");
    Task changanTask = taskOf(changan);
    assertThat(changanTask.getTaskDefinitionKey()).isEqualTo("submitReport");
    assertThat(candidateGroups(changanTask)).containsExactly("school_5306270001");
    assertThat(changanTask.getPriority()).isEqualTo(50);
    // Due five working days after the month: Friday 8 May (1–5 May are the 劳动节 holiday).
    assertThat(changanTask.getDueDate()).isAfter(at(2026, 5, 1, 18));
    Map<String, Object> variables = runtimeService.getVariables(changan);
    assertThat(variables).containsEntry("unitCode", "5306270001").containsEntry("unitName", "长安村小学")
        .containsEntry("period", "2026-04").containsEntry("periodLabel", "2026年4月")
        .containsEntry("reportGroup", "school_5306270001").containsEntry("superiorGroup", "township_530627205")
        .containsEntry("reportTitle", "控辍保学工作月报表")
        .containsKeys("students", "computedStudents", "newCases", "computedNewCases", "openCasesText", "reportDueDate");
    assertThat(variables.get("students")).isEqualTo(variables.get("computedStudents"));

    // 零报告: nothing new this month — a submission like any other.
    Map<String, Object> zero = new HashMap<>(Map.of("zeroReport", true));
    zeroOut(variables, zero);
    users().complete("principal-changan", changanTask.getId(), zero);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(changan).count()).isZero();
    assertThat(passed(changan)).containsExactly("reportOpened", "submitReport", "reportSubmitted");
    UnitReport submitted = reports.find("5306270001", "2026-04").orElseThrow();
    assertThat(submitted.isSubmitted()).isTrue();
    assertThat(submitted.zeroReport()).isTrue();
    assertThat(submitted.submittedBy()).isEqualTo("principal-changan");
    assertThat(submitted.sha256()).matches("[0-9a-f]{64}");
    assertThat(jdbc.queryForObject("select payload from audit_trail where entry_kind = 'UNIT_REPORT' and ref_id = ?", String.class,
        submitted.id())).isEqualTo("report=" + submitted.id() + ";unit=5306270001;period=2026-04;sha256=" + submitted.sha256());
    // A submission changed behind the system's back no longer matches its hash: the audit check says so.
    assertThat(verification.verify().problems()).noneMatch(problem -> problem.contains("报表 #" + submitted.id() + " "));
    String content = jdbc.queryForObject("select content from unit_report where id = ?", String.class, submitted.id());
    jdbc.update("update unit_report set content = ? where id = ?", content.replace("\"zeroReport\":true", "\"zeroReport\":false"),
        submitted.id());
    try {
      assertThat(verification.verify().problems()).contains("报表 #" + submitted.id() + " 的报送内容已被改动");
    } finally {
      jdbc.update("update unit_report set content = ? where id = ?", content, submitted.id());
    }

    // 南台小学 corrects a figure: refused without a reason, nothing recorded; recorded beside the count with one.
    String nantai = process("5306270002-2026-04");
    Task nantaiTask = taskOf(nantai);
    long counted = ((Number) runtimeService.getVariable(nantai, "computedStudents")).longValue();
    assertThatThrownBy(() -> users().complete("teacher-nantai", nantaiTask.getId(), Map.of("students", counted + 3)))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class).hasMessageContaining("更正原因");
    assertThat(reports.find("5306270002", "2026-04").orElseThrow().isSubmitted()).isFalse();
    users().complete("teacher-nantai", nantaiTask.getId(), Map.of("students", counted + 3, "studentsReason", "3名随迁子女4月底转入，学籍尚未录入"));
    UnitReport corrected = reports.find("5306270002", "2026-04").orElseThrow();
    assertThat(corrected.computed()).containsEntry("students", counted);
    assertThat(corrected.submitted()).containsEntry("students", counted + 3);
    assertThat(corrected.corrections()).containsOnly(Map.entry("students", "3名随迁子女4月底转入，学籍尚未录入"));

    // 尖山乡 sees who has not submitted: 尖山中学, by name; 长安村小学 has.
    String jianshan = process("530627205-2026-04");
    Task townshipTask = taskOf(jianshan);
    assertThat(candidateGroups(townshipTask)).containsExactly("township_530627205");
    assertThat(runtimeService.getVariable(jianshan, "missingUnitsText").toString()).contains("尖山中学").doesNotContain("长安村小学");
    assertThat(reports.missing("530627205", ReportLevel.TOWNSHIP, ReportPeriod.parse("2026-04")))
        .extracting(UnitReports.MissingUnit::name).containsExactly("尖山中学");

    // 尖山中学 misses its due date: recorded, its priority raised, 尖山乡 told and asked to urge.
    String late = process("5306270003-2026-04");
    Task lateTask = taskOf(late);
    ClockUtil.setCurrentTime(new Date(lateTask.getDueDate().getTime() + 3_600_000));
    Job timer = managementService.createJobQuery().processInstanceId(late).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(lateTask.getDueDate());
    managementService.executeJob(timer.getId());
    assertThat(taskService.createTaskQuery().taskId(lateTask.getId()).singleResult().getPriority()).isEqualTo(UnitReports.LATE_PRIORITY);
    Task urge = taskService.createTaskQuery().processInstanceId(late).taskDefinitionKey("urgeReport").singleResult();
    assertThat(candidateGroups(urge)).containsExactly("township_530627205");
    assertThat(passed(late)).contains("reportOverdue", "recordLateReport", "hasSuperiorGateway", "urgeReport");
    assertThat(reports.find("5306270003", "2026-04").orElseThrow().statusLabel()).isEqualTo("逾期未报");
    assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'township_530627205'"
        + " and case_number = '5306270003-2026-04'", Long.class)).isEqualTo(1);
    users().complete("official-jianshan", urge.getId(), Map.of("urgeNote", "请尖山中学今天下班前报送4月报表"));
    assertThat(reports.find("5306270003", "2026-04").orElseThrow().urgedBy()).isEqualTo("official-jianshan");
    assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'school_5306270003'"
        + " and message like '上级催报%'", Long.class)).isEqualTo(1);

    Map<String, Object> late0 = new HashMap<>();
    zeroOut(runtimeService.getVariables(late), late0);
    users().complete("teacher-jianshan", lateTask.getId(), late0);
    assertThat(reports.find("5306270003", "2026-04").orElseThrow().statusLabel()).isEqualTo("逾期报送");
    assertThat(runtimeService.getVariable(jianshan, "missingUnitsText").toString()).contains("已全部报送");
    assertThat(reports.missing("530627205", ReportLevel.TOWNSHIP, ReportPeriod.parse("2026-04"))).isEmpty();

    // The township submits its own.
    users().complete("official-jianshan", townshipTask.getId(), Map.of());
    assertThat(reports.find("530627205", "2026-04").orElseThrow().submittedBy()).isEqualTo("official-jianshan");
  }

  @Test
  void aQuarterAndAHalfYearOpenTheCountyAndPrefectureReportsWhichNameTheMissingUnits() {
    ClockUtil.setCurrentTime(at(2026, 7, 1, 9));
    String cadence = runCadence();
    assertThat(passed(cadence)).containsExactlyInAnyOrder("monthStarted", "openSchoolReports", "openTownshipReports",
        "upperLevelsFork", "quarterEndedGateway", "openCountyReports", "quarterReportsOpened", "halfEndedGateway",
        "openPrefectureReports", "halfReportsOpened", "yearEndedGateway", "yearNotEnded");
    assertThat(reportsOf("2026-Q2")).isEqualTo(units("COUNTY"));
    assertThat(reportsOf("2026-H1")).isEqualTo(units("PREFECTURE"));

    String zhenxiong = process("530627-2026-Q2");
    assertThat(candidateGroups(taskOf(zhenxiong))).containsExactly("county_530627");
    assertThat(runtimeService.getVariable(zhenxiong, "superiorGroup")).isEqualTo("prefecture_530600");
    assertThat(runtimeService.getVariable(zhenxiong, "reportTitle")).isEqualTo("控辍保学工作季度报表");
    // The townships owe three monthly reports each; none has submitted them all.
    assertThat(reports.missing("530627", ReportLevel.COUNTY, ReportPeriod.parse("2026-Q2")))
        .extracting(UnitReports.MissingUnit::name).contains("尖山乡", "南台镇");
    assertThat(runtimeService.getVariable(zhenxiong, "missingUnitsText").toString()).contains("尖山乡").contains("2026年6月");

    String zhaotong = process("530600-2026-H1");
    assertThat(candidateGroups(taskOf(zhaotong))).containsExactly("prefecture_530600");
    assertThat(runtimeService.getVariable(zhaotong, "periodLabel")).isEqualTo("2026年上半年（春季学期）");
    assertThat(reports.missing("530600", ReportLevel.PREFECTURE, ReportPeriod.parse("2026-H1")))
        .extracting(UnitReports.MissingUnit::name).contains("镇雄县", "彝良县");

    // 镇雄县 submits its quarter: 昭通市 no longer misses its second quarter, still its first.
    users().complete("bureau-zhenxiong", taskOf(zhenxiong).getId(), Map.of());
    assertThat(reports.missing("530600", ReportLevel.PREFECTURE, ReportPeriod.parse("2026-H1")))
        .filteredOn(m -> m.name().equals("镇雄县")).singleElement()
        .satisfies(m -> assertThat(m.periods()).containsExactly("2026年第一季度"));
    assertThat(runtimeService.getVariable(zhaotong, "missingUnitsText").toString()).contains("镇雄县（2026年第一季度）");

    // Opening again opens nothing twice.
    assertThat(reports.open(ReportLevel.COUNTY, java.time.YearMonth.of(2026, 6))).isZero();
  }

  @Test
  void aYearOpensTheProvincesReportWhichHasNoSuperiorToUrgeIt() {
    ClockUtil.setCurrentTime(at(2027, 1, 1, 9));
    String cadence = runCadence();
    assertThat(passed(cadence)).containsExactlyInAnyOrder("monthStarted", "openSchoolReports", "openTownshipReports",
        "upperLevelsFork", "quarterEndedGateway", "openCountyReports", "quarterReportsOpened", "halfEndedGateway",
        "openPrefectureReports", "halfReportsOpened", "yearEndedGateway", "openProvinceReports", "yearReportsOpened");
    assertThat(reportsOf("2026")).isEqualTo(units("PROVINCE"));
    String yunnan = process("530000-2026");
    Task task = taskOf(yunnan);
    assertThat(candidateGroups(task)).containsExactly("province_530000");
    assertThat(runtimeService.getVariable(yunnan, "reportTitle")).isEqualTo("控辍保学工作年度报告表");
    assertThat(reports.missing("530000", ReportLevel.PROVINCE, ReportPeriod.parse("2026")))
        .filteredOn(m -> m.name().equals("昭通市")).singleElement()
        .satisfies(m -> assertThat(m.periods()).containsExactly("2026年上半年（春季学期）", "2026年下半年（秋季学期）"));

    ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 3_600_000));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(yunnan).timers().singleResult().getId());
    assertThat(passed(yunnan)).contains("recordLateReport", "hasSuperiorGateway", "noSuperior");
    assertThat(taskService.createTaskQuery().processInstanceId(yunnan).taskDefinitionKey("urgeReport").count()).isZero();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getPriority()).isEqualTo(UnitReports.LATE_PRIORITY);
  }

  @Test
  void nobodyStartsAReportByHand() {
    // Staff may not start it (the engine's authorizations grant no start of unit-report) …
    assertThatThrownBy(() -> users().as("principal-changan", () -> runtimeService.startProcessInstanceByKey("unit-report",
        "5306270001-2025-01", Map.of("reportGroup", "school_5306270001"))))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    // … and even without them the start refuses a report the scheduler did not open.
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("unit-report", "5306270001-2025-01",
        Map.of("reportGroup", "school_5306270001")))
        .hasRootCauseInstanceOf(InvalidCaseInputException.class).hasMessageContaining("不能手动启动");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-report")
        .processInstanceBusinessKey("5306270001-2025-01").count()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  /** Runs the scheduler's timer as the job executor would at this moment; returns the process it started. */
  private String runCadence() {
    Job timer = managementService.createJobQuery().processDefinitionKey("report-cadence").timers().list().stream()
        .max(Comparator.comparing(Job::getId)).orElseThrow();
    java.util.Set<String> before = new java.util.HashSet<>(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("report-cadence").list().stream().map(HistoricProcessInstance::getId).toList());
    managementService.executeJob(timer.getId());
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("report-cadence").list().stream()
        .map(HistoricProcessInstance::getId).filter(id -> !before.contains(id)).findFirst().orElseThrow();
  }

  private static void zeroOut(Map<String, Object> variables, Map<String, Object> submission) {
    for (String figure : List.of("newCases", "confirmed")) {
      if (((Number) variables.get(figure)).longValue() != 0) {
        submission.put(figure, 0);
        submission.put(figure + "Reason", "经核实本月无新增");
      }
    }
  }

  private ActingUsers users() {
    return new ActingUsers(engine, staff);
  }

  private long reportsOf(String period) {
    return jdbc.queryForObject("select count(*) from unit_report where period = ? and process_instance_id is not null", Long.class, period);
  }

  private long units(String type) {
    return jdbc.queryForObject("select count(*) from org_unit where unit_type = ?", Long.class, type);
  }

  private String process(String businessKey) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-report")
        .processInstanceBusinessKey(businessKey).singleResult();
    assertThat(instance).as(businessKey).isNotNull();
    return instance.getId();
  }

  private Task taskOf(String pi) {
    return taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("submitReport").singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private List<String> passed(String pi) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi)
        .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CHINA).toInstant());
  }
}
